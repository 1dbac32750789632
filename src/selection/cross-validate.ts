import { runFit, runFitAsync, type FitProcedure } from "../core/child-fit.js";
import { ValidationError } from "../core/errors.js";
import { isEstimator, type Estimator } from "../core/estimator.js";
import { ProgressCounter, type ProgressOptions } from "../core/fit-progress.js";
import { readRecords } from "../core/input.js";
import { toLabels, type Label } from "../core/labels.js";
import type { AsyncFitOptions } from "../core/parallel.js";
import { isClassifier } from "../core/responds-to.js";
import { checkCv, type CvOption } from "./check-cv.js";
import { checkFitFailures, fitAndScore, resolveScorers, type FoldResult, type FoldScoring, type MultiScoring } from "./fit-and-score.js";
import { checkFoldClasses } from "./search-cv.js";
import { rowCount, type RowIndexable } from "./take-rows.js";

export interface CrossValidateOptions extends ProgressOptions {
  /** Folds: a count (StratifiedKFold for classifiers, KFold otherwise) or a splitter. Default 5. */
  cv?: CvOption | null;
  /** One scorer, a list, or a record of named scorers; null: the estimator's score (accuracy for classifiers). */
  scoring?: MultiScoring | null;
  /** Also score the training rows. Default false. */
  returnTrainScore?: boolean;
  /** Keep the fitted model of every fold. Default false. */
  returnEstimator?: boolean;
  /** Group labels for group splitters. */
  groups?: readonly Label[] | null;
  /** Parallel jobs; results never depend on it (folds run one after another; `crossValidateAsync` with a runner grows forest trees in parallel). */
  nJobs?: number | null;
  /** Score of a fold whose fit or scorer fails (default "raise"); with a number, failures are reported through `onWarning`, and a DataError is thrown when every fit fails. */
  errorScore?: number | "raise";
  /** Receives warnings (failed fits or scorers under a numeric errorScore, undefined metrics, small classes); they never throw. */
  onWarning?: (message: string) => void;
}

/** scikit-learn's `cross_validate` result: per fold times (seconds) and scores under its key names. */
export interface CrossValidateResult {
  fit_time: Float64Array;
  score_time: Float64Array;
  /** `test_score` for one scorer, `test_<name>` for several (and `train_...` when asked). */
  [key: string]: Float64Array | Estimator<object, unknown>[] | undefined;
  estimator?: Estimator<object, unknown>[];
}

/**
 * scikit-learn's `cross_validate`: fits a copy of the estimator per fold and scores it; the
 * user's estimator is never fitted or changed. Progress (`onProgress`): the task "folds", and each
 * fold's own tasks under "fold k/K".
 */
export function crossValidate(estimator: Estimator<object, unknown>, X: RowIndexable, y: readonly Label[], options: CrossValidateOptions = {}): CrossValidateResult {
  return runFit(crossValidation(estimator, X, y, options, "crossValidate"), options);
}

/**
 * As `crossValidate` (same folds in the same order, same result), fitting each fold's copy
 * through its `fitAsync` where it has one, with `options.parallel` (e.g. forest trees on the
 * `WorkerPool` of `tabkit/node`).
 */
export async function crossValidateAsync(estimator: Estimator<object, unknown>, X: RowIndexable, y: readonly Label[], options: CrossValidateOptions & AsyncFitOptions = {}): Promise<CrossValidateResult> {
  return runFitAsync(crossValidation(estimator, X, y, options, "crossValidateAsync"), options, "crossValidateAsync");
}

/** `owner` ("crossValidate" or "crossValidateAsync") starts every error and warning. */
function* crossValidation(estimator: Estimator<object, unknown>, X: RowIndexable, y: readonly Label[], options: CrossValidateOptions, owner: string): FitProcedure<CrossValidateResult> {
  if (!isEstimator(estimator)) throw new ValidationError(`${owner}: estimator must be a tabkit estimator`, [{ path: "estimator", message: "not an estimator" }]);
  // Records are read once, as the Frame they stand for: every fold is then that Frame's rows.
  X = readRecords(X, { estimator: owner, method: "fit" });
  const n = rowCount(X);
  const labels = toLabels(y, n, { estimator: owner, method: "fit" });
  const splitter = checkCv(options.cv ?? null, labels, isClassifier(estimator), owner);
  const scorers = resolveScorers(options.scoring ?? null, estimator, owner);
  const returnTrain = options.returnTrainScore ?? false;
  const errorScore = options.errorScore ?? "raise";
  if (errorScore !== "raise" && typeof errorScore !== "number") {
    throw new ValidationError(`${owner}: errorScore must be a number (NaN allowed) or "raise", got ${JSON.stringify(errorScore)}`, [{ path: "errorScore", message: "must be a number or \"raise\"" }]);
  }
  const scoring: FoldScoring = { scorers, returnTrain, errorScore, owner, onWarning: options.onWarning };
  const splits = [...splitter.split(n, labels, options.groups ?? null, { onWarning: options.onWarning })];
  if (isClassifier(estimator)) checkFoldClasses(labels, splits.map((s) => s.train), splitter, `${owner}: `);
  const progress = new ProgressCounter(options.onProgress, "folds", splits.length);
  const folds: FoldResult[] = [];
  for (const [k, split] of splits.entries()) {
    folds.push(yield* fitAndScore(estimator, X, labels, split, {}, [`fold ${k + 1}/${splits.length}`], scoring));
    progress.advance();
  }
  checkFitFailures(folds, scoring);
  const result: CrossValidateResult = {
    fit_time: Float64Array.from(folds, (f) => f.fitTime),
    score_time: Float64Array.from(folds, (f) => f.scoreTime),
  };
  scorers.names.forEach((name, s) => {
    const key = scorers.multi ? name : "score";
    result[`test_${key}`] = Float64Array.from(folds, (f) => f.test[s]);
    if (returnTrain) result[`train_${key}`] = Float64Array.from(folds, (f) => f.train![s]);
  });
  if (options.returnEstimator) result.estimator = folds.map((f) => f.model);
  return result;
}
