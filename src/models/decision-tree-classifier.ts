import { DataError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { decodeSchema, encodeSchema, schemaOfMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { encodeLabels, toLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { oneOf, param, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { checkSampleWeight } from "../core/sample-weight.js";
import type { StateReader } from "../core/state-codec.js";
import { encodeClasses, readClasses } from "./class-labels-state.js";
import { classWeightCheck, computeClassWeight, weightRows, weightSource, type ClassWeight } from "./class-weight.js";
import type { FitOptions } from "./fit-options.js";
import { exactSums, GROWTH_SCHEMA, growthChecks, growTree, resolveMaxFeatures, type ClassificationCriterionName, type TreeGrowthParams } from "./tree/grow-tree.js";
import { decodeTree, encodeTree } from "./tree/tree-codec.js";
import { rankFeatures } from "./tree/feature-ranks.js";
import { toTreeData } from "./tree/tree-data.js";
import { checkGiniWeights, checkTrainingSize, predictionMatrix, trainingMatrix, weightTotal } from "./tree/tree-input.js";
import { addTreeValues, applyTree, toFloat32Rows, argmaxLabels, countLeaves, treeFeatureImportances } from "./tree/tree-predict.js";
import { copyTree, type TreeStructure } from "./tree/tree-structure.js";

export interface DecisionTreeClassifierParams extends TreeGrowthParams {
  /** Impurity: "gini" (default), or "entropy" / "log_loss" (the same criterion). */
  criterion: ClassificationCriterionName;
  /** Only scikit-learn's default, "best", is implemented. */
  splitter: "best";
  /** Seeds the feature order; null draws a fresh seed (not reproducible). */
  randomState: number | null;
  /** Weights per class: "balanced", a record keyed by label text, or null. */
  classWeight: ClassWeight;
}

const SCHEMA: ParamSchema<DecisionTreeClassifierParams> = {
  criterion: param<ClassificationCriterionName>("gini", oneOf("gini", "entropy", "log_loss")),
  splitter: param<"best">("best", oneOf("best")),
  ...GROWTH_SCHEMA,
  maxFeatures: param<DecisionTreeClassifierParams["maxFeatures"]>(null, growthChecks.maxFeatures),
  classWeight: param<ClassWeight>(null, classWeightCheck()),
};

interface DecisionTreeClassifierState {
  schema: FeatureSchema;
  classes: Label[];
  maxFeatures: number;
  tree: TreeStructure;
}

/**
 * A CART classification tree identical to scikit-learn's `DecisionTreeClassifier` for the same
 * `randomState`: float32 features, the same split search, feature order and tie-breaking, NaN
 * routed to the side that scores best, class fractions in the leaves.
 */
export class DecisionTreeClassifier extends Estimator<DecisionTreeClassifierParams, DecisionTreeClassifierState> {
  static readonly kind = "DecisionTreeClassifier";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<DecisionTreeClassifierParams>) {
    super(SCHEMA, params);
  }

  fit(X: MatrixInput, y: readonly Label[], options: FitOptions = {}): this {
    const site = this.site("fit");
    const matrix = trainingMatrix(X, site);
    const labels = toLabels(y, matrix.rows, site);
    const sampleWeight = checkSampleWeight(options.sampleWeight, matrix.rows, this.kind, "fit");
    const { classes, codes } = encodeLabels(labels);
    if (classes.length < 2) throw DataError.at(site, `y has a single class (${JSON.stringify(classes[0])}); a classifier needs at least 2 classes`);
    const p = this.params;
    checkTrainingSize(matrix.rows, p.minSamplesSplit, site);
    const maxFeatures = resolveMaxFeatures(p.maxFeatures, matrix.cols, site);
    // scikit-learn's tree balances classes by row counts, without the sample weights
    const weights = p.classWeight === null ? (sampleWeight ?? null) : weightRows(computeClassWeight(p.classWeight, classes, codes, undefined, site), codes, sampleWeight);
    const source = weightSource(p.classWeight);
    const total = weightTotal(weights, matrix.rows, source, site);
    if (p.criterion === "gini") checkGiniWeights(total, source, site);
    const data = toTreeData(matrix, site);
    const treeSeed = checkRandomState(p.randomState).randint(0, 0x7fffffff);
    const ranks = exactSums(weights, classes.length) ? rankFeatures(data) : null;
    const tree = growTree(data, { kind: "classification", codes, nClasses: classes.length, criterion: p.criterion }, weights, p, maxFeatures, treeSeed, ranks);
    return this.commit({ schema: schemaOfMatrix(X, matrix), classes, maxFeatures, tree });
  }

  /** Class probabilities (the leaf's weighted class fractions), one column per class. */
  predictProba(X: MatrixInput): Matrix {
    return this.proba(X, "predictProba");
  }

  private proba(X: MatrixInput, method: string): Matrix {
    const { schema, tree, classes } = this.fitted(method);
    const matrix = predictionMatrix(X, schema, this.site(method));
    const out = new Float64Array(matrix.rows * classes.length);
    addTreeValues(tree, toFloat32Rows(matrix.data), matrix.rows, matrix.cols, out);
    return new Matrix(out, matrix.rows, classes.length);
  }

  /** The most likely class per row (first class on ties). */
  predict(X: MatrixInput): Label[] {
    const { classes } = this.fitted("predict");
    return argmaxLabels(this.proba(X, "predict"), classes);
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
  get classes(): Label[] {
    return [...this.fitted("classes").classes];
  }
  /** Normalised mean decrease in impurity per feature. */
  get featureImportances(): Float64Array {
    const { tree, schema } = this.fitted("featureImportances");
    return treeFeatureImportances(tree, schema.names.length);
  }
  /** The fitted tree's node arrays (copies). */
  get tree(): TreeStructure {
    return copyTree(this.fitted("tree").tree);
  }
  get maxFeaturesResolved(): number {
    return this.fitted("maxFeaturesResolved").maxFeatures;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  protected encodeState(state: DecisionTreeClassifierState): JsonObject {
    return { schema: encodeSchema(state.schema), classes: encodeClasses(state.classes), maxFeatures: state.maxFeatures, tree: encodeTree(state.tree) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): DecisionTreeClassifierState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const classes = readClasses(reader, "classes", { min: 2 });
    const maxFeatures = reader.integer("maxFeatures", { min: 1, max: schema.names.length });
    return { schema, classes, maxFeatures, tree: decodeTree(reader.object("tree"), schema.names.length, { nClasses: classes.length }) };
  }
}
