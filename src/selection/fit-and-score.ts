import type { FitProcedure } from "../core/child-fit.js";
import { DataError, ValidationError } from "../core/errors.js";
import type { Estimator } from "../core/estimator.js";
import type { Label } from "../core/labels.js";
import { isClassifier, respondsTo } from "../core/responds-to.js";
import { checkNestedParamPaths, withNestedParams } from "./nested-params.js";
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

/** Resolves `scoring`; null means the estimator's `score` method, else accuracy for classifiers and r2 for regressors (scikit-learn's mixins' `score`). */
export function resolveScorers(scoring: MultiScoring | null, estimator: unknown, owner: string): ScorerSet {
  if (scoring === null) {
    if (typeof (estimator as { score?: unknown }).score === "function") {
      return { names: ["score"], scorers: [{ name: "score", score: (e, X, y) => (e as { score(X: unknown, y: unknown): number }).score(X, y), metric: undefined }], multi: false };
    }
    if (isClassifier(estimator)) return { names: ["score"], scorers: [{ ...resolveScorer("accuracy", owner), name: "score" }], multi: false };
    if (respondsTo(estimator, "predict")) return { names: ["score"], scorers: [{ ...resolveScorer("r2", owner), name: "score" }], multi: false };
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
    if (entries.length === 0) throw new ValidationError(`${owner}: scoring must not be an empty record`, [{ path: "scoring", message: "empty" }]);
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
  /** The fit's error when it failed and `errorScore` stood in for its scores. */
  fitError?: unknown;
}

/** How every fold of a cross-validation or search is scored, and what happens when a fit or a scorer fails. */
export interface FoldScoring {
  scorers: ScorerSet;
  returnTrain: boolean;
  errorScore: number | "raise";
  /** Names the caller in errors and warnings ("crossValidate", "GridSearchCV.fit"). */
  owner: string;
  onWarning: ((message: string) => void) | undefined;
}

/**
 * scikit-learn's `_fit_and_score`: a fresh copy of `spec` with `params` set, fitted on the train
 * rows (a child fit placed at `path` for progress), scored on the test rows (and the train rows
 * when asked). A failed fit or scorer raises, or scores `errorScore` when it is a number (a failed
 * scorer with a warning; failed fits are reported together by {@link checkFitFailures}).
 */
export function* fitAndScore(
  spec: AnyEstimator,
  X: RowIndexable,
  y: readonly Label[],
  split: Split,
  params: Readonly<Record<string, unknown>>,
  path: readonly string[],
  scoring: FoldScoring,
): FitProcedure<FoldResult> {
  const { scorers, returnTrain, errorScore } = scoring;
  // scikit-learn's set_params refuses an unknown name before the fit, but a refused value fails the
  // fit itself (params are validated there): tabkit validates values when the estimator is built,
  // so only the paths are checked outside the try.
  checkNestedParamPaths(spec, params, scoring.owner);
  let model = spec;
  const Xtr = takeRows(X, split.train);
  const ytr = takeRows(y as Label[], split.train);
  const start = now();
  try {
    model = withNestedParams(spec.clone(), params, scoring.owner);
    yield { child: model, X: Xtr, y: ytr, path };
  } catch (error) {
    if (errorScore === "raise") throw error;
    const failed = scorers.names.map(() => errorScore);
    return { fitTime: (now() - start) / 1000, scoreTime: 0, test: failed, train: returnTrain ? [...failed] : undefined, model: model === spec ? spec.clone() : model, fitError: error };
  }
  const fitTime = (now() - start) / 1000;
  const Xte = takeRows(X, split.test);
  const yte = takeRows(y as Label[], split.test);
  const scoreStart = now();
  const test = scoreAll(model, Xte, yte, scoring);
  const scoreTime = (now() - scoreStart) / 1000;
  const train = returnTrain ? scoreAll(model, Xtr, ytr, scoring) : undefined;
  return { fitTime, scoreTime, test, train, model };
}

/** Every scorer's score; a failing scorer gives `errorScore` and a warning unless errorScore is "raise" (scikit-learn's `_score`). */
function scoreAll(model: AnyEstimator, X: unknown, y: readonly Label[], scoring: FoldScoring): number[] {
  const { errorScore, onWarning } = scoring;
  const options = { onWarning };
  return scoring.scorers.scorers.map((s) => {
    try {
      return s.score(model, X, y, options);
    } catch (error) {
      if (errorScore === "raise") throw error;
      onWarning?.(`${scoring.owner}: scoring failed; the score on this train-test partition is set to ${errorScore}. Details: ${errorMessage(error)}`);
      return errorScore;
    }
  });
}

/**
 * scikit-learn's `_warn_or_raise_about_fit_failures`: when every fit failed, a DataError with the
 * first failure's message; when some did, a warning.
 */
export function checkFitFailures(results: readonly FoldResult[], scoring: FoldScoring): void {
  const failed = results.filter((r) => r.fitError !== undefined);
  if (failed.length === 0) return;
  const first = errorMessage(failed[0].fitError);
  if (failed.length === results.length) {
    throw new DataError(`${scoring.owner}: all the ${results.length} fits failed; it is very likely that the estimator is misconfigured. The first failure: ${first}`, { cause: failed[0].fitError });
  }
  scoring.onWarning?.(
    `${scoring.owner}: ${failed.length} fits failed out of a total of ${results.length}; their scores are set to ${scoring.errorScore}. The first failure: ${first}. If these failures are not expected, set errorScore: "raise" to debug them`,
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function now(): number {
  return globalThis.performance.now();
}
