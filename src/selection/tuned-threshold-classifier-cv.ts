import { runFit, runFitAsync, type ChildFit, type FitProcedure } from "../core/child-fit.js";
import { DataError, ValidationError } from "../core/errors.js";
import type { Estimator, LoadContext } from "../core/estimator.js";
import { ProgressCounter, type ProgressOptions } from "../core/fit-progress.js";
import { readRecords, type TableInput } from "../core/input.js";
import type { AsyncFitOptions } from "../core/parallel.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import type { JsonObject } from "../core/json.js";
import { toLabels, type Label } from "../core/labels.js";
import { anyOf, arrayOf, boolean, integer, nullable, number, oneOf, param, seed, type ParamCheck, type ParamSchema } from "../core/params.js";
import { estimatorCheck } from "../compose/steps.js";
import { binaryScores, labelsAtThreshold, positiveLabel, resolveResponseMethod, type BinaryClassifierLike, type ResponseMethod } from "./binary-response.js";
import { checkCv, cvCheck, type CvOption } from "./check-cv.js";
import { decodeChild, labelCheck } from "./child-model.js";
import { resolveScorer, scoringCheck, type LabelMetric, type Scoring } from "./scoring.js";
import type { Split } from "./splitter.js";
import { StratifiedShuffleSplit } from "./stratified-shuffle-split.js";
import { rowCount, takeRows, type RowIndexable } from "./take-rows.js";
import { ThresholdClassifierBase, type ThresholdState } from "./threshold-classifier-base.js";
import { interp, isClose, linspace } from "./threshold-grid.js";

export interface TunedThresholdClassifierCVParams {
  /** The binary classifier to tune (required to fit). */
  estimator: Estimator<object, unknown> | null;
  /** The objective: a scorer name, a description such as `{ metric: "fbeta", beta: 2, average: "weighted" }`, or a function carrying `scoreFunc`. Default "balanced_accuracy". */
  scoring: Scoring;
  /** Which output to threshold. Default "auto". */
  responseMethod: ResponseMethod;
  /** Number of candidate thresholds, or the candidates themselves (strictly increasing). Default 100. */
  thresholds: number | readonly number[];
  /** null/int (StratifiedKFold), a fraction (one stratified shuffle split), a splitter, or "prefit". Default null (5 folds). */
  cv: CvOption | "prefit" | null;
  /** Refit the estimator on all data (false: on the first training split). Default true. */
  refit: boolean;
  /** Parallel jobs; results never depend on it (folds run one after another; `fitAsync` with a runner grows forest trees in parallel). Default null. */
  nJobs: number | null;
  /** Seed of the split when cv is a fraction. Default null. */
  randomState: number | null;
  /** Keep the threshold grid and its mean scores in `cvResults`. Default false. */
  storeCvResults: boolean;
  /** The positive class (overrides the scorer's; null: the scorer's, else the larger class). Default null. */
  posLabel: Label | null;
}

/** A threshold list: the mean curve interpolates each split's scores over it, which needs it sorted (scikit-learn 1.9 silently misplaces scores otherwise). */
const increasingNumbers: ParamCheck = (value) => {
  const problem = arrayOf(number(), { minLength: 1 })(value);
  if (problem !== undefined) return problem;
  const list = value as readonly number[];
  const at = list.findIndex((v, i) => i > 0 && !(v > list[i - 1]));
  return at < 0 ? undefined : `must be strictly increasing; entry ${at} (${list[at]}) is not greater than entry ${at - 1} (${list[at - 1]})`;
};

const SCHEMA: ParamSchema<TunedThresholdClassifierCVParams> = {
  estimator: param(null, nullable(estimatorCheck())),
  scoring: param("balanced_accuracy", scoringCheck),
  responseMethod: param("auto", oneOf("auto", "predict_proba", "decision_function")),
  thresholds: param(100, anyOf(integer({ min: 2 }), increasingNumbers)),
  cv: param(null, anyOf(oneOf("prefit"), number({ min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }), cvCheck({ allowNull: true }))),
  refit: param(true, boolean()),
  nJobs: param(null, nullable(integer())),
  randomState: param(null, seed()),
  storeCvResults: param(false, boolean()),
  posLabel: param(null, nullable(labelCheck())),
};

/** Options of `TunedThresholdClassifierCV.fit`. */
export interface TunedThresholdFitOptions extends ProgressOptions {
  /** Group labels for group splitters (GroupKFold). */
  groups?: readonly Label[] | null;
  /** Receives warnings (StratifiedKFold: a class with fewer members than nSplits); they never throw. */
  onWarning?: (message: string) => void;
}

interface TunedState extends ThresholdState {
  bestScore: number;
  cvResults: { thresholds: Float64Array; scores: Float64Array } | null;
}

/**
 * scikit-learn's `TunedThresholdClassifierCV`: per CV split, a clone is fitted on train and the
 * scorer evaluated on validation at thresholds spanning its scores; the mean of the per-split
 * curves (interpolated on a common grid) picks `bestThreshold` (first maximum).
 *
 * Progress (`onProgress`): the task "fits" counts the refit and the split fits; each child's own
 * tasks sit under "refit" or "fold k/n" ("refit › trees", "fold 2/5 › trees").
 */
export class TunedThresholdClassifierCV extends ThresholdClassifierBase<TunedThresholdClassifierCVParams, TunedState> {
  static readonly kind = "TunedThresholdClassifierCV";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<TunedThresholdClassifierCVParams>) {
    super(SCHEMA, params);
  }

  fit(X: TableInput, y: readonly Label[], options: TunedThresholdFitOptions = {}): this {
    return runFit(this.fitProcedure(X, y, options), options);
  }

  /**
   * As `fit` (same folds in the same order, same result), fitting the refit and every split's
   * clone through their `fitAsync` where they have one, with `options.parallel`. Nothing is
   * committed unless every fit succeeds.
   */
  async fitAsync(X: TableInput, y: readonly Label[], options: TunedThresholdFitOptions & AsyncFitOptions = {}): Promise<this> {
    return runFitAsync(this.fitProcedure(X, y, options), options, `${this.kind}.fitAsync`);
  }

  private *fitProcedure(X: TableInput, y: readonly Label[], options: TunedThresholdFitOptions): FitProcedure<this> {
    const owner = `${this.kind}.fit`;
    const p = this.params;
    if (p.estimator === null) throw new ValidationError(this.message("fit", "estimator is null; pass the classifier to tune"), [{ path: "estimator", message: "required" }]);
    // Records are read once, as the Frame they stand for: every split (and the refit) is then that Frame's rows.
    X = readRecords(X, this.site("fit"));
    const n = rowCount(X as RowIndexable);
    const labels = toLabels(y, n, this.site("fit"));
    const distinct = new Set(labels);
    if (distinct.size !== 2) throw new DataError(this.message("fit", `threshold tuning needs a binary target; y has ${distinct.size} class(es)`));
    const scorer = resolveScorer(p.scoring, this.kind);
    if (scorer.metric === undefined) {
      throw new ValidationError(this.message("fit", `scoring "${scorer.name}" cannot be evaluated at a threshold: it must compare predicted labels (e.g. "balanced_accuracy", "f1", { metric: "fbeta", beta: 2 })`), [
        { path: "scoring", message: "needs a label metric" },
      ]);
    }
    const metric = scorer.metric;
    const wantedPos = p.posLabel ?? (metric.kwargs.posLabel as Label | undefined) ?? metric.defaultPosLabel;
    const kwargs = p.posLabel !== null && metric.defaultPosLabel !== null ? { ...metric.kwargs, posLabel: p.posLabel } : metric.kwargs;

    let estimator: Estimator<object, unknown>;
    let splits: { train: Int32Array | null; test: Int32Array }[];
    let progress: ProgressCounter;
    if (p.cv === "prefit") {
      if (p.refit) throw new ValidationError(this.message("fit", 'cv: "prefit" cannot be combined with refit: true'), [{ path: "refit", message: "must be false with prefit" }]);
      if (!p.estimator.isFitted) throw new DataError(this.message("fit", 'cv: "prefit" needs an already fitted estimator'));
      estimator = p.estimator;
      splits = [{ train: null, test: Int32Array.from({ length: n }, (_, i) => i) }];
      progress = new ProgressCounter(options.onProgress, "fits", 0);
    } else {
      const splitter =
        typeof p.cv === "number" && p.cv > 0 && p.cv < 1
          ? new StratifiedShuffleSplit({ nSplits: 1, testSize: p.cv, randomState: p.randomState })
          : checkCv(p.cv as CvOption | null, labels, true, this.kind);
      const all: Split[] = [...splitter.split(n, labels, options.groups ?? null, { onWarning: options.onWarning })];
      if (!p.refit && all.length > 1) throw new ValidationError(this.message("fit", "refit: false needs a single split (cv has several folds)"), [{ path: "refit", message: "needs one split" }]);
      splits = all;
      progress = new ProgressCounter(options.onProgress, "fits", all.length + 1);
      estimator = p.estimator.clone();
    }
    const method = resolveResponseMethod(estimator, p.responseMethod, owner);

    // Fit k is split k's clone; fit splits.length the refit (or, with refit: false, the estimator on
    // the first split). Each starts one ahead of the scoring that needs it: while split k is
    // scored here, the next fit runs, so a parallel runner never waits for this thread.
    const fitting = new Map<number, Estimator<object, unknown>>();
    const startFit = (k: number): ChildFit | null => {
      if (k === splits.length) {
        if (p.cv === "prefit") return null;
        const train = splits[0].train!;
        return { child: estimator, X: p.refit ? X : takeRows(X as RowIndexable, train), y: p.refit ? labels : takeRows(labels, train), path: [p.refit ? "refit" : "estimator"], overlap: true };
      }
      const train = splits[k].train;
      if (train === null) return null;
      const yTrain = takeRows(labels, train);
      const missing = [...distinct].filter((c) => !yTrain.includes(c));
      if (missing.length > 0) throw new DataError(this.message("fit", `training split ${k} has no row of class ${JSON.stringify(missing[0])}; use stratified or larger folds`));
      const model = p.estimator!.clone();
      fitting.set(k, model);
      return { child: model, X: takeRows(X as RowIndexable, train), y: yTrain, path: [`fold ${k + 1}/${splits.length}`], overlap: true };
    };
    const first = startFit(0);
    if (first !== null) yield first;
    const foldThresholds: Float64Array[] = [];
    const foldScores: Float64Array[] = [];
    let posLabel: Label | undefined;
    for (const [k, split] of splits.entries()) {
      const ahead = startFit(k + 1);
      if (ahead !== null) yield ahead;
      let model = estimator;
      if (split.train !== null) {
        model = fitting.get(k)!;
        fitting.delete(k);
        yield { fitted: model };
        progress.advance();
      }
      posLabel ??= positiveLabel((model as unknown as BinaryClassifierLike).classes, wantedPos, owner);
      const curve = scoreCurve(model, takeRows(X as RowIndexable, split.test), takeRows(labels, split.test), method, posLabel, metric, kwargs, p.thresholds, owner);
      foldThresholds.push(curve.thresholds);
      foldScores.push(curve.scores);
    }
    if (p.cv !== "prefit") {
      yield { fitted: estimator };
      progress.advance();
    }
    if (foldThresholds.some((t) => isClose(t[0], t[t.length - 1]))) {
      throw new DataError(this.message("fit", "the estimator makes constant predictions, so there is no threshold to tune"));
    }
    let grid: Float64Array;
    if (typeof p.thresholds === "number") {
      let lo = Infinity;
      let hi = -Infinity;
      for (const t of foldThresholds) for (const v of t) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      grid = linspace(lo, hi, p.thresholds);
    } else grid = Float64Array.from(p.thresholds);
    const objective = new Float64Array(grid.length);
    foldThresholds.forEach((t, k) => {
      const curve = interp(grid, t, foldScores[k]);
      for (let g = 0; g < grid.length; g++) objective[g] += curve[g];
    });
    for (let g = 0; g < grid.length; g++) objective[g] /= foldThresholds.length;
    let best = 0;
    for (let g = 1; g < grid.length; g++) if (objective[g] > objective[best]) best = g;
    if (Number.isNaN(objective[best])) throw new DataError(this.message("fit", `the scorer "${scorer.name}" is undefined (NaN) on the validation data`));
    return this.commit({
      estimator,
      method,
      posLabel: posLabel!,
      threshold: grid[best],
      bestScore: objective[best],
      cvResults: p.storeCvResults ? { thresholds: grid, scores: objective } : null,
    });
  }

  /** The tuned decision threshold. */
  get bestThreshold(): number {
    return this.fitted("bestThreshold").threshold;
  }

  /** The mean cross-validated score at `bestThreshold`. */
  get bestScore(): number {
    return this.fitted("bestScore").bestScore;
  }

  /** The threshold grid and its mean scores (with `storeCvResults: true`), else null. */
  get cvResults(): { thresholds: Float64Array; scores: Float64Array } | null {
    const r = this.fitted("cvResults").cvResults;
    return r === null ? null : { thresholds: r.thresholds.slice(), scores: r.scores.slice() };
  }

  protected encodeState(state: TunedState): JsonObject {
    return {
      ...this.encodeThreshold(state),
      bestScore: state.bestScore,
      cvResults: state.cvResults === null ? null : { thresholds: encodeFloat64Array(state.cvResults.thresholds), scores: encodeFloat64Array(state.cvResults.scores) },
    };
  }

  protected decodeState(reader: StateReader, context: LoadContext): TunedState {
    const base = this.decodeThreshold(reader, decodeChild(reader, "estimator", this.params.estimator, context, this.kind));
    let cvResults: TunedState["cvResults"] = null;
    if (reader.raw("cvResults") !== null) {
      const r = reader.object("cvResults");
      const thresholds = r.f64("thresholds");
      cvResults = { thresholds, scores: r.f64("scores", { length: thresholds.length }) };
    }
    return { ...base, bestScore: reader.number("bestScore"), cvResults };
  }
}

/** One split's curve: thresholds spanning the validation scores (or the given list) and the signed metric at each. */
function scoreCurve(
  model: Estimator<object, unknown>,
  X: unknown,
  y: Label[],
  method: "predict_proba" | "decision_function",
  pos: Label,
  metric: LabelMetric,
  kwargs: Readonly<Record<string, unknown>>,
  thresholds: number | readonly number[],
  owner: string,
): { thresholds: Float64Array; scores: Float64Array } {
  const classes = (model as unknown as BinaryClassifierLike).classes;
  positiveLabel(classes, pos, owner);
  const s = binaryScores(model, X, method, pos, owner);
  let t: Float64Array;
  if (typeof thresholds === "number") {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of s) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    t = linspace(lo, hi, thresholds);
  } else t = Float64Array.from(thresholds);
  const scores = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) scores[i] = metric.sign * metric.scoreFunc(y, labelsAtThreshold(s, t[i], classes, pos), kwargs);
  return { thresholds: t, scores };
}
