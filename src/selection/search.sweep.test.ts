/*
 * Randomized differential sweep against scikit-learn 1.9.1: crossValidate, GridSearchCV and
 * RandomizedSearchCV over seeded DecisionTreeClassifier / DecisionTreeRegressor, alone or behind a
 * StandardScaler in a Pipeline (parity/gen_sweep_search.py, fixed seed). The estimators' own
 * parity is exact (PARITY.md §10, §3), so what is compared here is the search: folds, scores,
 * "min" ranks with ties, the refit choice, several scorers with a refit metric, errorScore,
 * train scores and the order of candidates and params in cvResults.
 *
 * Tiers (PARITY.md §15): params, ranks, best index, best params and predicted labels exact; scores,
 * best score, regression predictions and probabilities 1e-12 relative (NaN must match NaN).
 * Where scikit-learn raised, tabkit must throw a DataError or a ValidationError.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ParityTally, readFixture } from "../../test/helpers/fixtures.js";
import { Pipeline } from "../compose/pipeline.js";
import { DataError } from "../core/errors.js";
import type { Estimator } from "../core/estimator.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { DecisionTreeClassifier } from "../models/decision-tree-classifier.js";
import { DecisionTreeRegressor } from "../models/decision-tree-regressor.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { crossValidate } from "./cross-validate.js";
import { GridSearchCV } from "./grid-search-cv.js";
import type { ParamDistributions } from "./parameter-sampler.js";
import { RandomizedSearchCV } from "./randomized-search-cv.js";
import type { CvResults, SearchCV, SearchParams } from "./search-cv.js";
import { expectTabkitError } from "../../test/helpers/thrown.js";

interface PyError {
  type: string;
  message: string;
}
interface Dataset {
  task: "clf" | "reg";
  target: string;
  X: Float64Array;
  X2: Float64Array;
  y: Label[] | Float64Array;
}
type Scoring = string | string[] | Record<string, string> | null;
type Params = Record<string, unknown>;
interface SearchOutcome {
  error: PyError | null;
  cvResults?: Record<string, unknown[]>;
  bestIndex?: number;
  bestParams?: Params;
  bestScore?: number;
  predict?: (Label | number)[];
  proba?: Float64Array;
  scores?: Record<string, number[]>;
}
interface Case {
  index: number;
  kind: "grid" | "random" | "cv";
  data: number;
  form: "tree" | "pipe";
  seed: number;
  scoring: Scoring;
  refit?: boolean | string;
  cv: number | Record<string, unknown>;
  returnTrainScore: boolean;
  errorScore: number | "raise";
  missingClassFold: boolean;
  params?: Params;
  paramGrid?: Params | Params[];
  paramDistributions?: Params | Params[];
  nIter?: number;
  randomState?: number;
  result: SearchOutcome;
}

const fixture = readFixture<{ seed: number; datasets: (Omit<Dataset, "X" | "X2"> & { X: Float64Array; X2: Float64Array })[]; cases: Case[] }>("selection/sweeps/search.json");
const TIER = 1e-12;

/** scikit-learn's snake_case param path in tabkit's camelCase (each `__` part on its own). */
const camel = (path: string) => path.split("__").map((part) => part.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())).join("__");

/** A recorded param value as tabkit takes it (class_weight keys are already label texts). */
const camelParams = (params: Params): Params => Object.fromEntries(Object.entries(params).map(([k, v]) => [camel(k), v]));

/** Rows of a dataset's matrix: the fixture stores X flat with its row count implied by y. */
function matrixOf(data: Float64Array, rows: number): Matrix {
  return new Matrix(data, rows, data.length / rows);
}

function dataOf(c: Case): { X: Matrix; X2: Matrix; y: Label[]; task: "clf" | "reg" } {
  const d = fixture.datasets[c.data];
  const y = Array.from(d.y as ArrayLike<Label>);
  const cols = d.X.length / y.length;
  return { X: matrixOf(d.X, y.length), X2: matrixOf(d.X2, d.X2.length / cols), y, task: d.task };
}

function estimatorOf(c: Case, task: "clf" | "reg"): Estimator<object, unknown> {
  const tree = task === "clf" ? new DecisionTreeClassifier({ randomState: c.seed, maxDepth: 3 }) : new DecisionTreeRegressor({ randomState: c.seed, maxDepth: 3 });
  if (c.form === "tree") return tree as Estimator<object, unknown>;
  return new Pipeline({ steps: [["scale", new StandardScaler()], ["tree", tree]] }) as unknown as Estimator<object, unknown>;
}

const spaces = (s: Params | Params[]) => (Array.isArray(s) ? s.map(camelParams) : camelParams(s));

const tally = new ParityTally();
const counts = { cases: 0, raised: 0, deviations: 0 };

/** A number column at the tier (NaN = NaN). */
function numbers(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  tally.compare(Array.from(got), Array.from(want), TIER, what);
}

/** cvResults against scikit-learn's (times left out): the same keys in the same order, params and ranks exact, scores at the tier. */
function compareResults(ours: CvResults, theirs: Record<string, unknown[]>, what: string): void {
  const expectedKeys = Object.keys(theirs).map((k) => (k.startsWith("param_") ? `param_${camel(k.slice(6))}` : k));
  const ourKeys = Object.keys(ours).filter((k) => !k.includes("time"));
  expect(ourKeys, `${what} keys`).toEqual(expectedKeys);
  for (const [key, expected] of Object.entries(theirs)) {
    if (key === "params") {
      expect(ours.params, `${what} params`).toEqual((expected as Params[]).map(camelParams));
    } else if (key.startsWith("param_")) {
      expect(Array.from(ours[`param_${camel(key.slice(6))}`]), `${what} ${key}`).toEqual(expected);
    } else if (key.startsWith("rank_")) {
      expect(Array.from(ours[key] as Int32Array), `${what} ${key}`).toEqual(expected);
    } else {
      numbers(ours[key] as Float64Array, expected as number[], `${what} ${key}`);
    }
  }
}

/**
 * Recorded params against ours: exact, except loguniform draws (docs/selection.md: "to the last ulp
 * of log/exp"), which the sweep compares at the tier.
 */
function paramsEqual(ours: readonly Params[], theirs: readonly Params[], loguniform: ReadonlySet<string>, what: string): void {
  expect(ours.length, `${what} count`).toBe(theirs.length);
  theirs.forEach((want, i) => {
    const got = ours[i];
    expect(Object.keys(got), `${what}[${i}] keys`).toEqual(Object.keys(want).map(camel));
    for (const [k, v] of Object.entries(want)) {
      if (loguniform.has(k)) numbers([got[camel(k)] as number], [v as number], `${what}[${i}].${k}`);
      else expect(got[camel(k)], `${what}[${i}].${k}`).toEqual(v);
    }
  });
}

function loguniformKeys(c: Case): Set<string> {
  const list = c.paramDistributions === undefined ? [] : Array.isArray(c.paramDistributions) ? c.paramDistributions : [c.paramDistributions];
  return new Set(list.flatMap((d) => Object.entries(d).filter(([, v]) => (v as { distribution?: string }).distribution === "loguniform").map(([k]) => k)));
}

function makeSearch(c: Case, estimator: Estimator<object, unknown>): SearchCV<SearchParams> {
  const common = {
    estimator,
    scoring: c.scoring,
    refit: c.refit!,
    cv: c.cv,
    returnTrainScore: c.returnTrainScore,
    errorScore: c.errorScore,
  } as Partial<SearchParams>;
  if (c.kind === "grid") return new GridSearchCV({ ...common, paramGrid: spaces(c.paramGrid!) as never }) as unknown as SearchCV<SearchParams>;
  return new RandomizedSearchCV({ ...common, paramDistributions: spaces(c.paramDistributions!) as ParamDistributions, nIter: c.nIter!, randomState: c.randomState! }) as unknown as SearchCV<SearchParams>;
}

function replaySearch(c: Case): void {
  const { X, X2, y, task } = dataOf(c);
  const what = `#${c.index}`;
  const fit = () => makeSearch(c, estimatorOf(c, task)).fit(X, y);
  const r = c.result;
  if (r.error !== null) {
    counts.raised++;
    expectTabkitError(fit, `${what} (scikit-learn raised ${r.error.type}: ${r.error.message.trim().split("\n")[0]})`);
    return;
  }
  if (c.missingClassFold) {
    // docs/selection.md: "A classifier's training fold that lacks a class of y is a DataError".
    counts.deviations++;
    expect(fit, `${what}: a training fold lacks a class`).toThrow(DataError);
    return;
  }
  const search = fit();
  const cvResults = search.cvResults;
  compareResults(cvResults, r.cvResults!, what);
  paramsEqual(cvResults.params as Params[], r.cvResults!.params as Params[], loguniformKeys(c), `${what} params`);
  if (r.bestIndex === undefined) {
    expect(() => search.bestIndex, `${what}: refit false`).toThrow(DataError);
    return;
  }
  expect(search.bestIndex, `${what} bestIndex`).toBe(r.bestIndex);
  paramsEqual([search.bestParams], [r.bestParams!], loguniformKeys(c), `${what} bestParams`);
  numbers([search.bestScore], [r.bestScore!], `${what} bestScore`);
  const predicted = search.predict(X2);
  if (task === "clf") expect(Array.from(predicted as ArrayLike<Label>), `${what} predict`).toEqual(r.predict);
  else numbers(predicted as Float64Array, r.predict as number[], `${what} predict`);
  if (r.proba !== undefined) numbers(search.predictProba(X2).data, r.proba, `${what} predictProba`);
}

function replayCrossValidate(c: Case): void {
  const { X, y, task } = dataOf(c);
  const what = `#${c.index}`;
  const estimator = estimatorOf(c, task);
  const run = () => {
    const withParams = (estimator as unknown as { withParams(p: Params): Estimator<object, unknown> }).withParams;
    const model = c.form === "tree" ? withParams.call(estimator, camelParams(c.params!)) : pipeWith(estimator, c.params!);
    return crossValidate(model, X, y, { cv: c.cv, scoring: c.scoring, returnTrainScore: c.returnTrainScore, errorScore: c.errorScore });
  };
  const r = c.result;
  if (r.error !== null) {
    counts.raised++;
    expectTabkitError(run, `${what} (scikit-learn raised ${r.error.type}: ${r.error.message.trim().split("\n")[0]})`);
    return;
  }
  if (c.missingClassFold) {
    counts.deviations++;
    expect(run, `${what}: a training fold lacks a class`).toThrow(DataError);
    return;
  }
  const out = run();
  const keys = Object.keys(out).filter((k) => !k.includes("time"));
  expect(keys.sort(), `${what} keys`).toEqual(Object.keys(r.scores!).sort());
  for (const [key, values] of Object.entries(r.scores!)) numbers(out[key] as Float64Array, values, `${what} ${key}`);
}

/** The pipeline with its tree's params set (`tree__max_depth` ...). */
function pipeWith(pipe: Estimator<object, unknown>, params: Params): Estimator<object, unknown> {
  const steps = (pipe.params as { steps: [string, Estimator<object, unknown>][] }).steps;
  const tree = steps[1][1] as unknown as { withParams(p: Params): Estimator<object, unknown> };
  const own = Object.fromEntries(Object.entries(camelParams(params)).map(([k, v]) => [k.replace(/^tree__/, ""), v]));
  return new Pipeline({ steps: [steps[0], ["tree", tree.withParams(own)]] }) as unknown as Estimator<object, unknown>;
}

function label(c: Case): string {
  const space = c.kind === "grid" ? { grid: c.paramGrid } : c.kind === "random" ? { dist: c.paramDistributions, nIter: c.nIter, rs: c.randomState } : { params: c.params };
  const cv = typeof c.cv === "number" ? c.cv : `${c.cv.splitter}(${c.cv.nSplits})`;
  const d = fixture.datasets[c.data];
  return `#${c.index} ${c.kind} ${c.form} ${d.target} data${c.data} cv=${cv} scoring=${JSON.stringify(c.scoring)} refit=${JSON.stringify(c.refit)} errorScore=${c.errorScore} train=${c.returnTrainScore} ${JSON.stringify(space)}`;
}

function replay(c: Case): void {
  counts.cases++;
  if (c.kind === "cv") replayCrossValidate(c);
  else replaySearch(c);
}

describe(`searches and crossValidate: randomized sweep against scikit-learn (seed ${fixture.seed})`, () => {
  it.each(fixture.cases.map((c) => ({ c, name: label(c) })))("$name", ({ c }) => replay(c));

  afterAll(() => {
    console.log(`search sweep: ${counts.cases} cases (${counts.raised} where scikit-learn raised, ${counts.deviations} documented deviations); ${tally}`);
  });
});
