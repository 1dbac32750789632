import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { isClassifier, respondsTo } from "../core/responds-to.js";
import { averagePrecisionScore } from "./average-precision-score.js";
import { f1Score } from "./f1-score.js";
import { fbetaScore } from "./fbeta-score.js";
import { formatLabels, metricError, optionError, type WarningOptions } from "./metric-input.js";
import { precisionScore } from "./precision-score.js";
import { recallScore } from "./recall-score.js";

/** The estimator method a scorer calls to get what the metric compares with yTrue. */
export type ScorerResponseMethod = "predict" | "predictProba" | "decisionFunction";

/**
 * What a scorer needs of an estimator: the response methods it may call, and `classes` for
 * classifiers (its presence marks a classifier, as scikit-learn's `is_classifier`).
 */
export interface ScorableEstimator {
  predict?(X: unknown): ArrayLike<Label>;
  predictProba?(X: unknown): Matrix;
  decisionFunction?(X: unknown): Float64Array | Matrix;
  readonly classes?: readonly Label[];
}

/** Per-call options of a scorer; both are passed on to the metric. */
export interface ScoreCallOptions extends WarningOptions {
  sampleWeight?: ArrayLike<number>;
}

/**
 * `(estimator, X, y) => number`, greater is better (losses are negated), plus how it was made:
 * scikit-learn's `_score_func`, `_kwargs`, `_sign` and positive label, which threshold tuning reads
 * to evaluate the metric at many thresholds.
 */
export interface Scorer {
  /** `estimator` is read as a {@link ScorableEstimator}; it is typed `unknown` so that any estimator (and any search's scorer slot) fits. */
  (estimator: unknown, X: unknown, yTrue: ArrayLike<Label>, options?: ScoreCallOptions): number;
  readonly greaterIsBetter: boolean;
  readonly responseMethod: readonly ScorerResponseMethod[];
  readonly scoreFunc: (yTrue: readonly Label[], yPred: never, kwargs: Readonly<Record<string, unknown>>) => number | Float64Array;
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly sign: 1 | -1;
  /** The positive class passed to the metric's binary responses: posLabel if given, else the metric's default (1 or null). */
  readonly defaultPosLabel: Label | null;
}

/** Options of `makeScorer`; every other key is passed to the metric. */
export interface MakeScorerOptions {
  /** False for losses: the scorer then returns the negated metric (default true). */
  greaterIsBetter?: boolean;
  /** The method to call, or methods to try in order (default "predict"). */
  responseMethod?: ScorerResponseMethod | readonly ScorerResponseMethod[];
}

/** A metric as `makeScorer` takes it: (yTrue, response, options) => a number. */
export type ScoreFunction<O extends object> = (yTrue: never, yPred: never, options: O & ScoreCallOptions) => number | Float64Array;

const RESPONSE_METHODS: readonly ScorerResponseMethod[] = ["predict", "predictProba", "decisionFunction"];

// Metrics whose posLabel defaults to 1, as scikit-learn reads it from their signatures.
const POS_LABEL_DEFAULT_ONE = new Set<unknown>([f1Score, fbetaScore, precisionScore, recallScore, averagePrecisionScore]);

/**
 * Wraps a metric into a scorer (scikit-learn's `make_scorer`). For binary classifiers the
 * probability (or decision) column of the positive class is passed: `posLabel` if given, else the
 * metric's default (1 for precision/recall/F/average precision), else the last class.
 */
export function makeScorer<const O extends object = object>(metric: ScoreFunction<NoInfer<O>>, options: MakeScorerOptions & O = {} as MakeScorerOptions & O): Scorer {
  const fn = "makeScorer";
  if (typeof metric !== "function") {
    throw optionError(fn, "metric", `metric must be a metric function such as f1Score, got ${JSON.stringify(metric)}; to get a scorer by its name use getScorer(${JSON.stringify(metric)})`);
  }
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw optionError(fn, "options", "options must be an object");
  const { greaterIsBetter = true, responseMethod = "predict", ...rest } = options;
  if (typeof greaterIsBetter !== "boolean") throw optionError(fn, "greaterIsBetter", `greaterIsBetter must be true or false, got ${JSON.stringify(greaterIsBetter)}`);
  const methods: readonly ScorerResponseMethod[] = typeof responseMethod === "string" ? [responseMethod] : Array.isArray(responseMethod) ? [...(responseMethod as ScorerResponseMethod[])] : [];
  if (methods.length === 0 || !methods.every((m) => RESPONSE_METHODS.includes(m))) {
    throw optionError(fn, "responseMethod", `responseMethod must be one of ${RESPONSE_METHODS.map((m) => JSON.stringify(m)).join(", ")} or a non-empty list of them, got ${JSON.stringify(responseMethod)}`);
  }
  const kwargs: Readonly<Record<string, unknown>> & { posLabel?: Label | null } = Object.freeze({ ...rest });
  const sign = greaterIsBetter ? 1 : -1;
  const defaultPosLabel = ("posLabel" in kwargs ? kwargs.posLabel : POS_LABEL_DEFAULT_ONE.has(metric) ? 1 : null) ?? null;
  const call = metric as unknown as (yTrue: ArrayLike<Label>, yPred: unknown, options: object) => number | Float64Array;
  const scorer = (estimator: unknown, X: unknown, yTrue: ArrayLike<Label>, callOptions: ScoreCallOptions = {}): number => {
    if (typeof estimator !== "object" || estimator === null) throw metricError("scorer", "the estimator must be an object with predict, predictProba or decisionFunction");
    const response = responseOf(estimator as ScorableEstimator, X, methods, defaultPosLabel);
    const { sampleWeight, onWarning } = callOptions;
    const value = call(yTrue, response, sampleWeight === undefined && onWarning === undefined ? kwargs : { ...kwargs, sampleWeight, onWarning });
    if (typeof value !== "number") throw metricError("scorer", "the metric returned one value per label; a scorer needs one number (set average)");
    return sign * value;
  };
  return Object.assign(scorer, { greaterIsBetter, responseMethod: methods, scoreFunc: call, kwargs, sign: sign as 1 | -1, defaultPosLabel });
}

/** scikit-learn's `_get_response_values`: calls the first available method and keeps the positive column of a binary classifier. */
function responseOf(estimator: ScorableEstimator, X: unknown, methods: readonly ScorerResponseMethod[], posLabel: Label | null): unknown {
  const method = methods.find((name) => respondsTo(estimator, name));
  if (method === undefined) throw metricError("scorer", `the estimator has no ${methods.join(" or ")} method`);
  // A regressor (a Pipeline ending in one too) has no classes to pick a column from.
  if (!isClassifier(estimator) || !("classes" in estimator) || estimator.classes === undefined) return estimator[method]!(X);
  const classes = estimator.classes;
  let positive = posLabel;
  if (classes.length <= 2) {
    if (positive !== null && !classes.includes(positive)) {
      throw metricError("scorer", `posLabel ${JSON.stringify(positive)} is not a valid label: it should be one of ${formatLabels(classes)}`);
    }
    positive ??= classes[classes.length - 1];
  }
  const response = estimator[method]!(X);
  if (classes.length > 2 || positive === null) return response;
  if (method === "predictProba") {
    const proba = response as Matrix;
    if (proba.cols < 2) throw metricError("scorer", `predictProba returned ${proba.cols} column; the classifier needs two classes`);
    return proba.column(classes.indexOf(positive));
  }
  if (method === "decisionFunction" && positive === classes[0]) {
    return response instanceof Matrix ? response : (response as Float64Array).map((v) => -v);
  }
  return response;
}
