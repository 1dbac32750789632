import type { FitProcedure } from "../core/child-fit.js";
import { ValidationError } from "../core/errors.js";
import type { Estimator } from "../core/estimator.js";
import type { Label } from "../core/labels.js";
import { withNestedParams } from "./nested-params.js";
import { resolveScorer, type ResolvedScorer, type Scoring } from "./scoring.js";
import type { Split } from "./splitter.js";
import { takeRows, type RowIndexable } from "./take-rows.js";

type AnyEstimator = Estimator<object, unknown>;

/** One scoring option: a scorer, several (array), or several by name (record). */
export type MultiScoring = Scoring | readonly Scoring[] | Readonly<Record<string, Scoring>>;

/** Named scorers and whether results use per-name keys (`test_<name>`) or `test_score`. */
export interface ScorerSet {
  names: string[];
  scorers: ResolvedScorer[];
  multi: boolean;
}

/** True for estimators that look like classifiers (they expose class probabilities or decisions). */
export function isClassifier(estimator: unknown): boolean {
  const e = estimator as Record<string, unknown>;
  return typeof e.predictProba === "function" || typeof e.decisionFunction === "function";
}

/** Resolves `scoring`; null means the estimator's `score` method, else accuracy for classifiers. */
export function resolveScorers(scoring: MultiScoring | null, estimator: unknown, owner: string): ScorerSet {
  if (scoring === null) {
    if (typeof (estimator as { score?: unknown }).score === "function") {
      return { names: ["score"], scorers: [{ name: "score", score: (e, X, y) => (e as { score(X: unknown, y: unknown): number }).score(X, y), metric: undefined }], multi: false };
    }
    if (isClassifier(estimator)) return { names: ["score"], scorers: [{ ...resolveScorer("accuracy", owner), name: "score" }], multi: false };
    throw new ValidationError(`${owner}: the estimator has no score method; pass scoring (e.g. "accuracy", "f1_weighted")`, [{ path: "scoring", message: "required" }]);
  }
  if (Array.isArray(scoring)) {
    if (scoring.length === 0) throw new ValidationError(`${owner}: scoring must not be an empty list`, [{ path: "scoring", message: "empty" }]);
    const scorers = (scoring as readonly Scoring[]).map((s) => resolveScorer(s, owner));
    const names = scorers.map((s) => s.name);
    if (new Set(names).size !== names.length) throw new ValidationError(`${owner}: scoring lists a scorer twice`, [{ path: "scoring", message: "duplicate" }]);
    return { names, scorers, multi: true };
  }
  if (typeof scoring === "object" && !("metric" in scoring)) {
    const entries = Object.entries(scoring as Record<string, Scoring>);
    return { names: entries.map(([n]) => n), scorers: entries.map(([, s]) => resolveScorer(s, owner)), multi: true };
  }
  return { names: ["score"], scorers: [resolveScorer(scoring as Scoring, owner)], multi: false };
}

/** What one (candidate, split) fit produced. Times are in seconds, as scikit-learn reports them. */
export interface FoldResult {
  fitTime: number;
  scoreTime: number;
  test: number[];
  train: number[] | undefined;
  model: AnyEstimator;
}

/**
 * scikit-learn's `_fit_and_score`: a fresh copy of `spec` with `params` set, fitted on the train
 * rows (a child fit placed at `path` for progress), scored on the test rows (and the train rows
 * when asked). A failed fit raises, or scores `errorScore` when it is a number.
 */
export function* fitAndScore(
  spec: AnyEstimator,
  X: RowIndexable,
  y: readonly Label[],
  split: Split,
  params: Readonly<Record<string, unknown>>,
  scorers: ScorerSet,
  returnTrain: boolean,
  errorScore: number | "raise",
  owner: string,
  path: readonly string[],
): FitProcedure<FoldResult> {
  const model = withNestedParams(spec.clone(), params, owner);
  const Xtr = takeRows(X, split.train);
  const ytr = takeRows(y as Label[], split.train);
  const start = now();
  try {
    yield { child: model, X: Xtr, y: ytr, path };
  } catch (error) {
    if (errorScore === "raise") throw error;
    const failed = scorers.names.map(() => errorScore);
    return { fitTime: (now() - start) / 1000, scoreTime: 0, test: failed, train: returnTrain ? [...failed] : undefined, model };
  }
  const fitTime = (now() - start) / 1000;
  const Xte = takeRows(X, split.test);
  const yte = takeRows(y as Label[], split.test);
  const scoreStart = now();
  const test = scorers.scorers.map((s) => s.score(model, Xte, yte));
  const scoreTime = (now() - scoreStart) / 1000;
  const train = returnTrain ? scorers.scorers.map((s) => s.score(model, Xtr, ytr)) : undefined;
  return { fitTime, scoreTime, test, train, model };
}

function now(): number {
  return globalThis.performance.now();
}
