import { ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { accuracyScore } from "../metrics/accuracy-score.js";
import { averagePrecisionScore } from "../metrics/average-precision-score.js";
import { balancedAccuracyScore } from "../metrics/balanced-accuracy-score.js";
import { f1Score } from "../metrics/f1-score.js";
import { fbetaScore } from "../metrics/fbeta-score.js";
import { precisionScore } from "../metrics/precision-score.js";
import { recallScore } from "../metrics/recall-score.js";
import { rocAucScore } from "../metrics/roc-auc-score.js";

/** A scorer as a function of a fitted estimator and held-out data: greater is better. */
export type ScorerFunction = (estimator: unknown, X: unknown, y: readonly Label[]) => number;

/**
 * A label metric (`scoreFunc(yTrue, yPred, kwargs)`) that threshold tuning can evaluate at many
 * thresholds: scikit-learn's `_score_func`, `_kwargs`, `_sign` and the score function's default
 * `pos_label` (1 for precision/recall/F-scores, none for accuracy-like metrics).
 */
export interface LabelMetric {
  readonly scoreFunc: (yTrue: readonly Label[], yPred: readonly Label[], kwargs: Readonly<Record<string, unknown>>) => number;
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly sign: 1 | -1;
  readonly defaultPosLabel: Label | null;
}

/** A JSON-safe scorer description, e.g. `{ metric: "fbeta", beta: 2, average: "weighted" }`. */
export interface ScorerSpec {
  readonly metric: "accuracy" | "balanced_accuracy" | "f1" | "fbeta" | "precision" | "recall";
  readonly beta?: number;
  readonly average?: "binary" | "micro" | "macro" | "weighted";
  readonly posLabel?: Label;
}

/** What `scoring` options accept: a scikit-learn scorer name, a scorer description, or a function. */
export type Scoring = string | ScorerSpec | ScorerFunction;

/** A resolved scorer: its display name, how to score a fitted estimator, and its label metric when it has one. */
export interface ResolvedScorer {
  readonly name: string;
  readonly score: (estimator: unknown, X: unknown, y: readonly Label[]) => number;
  readonly metric: LabelMetric | undefined;
}

type Metric = (yTrue: readonly Label[], yPred: readonly Label[], options: never) => number;
const LABEL_METRICS: Readonly<Record<ScorerSpec["metric"], { fn: Metric; posLabel: Label | null }>> = {
  accuracy: { fn: accuracyScore as Metric, posLabel: null },
  balanced_accuracy: { fn: balancedAccuracyScore as Metric, posLabel: null },
  f1: { fn: f1Score as Metric, posLabel: 1 },
  fbeta: { fn: fbetaScore as Metric, posLabel: 1 },
  precision: { fn: precisionScore as Metric, posLabel: 1 },
  recall: { fn: recallScore as Metric, posLabel: 1 },
};

/** The scikit-learn scorer names understood here. */
export const SCORER_NAMES = [
  "accuracy",
  "balanced_accuracy",
  ...["f1", "precision", "recall"].flatMap((m) => [m, `${m}_micro`, `${m}_macro`, `${m}_weighted`]),
  "roc_auc",
  "average_precision",
];

/** Param check for `scoring`. */
export function scoringCheck(value: unknown): string | undefined {
  if (typeof value === "function") return undefined;
  if (typeof value === "string") return SCORER_NAMES.includes(value) ? undefined : `unknown scorer ${JSON.stringify(value)}; known: ${SCORER_NAMES.join(", ")}`;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const metric = (value as { metric?: unknown }).metric;
    if (typeof metric !== "string" || !(metric in LABEL_METRICS)) return `a scorer description needs metric: one of ${Object.keys(LABEL_METRICS).join(", ")}`;
    if (metric === "fbeta" && typeof (value as { beta?: unknown }).beta !== "number") return 'metric "fbeta" needs a numeric beta';
    return undefined;
  }
  return "must be a scorer name, a scorer description ({ metric, ... }) or a function (estimator, X, y) => number";
}

/** Resolves a `scoring` option; `owner` names the caller in errors. */
export function resolveScorer(scoring: Scoring, owner: string): ResolvedScorer {
  const problem = scoringCheck(scoring);
  if (problem !== undefined) throw new ValidationError(`${owner}: scoring ${problem}`, [{ path: "scoring", message: problem }]);
  if (typeof scoring === "function") {
    // A function may carry its label metric (as scikit-learn's make_scorer objects do).
    const carried = scoring as ScorerFunction & Partial<LabelMetric> & { responseMethod?: readonly string[] };
    const onLabels = carried.responseMethod === undefined || (carried.responseMethod.length === 1 && carried.responseMethod[0] === "predict");
    const metric = typeof carried.scoreFunc === "function" && onLabels ? { scoreFunc: carried.scoreFunc, kwargs: carried.kwargs ?? {}, sign: carried.sign ?? 1, defaultPosLabel: carried.defaultPosLabel ?? null } : undefined;
    return { name: scoring.name || "score", score: scoring, metric };
  }
  if (typeof scoring === "string") {
    if (scoring === "roc_auc" || scoring === "average_precision") {
      const fn = (scoring === "roc_auc" ? rocAucScore : averagePrecisionScore) as (yTrue: readonly Label[], yScore: Float64Array) => number;
      return { name: scoring, score: (estimator, X, y) => fn(y, positiveScores(estimator, X, owner)), metric: undefined };
    }
    const [base, average] = scoring.split("_") as [string, string | undefined];
    const spec: ScorerSpec =
      scoring === "balanced_accuracy" ? { metric: "balanced_accuracy" } : { metric: base as ScorerSpec["metric"], ...(average === undefined ? {} : { average: average as ScorerSpec["average"] }) };
    return fromSpec(spec, scoring);
  }
  return fromSpec(scoring, scoring.metric === "fbeta" ? `fbeta(beta=${scoring.beta})` : scoring.metric);
}

function fromSpec(spec: ScorerSpec, name: string): ResolvedScorer {
  const entry = LABEL_METRICS[spec.metric];
  const kwargs: Record<string, unknown> = {};
  if (spec.beta !== undefined) kwargs.beta = spec.beta;
  if (spec.average !== undefined) kwargs.average = spec.average;
  if (spec.posLabel !== undefined) kwargs.posLabel = spec.posLabel;
  const metric: LabelMetric = {
    scoreFunc: (yTrue, yPred, kw) => entry.fn(yTrue, yPred, kw as never),
    kwargs,
    sign: 1,
    defaultPosLabel: entry.posLabel,
  };
  return {
    name,
    metric,
    score: (estimator, X, y) => metric.sign * metric.scoreFunc(y, predictLabels(estimator, X), kwargs),
  };
}

function predictLabels(estimator: unknown, X: unknown): Label[] {
  return (estimator as { predict(X: unknown): Label[] }).predict(X);
}

/** The positive-class score for ranking metrics: predictProba's last column, else decisionFunction. */
function positiveScores(estimator: unknown, X: unknown, owner: string): Float64Array {
  const e = estimator as { predictProba?: (X: unknown) => Matrix; decisionFunction?: (X: unknown) => Float64Array | Matrix };
  if (typeof e.predictProba === "function") {
    const proba = e.predictProba(X);
    return proba.column(proba.cols - 1);
  }
  if (typeof e.decisionFunction === "function") {
    const d = e.decisionFunction(X);
    if (d instanceof Matrix) throw new ValidationError(`${owner}: ranking scorers need a binary classifier`);
    return d;
  }
  throw new ValidationError(`${owner}: the estimator has neither predictProba nor decisionFunction, which ranking scorers need`);
}
