import { runFit, runFitAsync, type FitProcedure } from "../core/child-fit.js";
import { DataError, inStep, ValidationError } from "../core/errors.js";
import { encodeParamValue, Estimator, type LoadContext } from "../core/estimator.js";
import { ProgressCounter, type ProgressOptions } from "../core/fit-progress.js";
import { readRecords } from "../core/input.js";
import type { JsonObject, JsonValue } from "../core/json.js";
import { toLabels, type Label } from "../core/labels.js";
import type { Matrix } from "../core/matrix.js";
import type { AsyncFitOptions } from "../core/parallel.js";
import { isClassifier, PREDICTION_METHODS, respondsTo, type ConditionalMethods } from "../core/responds-to.js";
import { encodeFloat64Array, encodeInt32Array, type StateReader } from "../core/state-codec.js";
import { checkCv, type CvOption } from "./check-cv.js";
import { decodeChild } from "./child-model.js";
import { checkFitFailures, fitAndScore, resolveScorers, type FoldResult, type FoldScoring, type MultiScoring } from "./fit-and-score.js";
import { withNestedParams } from "./nested-params.js";
import type { Splitter } from "./splitter.js";
import { rowCount, type RowIndexable } from "./take-rows.js";

/** Options of a search's `fit`. */
export interface SearchFitOptions extends ProgressOptions {
  /** Group labels for group splitters. */
  groups?: readonly Label[] | null;
  /** Receives warnings (failed fits or scorers under a numeric errorScore, non-finite scores, undefined metrics, small classes); they never throw. */
  onWarning?: (message: string) => void;
}

/** The params every search shares. */
export interface SearchParams {
  estimator: Estimator<object, unknown> | null;
  scoring: MultiScoring | null;
  /** true, false, or the scorer name to pick the best candidate by (several scorers). */
  refit: boolean | string;
  cv: CvOption | null;
  nJobs: number | null;
  returnTrainScore: boolean;
  errorScore: number | "raise";
}

/** scikit-learn's `cv_results_`: one entry per candidate under its key names. */
export type CvResults = Record<string, Float64Array | Int32Array | unknown[]>;

interface SearchState {
  cvResults: CvResults;
  bestIndex: number | null;
  bestEstimator: Estimator<object, unknown> | null;
  scorerNames: string[];
  multi: boolean;
  nSplits: number;
  refitTime: number | null;
}

/**
 * The engine of GridSearchCV and RandomizedSearchCV (scikit-learn's `BaseSearchCV`): every
 * candidate on every split (candidate-major), `cv_results_` with means, population stds and
 * "min" ranks, the best candidate as the first of rank 1, and a refit on all data.
 *
 * Progress (`onProgress`): the task "fits" counts every (candidate, split) fit and the refit; each
 * child's own tasks sit under "candidate c/C › fold k/K" or "refit".
 */
export abstract class SearchCV<P extends SearchParams> extends Estimator<P, SearchState> implements ConditionalMethods {
  /** The candidate param sets, in scikit-learn's order; `onWarning` receives the sampler's warnings, to be named after `method` ("fit" or "fitAsync"). */
  protected abstract candidates(onWarning: ((message: string) => void) | undefined, method: string): Record<string, unknown>[];

  fit(X: RowIndexable, y: readonly Label[], options: SearchFitOptions = {}): this {
    return runFit(this.fitProcedure(X, y, options, "fit"), options);
  }

  /**
   * As `fit` (same fits in the same order, same result), fitting every candidate clone and the
   * refit through their `fitAsync` where they have one, with `options.parallel`. Nothing is
   * committed unless the search completes.
   */
  async fitAsync(X: RowIndexable, y: readonly Label[], options: SearchFitOptions & AsyncFitOptions = {}): Promise<this> {
    return runFitAsync(this.fitProcedure(X, y, options, "fitAsync"), options, `${this.kind}.fitAsync`);
  }

  /** `method` ("fit" or "fitAsync") names the caller in errors and warnings. */
  private *fitProcedure(X: RowIndexable, y: readonly Label[], options: SearchFitOptions, method: string): FitProcedure<this> {
    const p = this.params;
    if (p.estimator === null) throw new ValidationError(this.message(method, "estimator is null; pass the estimator to search"), [{ path: "estimator", message: "required" }]);
    // Records are read once, as the Frame they stand for: every fold (and the refit) is then that Frame's rows.
    X = readRecords(X, this.site(method));
    const n = rowCount(X);
    const labels = toLabels(y, n, this.site(method));
    const scorers = resolveScorers(p.scoring, p.estimator, this.kind);
    if (scorers.multi && typeof p.refit !== "string" && p.refit !== false) {
      throw new ValidationError(this.message(method, `with several scorers, refit must name one of them (${scorers.names.join(", ")}) or be false`), [{ path: "refit", message: "must name a scorer" }]);
    }
    if (scorers.multi && typeof p.refit === "string" && !scorers.names.includes(p.refit)) {
      throw new ValidationError(this.message(method, `refit names "${p.refit}", which is not a scorer (${scorers.names.join(", ")})`), [{ path: "refit", message: "unknown scorer" }]);
    }
    // With one scorer scikit-learn takes any string as true; only the scorer's own name (or its cvResults key) is accepted here, so that a typo is caught.
    const single = scorers.scorers[0].name;
    if (!scorers.multi && typeof p.refit === "string" && p.refit !== single && p.refit !== "score") {
      throw new ValidationError(this.message(method, `refit names "${p.refit}", but the only scorer is "${single}"; set refit to true, false or "${single}"`), [{ path: "refit", message: "unknown scorer" }]);
    }
    const classifier = isClassifier(p.estimator);
    const splitter = checkCv(p.cv, labels, classifier, this.kind);
    const splits = [...splitter.split(n, labels, options.groups ?? null, { onWarning: options.onWarning })];
    if (classifier) checkFoldClasses(labels, splits.map((s) => s.train), splitter, this.message(method, ""));
    const candidates = this.candidates(options.onWarning, method);
    const scoring: FoldScoring = { scorers, returnTrain: p.returnTrainScore, errorScore: p.errorScore, owner: `${this.kind}.${method}`, onWarning: options.onWarning };
    const progress = new ProgressCounter(options.onProgress, "fits", candidates.length * splits.length + (p.refit === false ? 0 : 1));
    const results: FoldResult[][] = [];
    for (const [c, params] of candidates.entries()) {
      const folds: FoldResult[] = [];
      for (const [k, split] of splits.entries()) {
        const path = [`candidate ${c + 1}/${candidates.length}`, `fold ${k + 1}/${splits.length}`];
        folds.push(yield* fitAndScore(p.estimator, X, labels, split, params, path, scoring));
        progress.advance();
      }
      results.push(folds);
    }
    checkFitFailures(results.flat(), scoring);
    const cvResults = formatResults(candidates, results, scoring, splits.length);
    let bestIndex: number | null = null;
    let bestEstimator: Estimator<object, unknown> | null = null;
    let refitTime: number | null = null;
    if (p.refit !== false) {
      const key = scorers.multi ? (p.refit as string) : "score";
      const rank = cvResults[`rank_test_${key}`] as Int32Array;
      bestIndex = rank.indexOf(Math.min(...rank));
      const start = globalThis.performance.now();
      bestEstimator = withNestedParams(p.estimator.clone(), candidates[bestIndex], this.kind);
      try {
        yield { child: bestEstimator, X, y: labels, path: ["refit"] };
      } catch (error) {
        throw inStep(error, this.site(method), `the refit of the best candidate (${bestIndex + 1}/${candidates.length}) on all the data`, bestEstimator.kind);
      }
      refitTime = (globalThis.performance.now() - start) / 1000;
      progress.advance();
    }
    return this.commit({ cvResults, bestIndex, bestEstimator, scorerNames: scorers.names, multi: scorers.multi, nSplits: splits.length, refitTime });
  }

  /** scikit-learn's `cv_results_` (copies). */
  get cvResults(): CvResults {
    const r = this.fitted("cvResults").cvResults;
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.slice()]));
  }
  get bestIndex(): number {
    return this.best("bestIndex").bestIndex!;
  }
  get bestParams(): Record<string, unknown> {
    const state = this.best("bestParams");
    return { ...(state.cvResults.params[state.bestIndex!] as Record<string, unknown>) };
  }
  /** The mean cross-validated score of the best candidate. */
  get bestScore(): number {
    const state = this.best("bestScore");
    const key = state.multi ? (this.params.refit as string) : "score";
    return (state.cvResults[`mean_test_${key}`] as Float64Array)[state.bestIndex!];
  }
  /** The best candidate refitted on all the data. */
  get bestEstimator(): Estimator<object, unknown> {
    return this.best("bestEstimator").bestEstimator!;
  }
  get nSplits(): number {
    return this.fitted("nSplits").nSplits;
  }
  get refitTime(): number | null {
    return this.fitted("refitTime").refitTime;
  }
  get classes(): Label[] {
    return [...(this.bestEstimator as unknown as { classes: Label[] }).classes];
  }

  predict(X: unknown): Label[] | Float64Array {
    return this.delegate("predict", X) as Label[] | Float64Array;
  }
  predictProba(X: unknown): Matrix {
    return this.delegate("predictProba", X) as Matrix;
  }
  decisionFunction(X: unknown): Float64Array | Matrix {
    return this.delegate("decisionFunction", X) as Float64Array | Matrix;
  }

  private best(method: string): SearchState {
    const state = this.fitted(method);
    if (state.bestIndex === null) throw new DataError(this.message(method, "refit is false, so there is no best candidate; inspect cvResults instead"));
    return state;
  }

  /**
   * Whether the search can answer `method` (`ConditionalMethods`): a prediction method, or
   * `classes`, when its best estimator can (before fit, or without one, the estimator in params),
   * as scikit-learn's.
   */
  respondsTo(method: string): boolean {
    if (method !== "classes" && !PREDICTION_METHODS.has(method)) return true;
    const best = this.isFitted ? this.fitted(method).bestEstimator : null;
    return method === "classes" ? isClassifier(best ?? this.params.estimator) : respondsTo(best ?? this.params.estimator, method);
  }

  private delegate(method: string, X: unknown): unknown {
    const best = this.best(method).bestEstimator as unknown as Record<string, (X: unknown) => unknown>;
    if (!respondsTo(best, method)) throw new DataError(this.message(method, `the best estimator (${this.bestEstimator.kind}) has no ${method} method`));
    return best[method](X);
  }

  protected encodeState(state: SearchState): JsonObject {
    const table: JsonObject = {};
    for (const [key, value] of Object.entries(state.cvResults)) {
      table[key] = value instanceof Float64Array ? encodeFloat64Array(value) : value instanceof Int32Array ? encodeInt32Array(value) : (encodeParamValue(value) as JsonValue);
    }
    return {
      cvResults: table,
      bestIndex: state.bestIndex,
      bestEstimator: state.bestEstimator === null ? null : (state.bestEstimator.toJSON() as unknown as JsonObject),
      scorerNames: state.scorerNames,
      multi: state.multi,
      nSplits: state.nSplits,
      refitTime: state.refitTime,
    };
  }

  protected decodeState(reader: StateReader, context: LoadContext): SearchState {
    const table = reader.object("cvResults");
    const raw = reader.raw("cvResults") as Record<string, unknown>;
    const cvResults: CvResults = {};
    let count = -1;
    for (const [key, value] of Object.entries(raw)) {
      const tag = value !== null && typeof value === "object" && !Array.isArray(value) ? Object.keys(value)[0] : undefined;
      const column = tag === "$f64" ? table.f64(key) : tag === "$i32" ? table.i32(key) : Array.isArray(value) ? value : reader.fail(`cvResults.${key}`, "must be an array");
      if (count >= 0 && column.length !== count) reader.fail(`cvResults.${key}`, `must have ${count} entries`);
      count = column.length;
      cvResults[key] = column;
    }
    if (!Array.isArray(cvResults.params)) reader.fail("cvResults.params", "is missing");
    const bestIndex = reader.raw("bestIndex") === null ? null : reader.integer("bestIndex", { min: 0, max: count - 1 });
    const bestEstimator = reader.raw("bestEstimator") === null ? null : decodeChild(reader, "bestEstimator", this.params.estimator, context, this.kind);
    if ((bestIndex === null) !== (bestEstimator === null)) reader.fail("bestEstimator", "must be present exactly when bestIndex is");
    return {
      cvResults,
      bestIndex,
      bestEstimator,
      scorerNames: reader.strings("scorerNames", {}),
      multi: reader.boolean("multi"),
      nSplits: reader.integer("nSplits", { min: 1 }),
      refitTime: reader.raw("refitTime") === null ? null : reader.number("refitTime", { min: 0 }),
    };
  }
}

/**
 * Every training fold of a classifier must hold every class. The message gives the cause: a class
 * too small for the folds (no splitter can help), or a splitter that does not stratify.
 */
export function checkFoldClasses(labels: readonly Label[], trains: readonly Int32Array[], splitter: Splitter, prefix: string): void {
  const classes = [...new Set(labels)];
  trains.forEach((train, k) => {
    const seen = new Set<Label>();
    for (const i of train) seen.add(labels[i]);
    const missing = classes.find((c) => !seen.has(c));
    if (missing === undefined) return;
    const members = labels.filter((l) => l === missing).length;
    const cause =
      members > 1 && !splitter.stratified
        ? "; use StratifiedKFold or fewer folds"
        : `: the class has only ${members} member(s) in y${members < splitter.nSplits ? `, fewer than nSplits=${splitter.nSplits}` : ""}; remove that class or gather more rows of it`;
    throw new DataError(`${prefix}training fold ${k} has no row of class ${JSON.stringify(missing)}${cause}`);
  });
}

/** scikit-learn's `_format_results`: times, params, per-split scores, means, stds and ranks; warns of non-finite mean scores. */
function formatResults(candidates: Record<string, unknown>[], results: FoldResult[][], scoring: FoldScoring, nSplits: number): CvResults {
  const { names, multi } = scoring.scorers;
  const returnTrain = scoring.returnTrain;
  const out: CvResults = {};
  const stat = (key: string, pick: (f: FoldResult) => number, withSplits: boolean, rank: boolean) => {
    const values = results.map((folds) => folds.map(pick));
    if (withSplits) for (let s = 0; s < nSplits; s++) out[`split${s}_${key}`] = Float64Array.from(values, (v) => v[s]);
    const means = Float64Array.from(values, (v) => v.reduce((a, b) => a + b, 0) / v.length);
    if (withSplits && means.some((m) => !Number.isFinite(m))) {
      scoring.onWarning?.(`${scoring.owner}: one or more of the ${key.split("_")[0]} scores are non-finite: [${Array.from(means).join(", ")}]`);
    }
    out[`mean_${key}`] = means;
    out[`std_${key}`] = Float64Array.from(values, (v, c) => Math.sqrt(v.reduce((a, b) => a + (b - means[c]) * (b - means[c]), 0) / v.length));
    if (rank) out[`rank_${key}`] = minRank(means);
  };
  stat("fit_time", (f) => f.fitTime, false, false);
  stat("score_time", (f) => f.scoreTime, false, false);
  // In the order the candidates first name them, as scikit-learn's columns (ParameterSampler's grid points list their keys in reverse order).
  const keys = [...new Set(candidates.flatMap((c) => Object.keys(c)))];
  for (const key of keys) out[`param_${key}`] = candidates.map((c) => (key in c ? c[key] : null));
  out.params = candidates.map((c) => ({ ...c }));
  names.forEach((name, s) => {
    const key = multi ? name : "score";
    stat(`test_${key}`, (f) => f.test[s], true, true);
    if (returnTrain) stat(`train_${key}`, (f) => f.train![s], true, false);
  });
  return out;
}

/** scipy's `rankdata(-means, method="min")`; NaN means rank below every number (all NaN: all 1). */
function minRank(means: Float64Array): Int32Array {
  const finite = Array.from(means).filter((v) => !Number.isNaN(v));
  if (finite.length === 0) return new Int32Array(means.length).fill(1);
  const floor = Math.min(...finite) - 1;
  const values = Array.from(means, (v) => (Number.isNaN(v) ? floor : v));
  return Int32Array.from(values, (v) => 1 + values.filter((w) => w > v).length);
}
