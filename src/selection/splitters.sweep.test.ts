/**
 * Randomized differential sweep: the splitters, trainTestSplit, the parameter grid and the
 * parameter sampler against scikit-learn on the random cases of parity/gen_sweep_splitters.py
 * (test/fixtures/selection/sweeps/splitters.json). With integer seeds every index, grid point and
 * sample must be identical (PARITY.md §14, §15), except loguniform draws, which are exact only to the
 * last ulp of log/exp (docs/selection.md). Where scikit-learn raised, tabkit must throw a DataError or
 * a ValidationError; where it warned, tabkit must warn through onWarning.
 */
import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { DataError, ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { GroupKFold } from "./group-k-fold.js";
import { KFold } from "./k-fold.js";
import { expandGrid, gridAt, gridSize, paramGridCheck, type ParamGrid } from "./parameter-grid.js";
import { paramDistributionsCheck, sampleParameters, type ParamDistributions } from "./parameter-sampler.js";
import { RepeatedStratifiedKFold } from "./repeated-stratified-k-fold.js";
import { ShuffleSplit } from "./shuffle-split.js";
import type { Splitter } from "./splitter.js";
import { StratifiedKFold } from "./stratified-k-fold.js";
import { StratifiedShuffleSplit } from "./stratified-shuffle-split.js";
import { TimeSeriesSplit } from "./time-series-split.js";
import { trainTestSplit, type TrainTestSplitOptions } from "./train-test-split.js";

interface PyError {
  class: string;
  message: string;
}
interface Base {
  index: number;
  error: PyError | null;
  /** [warning class, message] */
  warnings: [string, string][];
}
interface SplitCase extends Base {
  kind: keyof typeof SPLITTERS | "trainTestSplit";
  params: Record<string, unknown>;
  n: number;
  y: Label[] | null;
  groups: Label[] | null;
  splits: [number[], number[]][] | null;
}
interface GridCase extends Base {
  kind: "ParameterGrid";
  params: { grids: ParamGrid | ParamGrid[]; sk: Record<string, string> };
  result: { points: Record<string, unknown>[]; len: number; byIndex: Record<string, unknown>[] } | null;
}
interface SamplerCase extends Base {
  kind: "ParameterSampler";
  params: { spaces: ParamDistributions | ParamDistributions[]; sk: Record<string, string>; nIter: number; randomState: number };
  result: Record<string, unknown>[] | null;
}
type Case = SplitCase | GridCase | SamplerCase;

const SPLITTERS = {
  KFold: (p: never) => new KFold(p),
  StratifiedKFold: (p: never) => new StratifiedKFold(p),
  RepeatedStratifiedKFold: (p: never) => new RepeatedStratifiedKFold(p),
  GroupKFold: (p: never) => new GroupKFold(p),
  ShuffleSplit: (p: never) => new ShuffleSplit(p),
  StratifiedShuffleSplit: (p: never) => new StratifiedShuffleSplit(p),
  TimeSeriesSplit: (p: never) => new TimeSeriesSplit(p),
} as const;

const fixture = readFixture<{ seed: number; cases: Case[] }>("selection/sweeps/splitters.json");

/** What `action` throws, which must be a DataError or a ValidationError. */
function expectRefusal(action: () => unknown, why: PyError): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError || error instanceof ValidationError) return error;
    throw new Error(`expected a DataError or ValidationError like scikit-learn's ${why.class}: ${why.message}; got ${String(error)}`, { cause: error });
  }
  throw new Error(`nothing thrown where scikit-learn raised ${why.class}: ${why.message}`);
}

/** The (count, nSplits) pair of a "least populated class" warning, from either library's wording. */
function leastPopulated(message: string): [number, number] {
  const match = /only (\d+) member.*n_?[sS]plits=(\d+)/.exec(message);
  if (match === null) throw new Error(`not a least-populated-class warning: ${message}`);
  return [Number(match[1]), Number(match[2])];
}

function label(c: Case): string {
  const { kind, params } = c;
  const shown =
    kind === "ParameterGrid" || kind === "ParameterSampler"
      ? JSON.stringify(kind === "ParameterSampler" ? { nIter: params.nIter, randomState: params.randomState, spaces: params.spaces } : params.grids)
      : `n=${c.n} ${JSON.stringify(Object.fromEntries(Object.entries(params).filter(([k, v]) => v !== null && k !== "stratify")))}${kind === "trainTestSplit" && params.stratify ? " stratified" : ""}`;
  return `#${c.index} ${kind} ${shown.length > 160 ? `${shown.slice(0, 157)}...` : shown}${c.error ? ` -> ${c.error.class}` : ""}`;
}

function checkSplits(c: SplitCase): void {
  const messages: string[] = [];
  const onWarning = (message: string) => void messages.push(message);
  let run: () => { train: Int32Array; test: Int32Array }[];
  let splitter: Splitter | null = null;
  if (c.kind === "trainTestSplit") {
    run = () => [trainTestSplit(c.n, c.params as TrainTestSplitOptions)];
  } else {
    const make = SPLITTERS[c.kind];
    run = () => {
      splitter = make(c.params as never);
      return [...splitter.split(c.n, c.y, c.groups, { onWarning })];
    };
  }
  if (c.error !== null) {
    expectRefusal(run, c.error);
    return;
  }
  const got = run();
  const want = c.splits!;
  expect(got.length).toBe(want.length);
  if (splitter !== null) expect((splitter as Splitter).getNSplits(c.n, c.y, c.groups)).toBe(want.length);
  got.forEach((s, k) => {
    expect(Array.from(s.train), `split ${k} train`).toEqual(want[k][0]);
    expect(Array.from(s.test), `split ${k} test`).toEqual(want[k][1]);
  });
  const warned = c.warnings.map(([, message]) => leastPopulated(message));
  // RepeatedStratifiedKFold warns once, not once per repetition as scikit-learn does
  // (src/selection/repeated-stratified-k-fold.ts, "Warn once, not once per repetition").
  const expected = c.kind === "RepeatedStratifiedKFold" ? warned.slice(0, 1) : warned;
  expect(messages.map(leastPopulated)).toEqual(expected);
}

function checkGrid(c: GridCase): void {
  const { grids } = c.params;
  if (c.error !== null) {
    // expandGrid trusts its input; the searches refuse a grid with paramGridCheck when constructed.
    expect(paramGridCheck(grids), `scikit-learn raised ${c.error.class}: ${c.error.message}`).toBeTypeOf("string");
    return;
  }
  const { points, len, byIndex } = c.result!;
  expect(expandGrid(grids)).toEqual(points);
  expect(gridSize(grids)).toBe(len);
  expect(Array.from({ length: len }, (_, i) => gridAt(grids, i))).toEqual(byIndex);
  if (Array.isArray(grids) && grids.length === 0) {
    // An empty list of grids is refused up front, where scikit-learn fails later with "no candidates"
    // (src/selection/parameter-grid.ts, paramGridCheck).
    expect(paramGridCheck(grids)).toBeTypeOf("string");
  } else {
    expect(paramGridCheck(grids)).toBeUndefined();
  }
}

function checkSampler(c: SamplerCase): void {
  const { spaces, nIter, randomState } = c.params;
  if (c.error !== null) {
    expect(paramDistributionsCheck(spaces), `scikit-learn raised ${c.error.class}: ${c.error.message}`).toBeTypeOf("string");
    return;
  }
  expect(paramDistributionsCheck(spaces)).toBeUndefined();
  const messages: string[] = [];
  const got = sampleParameters(spaces, nIter, randomState, (m) => void messages.push(m));
  const want = c.result!;
  expect(got.length).toBe(want.length);
  const records = (Array.isArray(spaces) ? spaces : [spaces]) as ParamDistributions[];
  const keysOf = (r: object) => Object.keys(r).sort().join("\u0000");
  got.forEach((point, i) => {
    expect(Object.keys(point).sort(), `draw ${i} keys`).toEqual(Object.keys(want[i]).sort());
    // The records this draw may come from (same keys); a key is loguniform in one record and a list in another.
    const from = records.filter((r) => keysOf(r) === keysOf(want[i]));
    const isLogUniform = (key: string) => from.some((r) => (r[key] as { distribution?: string }).distribution === "loguniform");
    for (const [key, value] of Object.entries(want[i])) {
      if (typeof value === "number" && isLogUniform(key) && point[key] !== value) {
        // loguniform is exact only to the last ulp of log/exp (docs/selection.md, "Cross-validation and searches").
        const a = point[key] as number;
        expect(Math.abs(a - (value as number)) / Math.abs(value as number), `draw ${i} ${key}: ${a} vs ${value}`).toBeLessThanOrEqual(1e-12);
      } else {
        expect(point[key], `draw ${i} ${key}`).toEqual(value);
      }
    }
  });
  // scikit-learn warns once when the space of lists is smaller than nIter; tabkit says the same numbers.
  const sizes = c.warnings.map(([, m]) => /parameters (\d+) is smaller than n_iter=(\d+)/.exec(m)!.slice(1, 3).map(Number));
  expect(messages.map((m) => /parameters (\d+) is smaller than nIter=(\d+)/.exec(m)!.slice(1, 3).map(Number))).toEqual(sizes);
}

describe(`splitter / parameter sweep against scikit-learn ${(fixture as { generatedBy?: { sklearn: string } }).generatedBy?.sklearn} (seed ${fixture.seed})`, () => {
  for (const c of fixture.cases) {
    it(label(c), () => {
      if (c.kind === "ParameterGrid") checkGrid(c);
      else if (c.kind === "ParameterSampler") checkSampler(c);
      else checkSplits(c);
    });
  }
});
