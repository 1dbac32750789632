import { Estimator, type LoadContext } from "../core/estimator.js";
import { decodeSchema, encodeSchema, schemaOfMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { toTargets } from "../core/labels.js";
import { oneOf, param, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { checkSampleWeight } from "../core/sample-weight.js";
import type { StateReader } from "../core/state-codec.js";
import type { FitOptions } from "./fit-options.js";
import { GROWTH_SCHEMA, growthChecks, growTree, resolveMaxFeatures, type RegressionCriterionName, type TreeGrowthParams } from "./tree/grow-tree.js";
import { decodeTree, encodeTree } from "./tree/tree-codec.js";
import { toTreeData } from "./tree/tree-data.js";
import { checkTargetRange, checkTrainingSize, predictionMatrix, trainingMatrix, weightTotal } from "./tree/tree-input.js";
import { addTreeValues, applyTree, toFloat32Rows, countLeaves, treeFeatureImportances } from "./tree/tree-predict.js";
import { copyTree, type TreeStructure } from "./tree/tree-structure.js";

export interface DecisionTreeRegressorParams extends TreeGrowthParams {
  /** "squared_error" (default; "friedman_mse" is its deprecated alias in scikit-learn 1.9) or "absolute_error". */
  criterion: RegressionCriterionName;
  /** Only scikit-learn's default, "best", is implemented. */
  splitter: "best";
  /** Seeds the feature order; null draws a fresh seed (not reproducible). */
  randomState: number | null;
}

const SCHEMA: ParamSchema<DecisionTreeRegressorParams> = {
  criterion: param<RegressionCriterionName>("squared_error", oneOf("squared_error", "friedman_mse", "absolute_error")),
  splitter: param<"best">("best", oneOf("best")),
  ...GROWTH_SCHEMA,
  maxFeatures: param<DecisionTreeRegressorParams["maxFeatures"]>(null, growthChecks.maxFeatures),
};

interface DecisionTreeRegressorState {
  schema: FeatureSchema;
  maxFeatures: number;
  tree: TreeStructure;
}

/**
 * A CART regression tree identical to scikit-learn's `DecisionTreeRegressor` for the same
 * `randomState` (squared or absolute error; the sums run in scikit-learn's sample order, so
 * thresholds and leaf values are the same bits).
 */
export class DecisionTreeRegressor extends Estimator<DecisionTreeRegressorParams, DecisionTreeRegressorState> {
  static readonly kind = "DecisionTreeRegressor";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<DecisionTreeRegressorParams>) {
    super(SCHEMA, params);
  }

  fit(X: MatrixInput, y: ArrayLike<number>, options: FitOptions = {}): this {
    const site = this.site("fit");
    const matrix = trainingMatrix(X, site);
    const target = toTargets(y, matrix.rows, site);
    const sampleWeight = checkSampleWeight(options.sampleWeight, matrix.rows, this.kind, "fit");
    const p = this.params;
    checkTrainingSize(matrix.rows, p.minSamplesSplit, site);
    const maxFeatures = resolveMaxFeatures(p.maxFeatures, matrix.cols, site);
    checkTargetRange(target, weightTotal(sampleWeight ?? null, matrix.rows, "sampleWeight", site), p.criterion !== "absolute_error", site);
    const data = toTreeData(matrix, site);
    const treeSeed = checkRandomState(p.randomState).randint(0, 0x7fffffff);
    const tree = growTree(data, { kind: "regression", y: target, criterion: p.criterion }, sampleWeight ?? null, p, maxFeatures, treeSeed);
    return this.commit({ schema: schemaOfMatrix(X, matrix), maxFeatures, tree });
  }

  /** The leaf value (weighted mean, or weighted median for absolute error) per row. */
  predict(X: MatrixInput): Float64Array {
    const { schema, tree } = this.fitted("predict");
    const matrix = predictionMatrix(X, schema, this.site("predict"));
    // -0 + v is v for every v, so a leaf of -0 (an absolute-error median) predicts -0 as scikit-learn's
    const out = new Float64Array(matrix.rows).fill(-0);
    addTreeValues(tree, toFloat32Rows(matrix.data), matrix.rows, matrix.cols, out);
    return out;
  }

  /** The leaf index each row lands in. */
  apply(X: MatrixInput): Int32Array {
    const { schema, tree } = this.fitted("apply");
    const matrix = predictionMatrix(X, schema, this.site("apply"));
    return applyTree(tree, toFloat32Rows(matrix.data), matrix.rows, matrix.cols, new Int32Array(matrix.rows));
  }

  getDepth(): number {
    return this.fitted("getDepth").tree.maxDepth;
  }
  getNLeaves(): number {
    return countLeaves(this.fitted("getNLeaves").tree);
  }
  get featureImportances(): Float64Array {
    const { tree, schema } = this.fitted("featureImportances");
    return treeFeatureImportances(tree, schema.names.length);
  }
  get tree(): TreeStructure {
    return copyTree(this.fitted("tree").tree);
  }
  get maxFeaturesResolved(): number {
    return this.fitted("maxFeaturesResolved").maxFeatures;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  protected encodeState(state: DecisionTreeRegressorState): JsonObject {
    return { schema: encodeSchema(state.schema), maxFeatures: state.maxFeatures, tree: encodeTree(state.tree) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): DecisionTreeRegressorState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const maxFeatures = reader.integer("maxFeatures", { min: 1, max: schema.names.length });
    return { schema, maxFeatures, tree: decodeTree(reader.object("tree"), schema.names.length, { nTrees: 1 }) };
  }
}
