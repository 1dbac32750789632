import { ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { getScorer, getScorerNames, scorerDescriptionProblem, type ScorerDescription } from "../metrics/scorers.js";

/** What cross-validation passes to a scorer: where the metrics' warnings (UndefinedMetricWarning) go. */
export interface ScorerCallOptions {
  onWarning?: (message: string) => void;
}

/** A scorer as a function of a fitted estimator and held-out data: greater is better. */
export type ScorerFunction = (estimator: unknown, X: unknown, y: readonly Label[], options?: ScorerCallOptions) => number;

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

/** A JSON-safe scorer description, e.g. `{ metric: "fbeta", beta: 2, average: "weighted" }` (the metrics module's `ScorerDescription`). */
export type ScorerSpec = ScorerDescription;

/** What `scoring` options accept: a scikit-learn scorer name, a scorer description, or a function. */
export type Scoring = string | ScorerSpec | ScorerFunction;

/** A resolved scorer: its display name, how to score a fitted estimator, and its label metric when it has one. */
export interface ResolvedScorer {
  readonly name: string;
  readonly score: ScorerFunction;
  readonly metric: LabelMetric | undefined;
}

/** The scikit-learn scorer names understood here: those of `getScorer` in tabkit/metrics. */
export const SCORER_NAMES: readonly string[] = /* @__PURE__ */ getScorerNames();

/** Param check for `scoring`. */
export function scoringCheck(value: unknown): string | undefined {
  if (typeof value === "function") return undefined;
  if (typeof value === "string") return SCORER_NAMES.includes(value) ? undefined : `unknown scorer ${JSON.stringify(value)}; known: ${SCORER_NAMES.join(", ")}`;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return scorerDescriptionProblem(value);
  return "must be a scorer name, a scorer description ({ metric, ... }) or a function (estimator, X, y) => number";
}

/** Resolves a `scoring` option; `owner` names the caller in errors. Names and descriptions come from tabkit/metrics' `getScorer`. */
export function resolveScorer(scoring: Scoring, owner: string): ResolvedScorer {
  const problem = scoringCheck(scoring);
  if (problem !== undefined) throw new ValidationError(`${owner}: scoring ${problem}`, [{ path: "scoring", message: problem }]);
  if (typeof scoring === "function") return { name: scoring.name || "score", score: scoring, metric: labelMetricOf(scoring) };
  const scorer = getScorer(scoring);
  const name = typeof scoring === "string" ? scoring : scoring.metric === "fbeta" ? `fbeta(beta=${scoring.beta})` : scoring.metric;
  return { name, score: (estimator, X, y, options) => scorer(estimator, X, y, options), metric: labelMetricOf(scorer) };
}

/** The label metric a scorer carries (as scikit-learn's make_scorer objects do), if it scores predicted labels. */
function labelMetricOf(scorer: ScorerFunction): LabelMetric | undefined {
  const carried = scorer as ScorerFunction & Partial<LabelMetric> & { responseMethod?: readonly string[] };
  const onLabels = carried.responseMethod === undefined || (carried.responseMethod.length === 1 && carried.responseMethod[0] === "predict");
  if (typeof carried.scoreFunc !== "function" || !onLabels) return undefined;
  return { scoreFunc: carried.scoreFunc, kwargs: carried.kwargs ?? {}, sign: carried.sign ?? 1, defaultPosLabel: carried.defaultPosLabel ?? null };
}
