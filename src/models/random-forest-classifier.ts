import { DataError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { decodeSchema, encodeSchema, schemaOfMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { ProgressOptions } from "../core/fit-progress.js";
import type { JsonObject } from "../core/json.js";
import { encodeLabels, toLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { anyOf, nullable, oneOf, param, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { checkSampleWeight } from "../core/sample-weight.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { encodeClasses, readClasses } from "./class-labels-state.js";
import { classWeightCheck, computeClassWeight, weightRows, weightSource, type ClassWeight } from "./class-weight.js";
import type { FitOptions } from "./fit-options.js";
import { checkParallel } from "../core/parallel.js";
import { drawTreeSeeds, type ForestPlan } from "./tree/forest-plan.js";
import { bootstrapSize, FOREST_SCHEMA, type ForestParams } from "./tree/forest-params.js";
import { flattenForest, predictFlat, type FlatForest } from "./tree/flat-forest.js";
import type { AssembledForest } from "./tree/forest-assembly.js";
import { checkOobBlock, outOfBag } from "./tree/forest-summary.js";
import { growthChecks, resolveMaxFeatures, type ClassificationCriterionName } from "./tree/grow-tree.js";
import { decodeCompactTree, encodeCompactTree } from "./tree/tree-codec.js";
import { rankFeatures } from "./tree/feature-ranks.js";
import { toTreeData } from "./tree/tree-data.js";
import { weightedChoice } from "./tree/weighted-choice.js";
import { checkGiniWeights, checkTrainingSize, predictionMatrix, trainingMatrix, weightTotal } from "./tree/tree-input.js";
import { argmaxLabels, toFloat32Rows } from "./tree/tree-predict.js";
import { copyTree, type TreeStructure } from "./tree/tree-structure.js";
import { growForest, runForest, type ForestFitOptions } from "./tree/run-forest.js";

/** Class weights of a forest: as a tree's, plus "balanced_subsample" (balanced per bootstrap sample). */
export type ForestClassWeight = ClassWeight | "balanced_subsample";

export interface RandomForestClassifierParams extends ForestParams {
  /** Impurity: "gini" (default), or "entropy" / "log_loss". */
  criterion: ClassificationCriterionName;
  classWeight: ForestClassWeight;
}

const SCHEMA: ParamSchema<RandomForestClassifierParams> = {
  ...FOREST_SCHEMA,
  criterion: param<ClassificationCriterionName>("gini", oneOf("gini", "entropy", "log_loss")),
  maxFeatures: param<RandomForestClassifierParams["maxFeatures"]>("sqrt", growthChecks.maxFeatures),
  classWeight: param<ForestClassWeight>(null, nullable(anyOf(oneOf("balanced_subsample"), classWeightCheck()))),
};

interface RandomForestClassifierState {
  schema: FeatureSchema;
  classes: Label[];
  maxFeatures: number;
  trees: TreeStructure[];
  /** the trees in one flat layout for prediction */
  flat: FlatForest;
  featureImportances: Float64Array;
  oob: { score: number; decision: Float64Array } | null;
}

/**
 * A random forest classifier identical to scikit-learn's `RandomForestClassifier` for the same
 * `randomState`: the same per-tree seeds, bootstrap draws (uniform, or by weight when class or
 * sample weights are given, as scikit-learn 1.9 does), trees node for node, and probabilities
 * averaged in tree order.
 */
export class RandomForestClassifier extends Estimator<RandomForestClassifierParams, RandomForestClassifierState> {
  static readonly kind = "RandomForestClassifier";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<RandomForestClassifierParams>) {
    super(SCHEMA, params);
  }

  /** Fits on this thread; `options.onProgress` hears of the trees as they grow (task "trees"). */
  fit(X: MatrixInput, y: readonly Label[], options: FitOptions & ProgressOptions = {}): this {
    const job = this.prepare(X, y, options, "fit");
    return this.finish(job, growForest(job.plan, options.onProgress), options, "fit");
  }

  /**
   * As `fit`, growing batches of trees on up to `nJobs` workers of `options.parallel` (e.g. the
   * `WorkerPool` of `tabkit/node`): the same trees for any runner and `nJobs`. Nothing is
   * committed unless every tree grows.
   */
  async fitAsync(X: MatrixInput, y: readonly Label[], options: ForestFitOptions = {}): Promise<this> {
    const parallel = checkParallel(options.parallel, `${this.kind}.fitAsync`);
    const job = this.prepare(X, y, options, "fitAsync");
    return this.finish(job, await runForest(job.plan, this.params.nJobs, { ...options, parallel }), options, "fitAsync");
  }

  private prepare(X: MatrixInput, y: readonly Label[], options: FitOptions, method: string) {
    const site = this.site(method);
    const matrix = trainingMatrix(X, site);
    const labels = toLabels(y, matrix.rows, site);
    const sampleWeight = checkSampleWeight(options.sampleWeight, matrix.rows, this.kind, method);
    const { classes, codes } = encodeLabels(labels);
    if (classes.length < 2) throw DataError.at(site, `y has a single class (${JSON.stringify(classes[0])}); a classifier needs at least 2 classes`);
    const p = this.params;
    checkTrainingSize(matrix.rows, p.minSamplesSplit, site);
    if (p.oobScore && !p.bootstrap) throw DataError.at(site, "oobScore needs bootstrap: true (out-of-bag rows exist only with bootstrap samples)");
    if (p.maxSamples !== null && !p.bootstrap) throw DataError.at(site, "maxSamples can only be set with bootstrap: true");
    const maxFeatures = resolveMaxFeatures(p.maxFeatures, matrix.cols, site);
    // "balanced_subsample" without bootstrap is "balanced"; with bootstrap it is applied per tree
    const preset = p.classWeight === "balanced_subsample" ? (p.bootstrap ? null : "balanced") : p.classWeight;
    const weights = preset === null ? (sampleWeight ?? null) : weightRows(computeClassWeight(preset, classes, codes, sampleWeight, site), codes, sampleWeight);
    const source = weightSource(preset);
    const total = weightTotal(weights, matrix.rows, source, site);
    const nBoot = p.bootstrap ? bootstrapSize(p.maxSamples, matrix.rows, weights === null ? null : total, (text) => options.onWarning?.(this.message(method, text))) : matrix.rows;
    // a bootstrap tree is weighted by its draw counts, which total nBoot
    if (p.criterion === "gini") checkGiniWeights(p.bootstrap ? nBoot : total, source, site);
    const data = toTreeData(matrix, site);
    const seeds = drawTreeSeeds(checkRandomState(p.randomState), p.nEstimators);
    const plan: ForestPlan = {
      data,
      target: { kind: "classification", codes, nClasses: classes.length, criterion: p.criterion },
      growth: p,
      maxFeatures,
      seeds,
      bootstrap: p.bootstrap,
      nBoot,
      choice: p.bootstrap && weights !== null ? weightedChoice(weights) : null,
      baseWeights: p.bootstrap ? null : weights,
      balancedSubsample: p.bootstrap && p.classWeight === "balanced_subsample",
      ranks: rankFeatures(data),
    };
    return { plan, matrix, codes, classes, schema: schemaOfMatrix(X, matrix) };
  }

  private finish(job: ReturnType<RandomForestClassifier["prepare"]>, forest: AssembledForest, options: FitOptions, method: string): this {
    const { plan, matrix, codes, classes, schema } = job;
    let oob: RandomForestClassifierState["oob"] = null;
    if (this.params.oobScore) {
      const { values, missing } = outOfBag(plan, forest.trees, matrix.data, matrix.rows, matrix.cols, classes.length);
      if (missing > 0) options.onWarning?.(this.message(method, `${missing} row(s) were never out of bag, so they have no OOB estimate; use more trees`));
      const K = classes.length;
      let correct = 0;
      for (let i = 0; i < matrix.rows; i++) {
        let best = 0;
        for (let k = 1; k < K; k++) if (values[i * K + k] > values[i * K + best]) best = k;
        if (best === codes[i]) correct++;
      }
      oob = { score: correct / matrix.rows, decision: values };
    }
    return this.commit({ schema, classes, maxFeatures: plan.maxFeatures, ...forest, oob });
  }

  /** Mean of the trees' class probabilities, one column per class. */
  predictProba(X: MatrixInput): Matrix {
    return this.proba(X, "predictProba");
  }

  private proba(X: MatrixInput, method: string): Matrix {
    const { schema, flat, classes } = this.fitted(method);
    const matrix = predictionMatrix(X, schema, this.site(method));
    return new Matrix(predictFlat(flat, toFloat32Rows(matrix.data), matrix.rows, matrix.cols), matrix.rows, classes.length);
  }

  /** The class with the highest mean probability (first on ties). */
  predict(X: MatrixInput): Label[] {
    const { classes } = this.fitted("predict");
    return argmaxLabels(this.proba(X, "predict"), classes);
  }

  get classes(): Label[] {
    return [...this.fitted("classes").classes];
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
  /** Accuracy of the out-of-bag predictions (oobScore: true). */
  get oobScore(): number {
    const { oob } = this.fitted("oobScore");
    if (oob === null) throw new DataError(this.message("oobScore", "fit with oobScore: true to get out-of-bag estimates"));
    return oob.score;
  }
  /** Out-of-bag class probabilities per training row (oobScore: true). */
  get oobDecisionFunction(): Matrix {
    const { oob, classes } = this.fitted("oobDecisionFunction");
    if (oob === null) throw new DataError(this.message("oobDecisionFunction", "fit with oobScore: true to get out-of-bag estimates"));
    return new Matrix(oob.decision.slice(), oob.decision.length / classes.length, classes.length);
  }

  protected encodeState(state: RandomForestClassifierState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      classes: encodeClasses(state.classes),
      maxFeatures: state.maxFeatures,
      trees: state.trees.map((tree) => encodeCompactTree(tree, state.schema.names.length)),
      featureImportances: encodeFloat64Array(state.featureImportances),
      oob: state.oob === null ? null : { score: state.oob.score, decision: encodeFloat64Array(state.oob.decision) },
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): RandomForestClassifierState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const classes = readClasses(reader, "classes", { min: 2 });
    const cols = schema.names.length;
    const maxFeatures = reader.integer("maxFeatures", { min: 1, max: cols });
    const trees = reader.objects("trees", { length: this.params.nEstimators }).map((r) => decodeCompactTree(r, cols, { nClasses: classes.length }));
    const featureImportances = reader.f64("featureImportances", { length: cols, finite: true, min: 0, max: 1 });
    checkOobBlock(reader, this.params.oobScore);
    let oob: RandomForestClassifierState["oob"] = null;
    if (reader.raw("oob") !== null) {
      const o = reader.object("oob");
      const decision = o.f64("decision", { finite: true });
      if (decision.length % classes.length !== 0) o.fail("decision", `must hold ${classes.length} values per row`);
      oob = { score: o.number("score", { min: 0, max: 1 }), decision };
    }
    return { schema, classes, maxFeatures, trees, flat: flattenForest(trees, classes.length), featureImportances, oob };
  }
}
