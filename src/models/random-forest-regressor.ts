import { DataError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { decodeSchema, encodeSchema, schemaOfMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { ProgressOptions } from "../core/fit-progress.js";
import type { JsonObject } from "../core/json.js";
import { toTargets } from "../core/labels.js";
import { oneOf, param, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { checkSampleWeight } from "../core/sample-weight.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { r2Score } from "../metrics/r2-score.js";
import type { FitOptions } from "./fit-options.js";
import { checkParallel } from "../core/parallel.js";
import { drawTreeSeeds, type ForestPlan } from "./tree/forest-plan.js";
import { bootstrapSize, FOREST_SCHEMA, type ForestParams } from "./tree/forest-params.js";
import { flattenForest, predictFlat, type FlatForest } from "./tree/flat-forest.js";
import type { AssembledForest } from "./tree/forest-assembly.js";
import { checkOobBlock, outOfBag } from "./tree/forest-summary.js";
import { growthChecks, resolveMaxFeatures, type RegressionCriterionName } from "./tree/grow-tree.js";
import { growForest, runForest, type ForestFitOptions } from "./tree/run-forest.js";
import { decodeCompactTree, encodeCompactTree } from "./tree/tree-codec.js";
import { toTreeData } from "./tree/tree-data.js";
import { weightedChoice } from "./tree/weighted-choice.js";
import { checkTargetRange, checkTrainingSize, predictionMatrix, trainingMatrix, weightTotal } from "./tree/tree-input.js";
import { toFloat32Rows } from "./tree/tree-predict.js";
import { copyTree, type TreeStructure } from "./tree/tree-structure.js";

export interface RandomForestRegressorParams extends ForestParams {
  /** "squared_error" (default; "friedman_mse" is its deprecated alias) or "absolute_error". */
  criterion: RegressionCriterionName;
}

const SCHEMA: ParamSchema<RandomForestRegressorParams> = {
  ...FOREST_SCHEMA,
  criterion: param<RegressionCriterionName>("squared_error", oneOf("squared_error", "friedman_mse", "absolute_error")),
  // scikit-learn's default 1.0 (every feature); a plain 1 would mean one feature here
  maxFeatures: param<RandomForestRegressorParams["maxFeatures"]>(null, growthChecks.maxFeatures),
};

interface RandomForestRegressorState {
  schema: FeatureSchema;
  maxFeatures: number;
  trees: TreeStructure[];
  /** the trees in one flat layout for prediction */
  flat: FlatForest;
  featureImportances: Float64Array;
  oob: { score: number; prediction: Float64Array } | null;
}

/**
 * A random forest regressor identical to scikit-learn's `RandomForestRegressor` for the same
 * `randomState`: the same seeds, bootstrap draws and trees, predictions averaged in tree order.
 */
export class RandomForestRegressor extends Estimator<RandomForestRegressorParams, RandomForestRegressorState> {
  static readonly kind = "RandomForestRegressor";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<RandomForestRegressorParams>) {
    super(SCHEMA, params);
  }

  /** Fits on this thread; `options.onProgress` hears of the trees as they grow (task "trees"). */
  fit(X: MatrixInput, y: ArrayLike<number>, options: FitOptions & ProgressOptions = {}): this {
    const job = this.prepare(X, y, options, "fit");
    return this.finish(job, growForest(job.plan, options.onProgress), options, "fit");
  }

  /**
   * As `fit`, growing batches of trees on up to `nJobs` workers of `options.parallel` (e.g. the
   * `WorkerPool` of `tabkit/node`): the same trees for any runner and `nJobs`. Nothing is
   * committed unless every tree grows.
   */
  async fitAsync(X: MatrixInput, y: ArrayLike<number>, options: ForestFitOptions = {}): Promise<this> {
    const parallel = checkParallel(options.parallel, `${this.kind}.fitAsync`);
    const job = this.prepare(X, y, options, "fitAsync");
    return this.finish(job, await runForest(job.plan, this.params.nJobs, { ...options, parallel }), options, "fitAsync");
  }

  private prepare(X: MatrixInput, y: ArrayLike<number>, options: FitOptions, method: string) {
    const site = this.site(method);
    const matrix = trainingMatrix(X, site);
    const target = toTargets(y, matrix.rows, site);
    const sampleWeight = checkSampleWeight(options.sampleWeight, matrix.rows, this.kind, method);
    const p = this.params;
    checkTrainingSize(matrix.rows, p.minSamplesSplit, site);
    if (p.oobScore && !p.bootstrap) throw DataError.at(site, "oobScore needs bootstrap: true (out-of-bag rows exist only with bootstrap samples)");
    if (p.maxSamples !== null && !p.bootstrap) throw DataError.at(site, "maxSamples can only be set with bootstrap: true");
    const maxFeatures = resolveMaxFeatures(p.maxFeatures, matrix.cols, site);
    const weights = sampleWeight ?? null;
    const total = weightTotal(weights, matrix.rows, "sampleWeight", site);
    const nBoot = p.bootstrap ? bootstrapSize(p.maxSamples, matrix.rows, weights === null ? null : total, (text) => options.onWarning?.(this.message(method, text))) : matrix.rows;
    // a bootstrap tree is weighted by its draw counts, which total nBoot; the out-of-bag R² sums
    // squared deviations of up to 2 max|y| over the rows, at most (2 rows max|y|)²
    const treeTotal = p.bootstrap ? nBoot : total;
    checkTargetRange(target, p.oobScore ? Math.max(treeTotal, 2 * matrix.rows) : treeTotal, p.criterion !== "absolute_error" || p.oobScore, site);
    const plan: ForestPlan = {
      data: toTreeData(matrix, site),
      target: { kind: "regression", y: target, criterion: p.criterion },
      growth: p,
      maxFeatures,
      seeds: drawTreeSeeds(checkRandomState(p.randomState), p.nEstimators),
      bootstrap: p.bootstrap,
      nBoot,
      choice: p.bootstrap && weights !== null ? weightedChoice(weights) : null,
      baseWeights: p.bootstrap ? null : weights,
      balancedSubsample: false,
      ranks: null,
    };
    return { plan, matrix, target, schema: schemaOfMatrix(X, matrix) };
  }

  private finish(job: ReturnType<RandomForestRegressor["prepare"]>, forest: AssembledForest, options: FitOptions, method: string): this {
    const { plan, matrix, target, schema } = job;
    let oob: RandomForestRegressorState["oob"] = null;
    if (this.params.oobScore) {
      const { values, missing } = outOfBag(plan, forest.trees, matrix.data, matrix.rows, matrix.cols, 1);
      if (missing > 0) options.onWarning?.(this.message(method, `${missing} row(s) were never out of bag, so they have no OOB estimate; use more trees`));
      oob = { score: r2Score(target, values), prediction: values };
    }
    return this.commit({ schema, maxFeatures: plan.maxFeatures, ...forest, oob });
  }

  /** Mean of the trees' predictions. */
  predict(X: MatrixInput): Float64Array {
    const { schema, flat } = this.fitted("predict");
    const matrix = predictionMatrix(X, schema, this.site("predict"));
    return predictFlat(flat, toFloat32Rows(matrix.data), matrix.rows, matrix.cols);
  }

  get featureImportances(): Float64Array {
    return this.fitted("featureImportances").featureImportances.slice();
  }
  /**
   * Copies of the fitted trees' node arrays, in order. A loaded forest keeps only what prediction
   * needs: impurities, node sizes and internal nodes' values read as zero.
   */
  get estimators(): TreeStructure[] {
    return this.fitted("estimators").trees.map(copyTree);
  }
  get maxFeaturesResolved(): number {
    return this.fitted("maxFeaturesResolved").maxFeatures;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }
  /** R² of the out-of-bag predictions (oobScore: true). */
  get oobScore(): number {
    const { oob } = this.fitted("oobScore");
    if (oob === null) throw new DataError(this.message("oobScore", "fit with oobScore: true to get out-of-bag estimates"));
    return oob.score;
  }
  get oobPrediction(): Float64Array {
    const { oob } = this.fitted("oobPrediction");
    if (oob === null) throw new DataError(this.message("oobPrediction", "fit with oobScore: true to get out-of-bag estimates"));
    return oob.prediction.slice();
  }

  protected encodeState(state: RandomForestRegressorState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      maxFeatures: state.maxFeatures,
      trees: state.trees.map((tree) => encodeCompactTree(tree, state.schema.names.length)),
      featureImportances: encodeFloat64Array(state.featureImportances),
      oob: state.oob === null ? null : { score: state.oob.score, prediction: encodeFloat64Array(state.oob.prediction) },
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): RandomForestRegressorState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const cols = schema.names.length;
    const maxFeatures = reader.integer("maxFeatures", { min: 1, max: cols });
    const trees = reader.objects("trees", { length: this.params.nEstimators }).map((r) => decodeCompactTree(r, cols, { nTrees: this.params.nEstimators }));
    const featureImportances = reader.f64("featureImportances", { length: cols, finite: true, min: 0, max: 1 });
    checkOobBlock(reader, this.params.oobScore);
    let oob: RandomForestRegressorState["oob"] = null;
    if (reader.raw("oob") !== null) {
      const o = reader.object("oob");
      oob = { score: o.number("score", { finite: false }), prediction: o.f64("prediction", {}) };
    }
    return { schema, maxFeatures, trees, flat: flattenForest(trees, 1), featureImportances, oob };
  }
}
