import { accuracyScore } from "./accuracy-score.js";
import { averagePrecisionScore } from "./average-precision-score.js";
import { balancedAccuracyScore } from "./balanced-accuracy-score.js";
import { brierScoreLoss } from "./brier-score-loss.js";
import { explainedVarianceScore } from "./explained-variance-score.js";
import { f1Score } from "./f1-score.js";
import { fbetaScore } from "./fbeta-score.js";
import { logLoss } from "./log-loss.js";
import type { Label } from "../core/labels.js";
import { makeScorer, type Scorer, type ScoreFunction } from "./make-scorer.js";
import { matthewsCorrcoef } from "./matthews-corrcoef.js";
import { maxError } from "./max-error.js";
import { meanAbsoluteError } from "./mean-absolute-error.js";
import { meanAbsolutePercentageError } from "./mean-absolute-percentage-error.js";
import { meanSquaredError } from "./mean-squared-error.js";
import { medianAbsoluteError } from "./median-absolute-error.js";
import { optionError } from "./metric-input.js";
import { precisionScore } from "./precision-score.js";
import { r2Score } from "./r2-score.js";
import { recallScore } from "./recall-score.js";
import { rocAucScore } from "./roc-auc-score.js";
import { rootMeanSquaredError } from "./root-mean-squared-error.js";

/** scikit-learn's scorer table (`sklearn.metrics.get_scorer`), for the metrics tabkit has. Built on demand: nothing runs on import. */
function scorerTable(): Map<string, Scorer> {
  const scores = ["decisionFunction", "predictProba"] as const;
  const table = new Map<string, Scorer>([
    ["explained_variance", makeScorer(explainedVarianceScore)],
    ["r2", makeScorer(r2Score)],
    ["neg_max_error", makeScorer(maxError, { greaterIsBetter: false })],
    ["neg_median_absolute_error", makeScorer(medianAbsoluteError, { greaterIsBetter: false })],
    ["neg_mean_absolute_error", makeScorer(meanAbsoluteError, { greaterIsBetter: false })],
    ["neg_mean_absolute_percentage_error", makeScorer(meanAbsolutePercentageError, { greaterIsBetter: false })],
    ["neg_mean_squared_error", makeScorer(meanSquaredError, { greaterIsBetter: false })],
    ["neg_root_mean_squared_error", makeScorer(rootMeanSquaredError, { greaterIsBetter: false })],
    ["accuracy", makeScorer(accuracyScore)],
    ["balanced_accuracy", makeScorer(balancedAccuracyScore)],
    ["matthews_corrcoef", makeScorer(matthewsCorrcoef)],
    ["roc_auc", makeScorer(rocAucScore, { responseMethod: scores })],
    ["roc_auc_ovr", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovr" })],
    ["roc_auc_ovo", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovo" })],
    ["roc_auc_ovr_weighted", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovr", average: "weighted" })],
    ["roc_auc_ovo_weighted", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovo", average: "weighted" })],
    ["average_precision", makeScorer(averagePrecisionScore, { responseMethod: scores })],
    ["neg_log_loss", makeScorer(logLoss, { greaterIsBetter: false, responseMethod: "predictProba" })],
    ["neg_brier_score", makeScorer(brierScoreLoss, { greaterIsBetter: false, responseMethod: "predictProba" })],
  ]);
  for (const [name, metric] of [
    ["precision", precisionScore],
    ["recall", recallScore],
    ["f1", f1Score],
  ] as const) {
    table.set(name, makeScorer(metric, { average: "binary" }));
    for (const average of ["macro", "micro", "weighted"] as const) table.set(`${name}_${average}`, makeScorer(metric, { posLabel: null, average }));
  }
  return table;
}

/** The label metrics a scorer description may name; each is scored on `predict`. */
const DESCRIBABLE_METRICS = {
  accuracy: accuracyScore,
  balanced_accuracy: balancedAccuracyScore,
  f1: f1Score,
  fbeta: fbetaScore,
  precision: precisionScore,
  recall: recallScore,
} as const;

/**
 * A JSON-safe scorer (what saved models store): a label metric and its options, e.g.
 * `{ metric: "fbeta", beta: 2, average: "weighted" }`.
 */
export interface ScorerDescription {
  readonly metric: keyof typeof DESCRIBABLE_METRICS;
  readonly beta?: number;
  readonly average?: "binary" | "micro" | "macro" | "weighted";
  readonly posLabel?: Label;
}

// The options each describable metric takes (posLabel and average only where the metric has them, as scikit-learn's keyword arguments).
const DESCRIPTION_OPTIONS: Readonly<Record<keyof typeof DESCRIBABLE_METRICS, readonly string[]>> = {
  accuracy: [],
  balanced_accuracy: [],
  f1: ["average", "posLabel"],
  fbeta: ["beta", "average", "posLabel"],
  precision: ["average", "posLabel"],
  recall: ["average", "posLabel"],
};

const DESCRIPTION_AVERAGES: readonly unknown[] = ["binary", "micro", "macro", "weighted"];

/** Why a value is not a scorer description, or undefined when it is one. */
export function scorerDescriptionProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "a scorer description must be an object { metric, ... }";
  const { metric, beta, average, posLabel } = value as { metric?: unknown; beta?: unknown; average?: unknown; posLabel?: unknown };
  if (typeof metric !== "string" || !Object.hasOwn(DESCRIBABLE_METRICS, metric)) return `a scorer description needs metric: one of ${Object.keys(DESCRIBABLE_METRICS).join(", ")}`;
  const allowed = DESCRIPTION_OPTIONS[metric as keyof typeof DESCRIBABLE_METRICS];
  const unknown = Object.keys(value).find((key) => key !== "metric" && !allowed.includes(key));
  if (unknown !== undefined) {
    return `metric ${JSON.stringify(metric)} does not take ${JSON.stringify(unknown)}${allowed.length > 0 ? `; its options are ${allowed.join(", ")}` : "; it takes no options"}`;
  }
  if (metric === "fbeta" && (typeof beta !== "number" || !(beta >= 0))) return `metric "fbeta" needs a numeric beta >= 0, got ${String(beta)}`;
  if (average !== undefined && !DESCRIPTION_AVERAGES.includes(average)) return `average must be one of ${DESCRIPTION_AVERAGES.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(average)}`;
  if (posLabel !== undefined && typeof posLabel !== "string" && !Number.isFinite(posLabel)) return `posLabel must be a class label (a number or a string), got ${String(posLabel)}`;
  return undefined;
}

function describedScorer(description: ScorerDescription): Scorer {
  const problem = scorerDescriptionProblem(description);
  if (problem !== undefined) throw optionError("getScorer", "scoring", problem);
  const { metric, beta, average, posLabel } = description;
  const options = { ...(beta === undefined ? {} : { beta }), ...(average === undefined ? {} : { average }), ...(posLabel === undefined ? {} : { posLabel }) };
  return makeScorer(DESCRIBABLE_METRICS[metric] as ScoreFunction<object>, options);
}

/** The names `getScorer` accepts, sorted. */
export function getScorerNames(): string[] {
  return [...scorerTable().keys()].sort();
}

/**
 * A scorer by its scikit-learn name ("roc_auc", "f1_weighted", "neg_log_loss", ...) or its
 * description (`{ metric: "fbeta", beta: 2 }`); a scorer function is returned as is.
 */
export function getScorer(scoring: string | ScorerDescription | Scorer): Scorer {
  if (typeof scoring === "function") return scoring;
  if (typeof scoring !== "string") return describedScorer(scoring);
  const scorer = scorerTable().get(scoring);
  if (scorer === undefined) {
    throw optionError("getScorer", "scoring", `${JSON.stringify(scoring)} is not a valid scoring value; valid names: ${getScorerNames().join(", ")}`);
  }
  return scorer;
}
