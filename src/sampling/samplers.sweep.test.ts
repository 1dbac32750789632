/**
 * Randomized differential sweep: SMOTE, SMOTENC, RandomOverSampler and RandomUnderSampler against
 * imbalanced-learn 0.14.2 on the random tables and parameters of parity/gen_sweep_samplers.py
 * (test/fixtures/sampling/sweeps/samplers.json). Every case has an integer seed, so rows, labels,
 * sample indices and the resolved strategy must match exactly (PARITY.md §9, §15); SMOTENC's
 * median std within 1e-12 relative (its variance is summed in another order). Where
 * imbalanced-learn raised, tabkit must raise a DataError or a ValidationError.
 */
import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { RandomOverSampler } from "./random-over-sampler.js";
import { RandomUnderSampler } from "./random-under-sampler.js";
import type { Resampled, Sampler, SamplerState } from "./sampler.js";
import type { SamplingStrategy } from "./sampling-strategy.js";
import { SMOTE } from "./smote.js";
import { SMOTENC } from "./smotenc.js";

type Params = { samplingStrategy: SamplingStrategy; randomState: number; kNeighbors?: number; replacement?: boolean; categoricalFeatures?: "auto" | (number | string)[] };
type Column = Float64Array | string[];
interface BaseCase {
  params: Params;
  y: Label[];
  error?: { type: string; message: string };
  strategy?: [Label, number][];
}
interface SmoteCase extends BaseCase {
  sampler: "SMOTE";
  cols: number;
  X: Float64Array;
  XNew?: Float64Array;
  yNew?: Label[];
  /** imbalanced-learn's output with neighbours ordered by (distance, row index), where it differs. */
  tieOrdered?: Float64Array;
  neighborTie?: "exact" | "rounding";
}
interface SmotencCase extends BaseCase {
  sampler: "SMOTENC";
  columns: Record<string, number[] | string[]>;
  XNew?: Record<string, Column>;
  yNew?: Label[];
  medianStd?: [Label, number][];
  tieOrdered?: Record<string, Column>;
  neighborTie?: "exact" | "rounding";
}
interface RandomCase extends BaseCase {
  sampler: "RandomOverSampler" | "RandomUnderSampler";
  cols: number;
  X: Float64Array;
  text?: string[];
  sampleIndices?: number[];
  yRes?: Label[];
}
type Case = SmoteCase | SmotencCase | RandomCase;

const { cases } = readFixture<{ cases: Case[] }>("sampling/sweeps/samplers.json");

/** Bit-for-bit equality (NaN equals NaN, -0 differs from 0), reporting the first differing cell. */
function expectSame(got: ArrayLike<number>, want: ArrayLike<number>, cols: number, what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) throw new Error(`${what}: row ${Math.floor(i / cols)} column ${i % cols}: got ${got[i]}, expected ${want[i]}`);
  }
}

function expectRaises(run: () => unknown, error: { type: string; message: string }): void {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `imbalanced-learn raised ${error.type}: ${error.message}`).toBeDefined();
  expect(thrown instanceof DataError || thrown instanceof ValidationError, `threw ${String(thrown)}`).toBe(true);
}

function expectStrategy(sampler: Sampler<{ samplingStrategy: SamplingStrategy }, SamplerState>, strategy: [Label, number][]): void {
  expect([...sampler.samplingStrategyResolved]).toEqual(strategy);
}

function title(i: number, c: Case): string {
  const p = c.params;
  const parts = [`#${i} ${c.sampler}`, `rows=${c.y.length}`, `classes=${new Set(c.y).size}`, `strategy=${JSON.stringify(p.samplingStrategy)}`];
  if (p.kNeighbors !== undefined) parts.push(`k=${p.kNeighbors}`);
  if (p.categoricalFeatures !== undefined) parts.push(`cat=${JSON.stringify(p.categoricalFeatures)}`);
  if (p.replacement !== undefined) parts.push(`replacement=${p.replacement}`);
  parts.push(`seed=${p.randomState}`);
  if (c.error) parts.push("raises");
  return parts.join(" ");
}

function runSmote(c: SmoteCase): void {
  const rows = c.y.length;
  const X = new Matrix(c.X, rows, c.cols);
  const sampler = new SMOTE(c.params);
  if (c.error) return expectRaises(() => sampler.fitResample(X, c.y), c.error);
  const out = sampler.fitResample(X, c.y);
  expectStrategy(sampler, c.strategy!);
  expect(out.y).toEqual([...c.y, ...c.yNew!]);
  const data = (out.X as Matrix).data;
  expectSame(data.subarray(0, c.X.length), c.X, c.cols, "original rows");
  // Neighbour ties: tabkit orders by (distance, row index) (docs/selection.md, "Neighbours are exact
  // Euclidean neighbours ordered by (distance, row index)"; PARITY.md §9.2 "Ties ... implementation-
  // defined"); there the expected rows are imbalanced-learn's own, run with that neighbour order.
  expectSame(data.subarray(c.X.length), c.tieOrdered ?? c.XNew!, c.cols, "new rows");
}

function runSmotenc(c: SmotencCase): void {
  const names = Object.keys(c.columns);
  const frame = Frame.fromColumns(c.columns);
  const sampler = new SMOTENC(c.params);
  if (c.error) return expectRaises(() => sampler.fitResample(frame, c.y), c.error);
  const out = sampler.fitResample(frame, c.y);
  expectStrategy(sampler, c.strategy!);
  expect(out.y).toEqual([...c.y, ...c.yNew!]);
  const med = sampler.medianStd;
  expect([...med.keys()]).toEqual(c.medianStd!.map(([label]) => label));
  expectClose(c.medianStd!.map(([label]) => med.get(label)!), c.medianStd!.map(([, v]) => v), 1e-12, "medianStd");
  const result = out.X as Frame;
  expect(result.names).toEqual(names);
  // Neighbour ties: see runSmote (docs/selection.md; PARITY.md §9.2, §9.3 "exact given identical neighbour lists").
  const expected = c.tieOrdered ?? c.XNew!;
  const rows = c.y.length;
  for (const name of names) {
    const got = Array.from(result.column(name) as ArrayLike<number | string>);
    const want = expected[name];
    if (want instanceof Float64Array) {
      expectSame(got.slice(0, rows) as number[], c.columns[name] as number[], 1, `${name} original rows`);
      expectSame(got.slice(rows) as number[], want, 1, `${name} new rows`);
    } else {
      expect(got, name).toEqual([...c.columns[name], ...want]);
    }
  }
}

function runRandom(c: RandomCase): void {
  const rows = c.y.length;
  const matrix = new Matrix(c.X, rows, c.cols);
  let X: Matrix | Frame = matrix;
  if (c.text) {
    const columns: Record<string, ArrayLike<unknown>> = {};
    for (let j = 0; j < c.cols; j++) columns[`x${j}`] = Float64Array.from({ length: rows }, (_, i) => c.X[i * c.cols + j]);
    columns.city = c.text;
    X = Frame.fromColumns(columns);
  }
  const sampler = c.sampler === "RandomOverSampler" ? new RandomOverSampler(c.params as { samplingStrategy: SamplingStrategy; randomState: number }) : new RandomUnderSampler(c.params);
  if (c.error) return expectRaises(() => sampler.fitResample(X, c.y), c.error);
  const out: Resampled = sampler.fitResample(X, c.y);
  expectStrategy(sampler, c.strategy!);
  expect(Array.from(sampler.sampleIndices)).toEqual(c.sampleIndices);
  expect(out.y).toEqual(c.yRes);
  const picked = c.sampleIndices!;
  const want = new Float64Array(picked.length * c.cols);
  picked.forEach((r, t) => want.set(c.X.subarray(r * c.cols, (r + 1) * c.cols), t * c.cols));
  if (c.text) {
    const frame = out.X as Frame;
    expect(frame.names).toEqual([...Array.from({ length: c.cols }, (_, j) => `x${j}`), "city"]);
    for (let j = 0; j < c.cols; j++) expectSame(frame.numeric(`x${j}`), Array.from(picked, (r) => c.X[r * c.cols + j]), 1, `x${j}`);
    expect(Array.from(frame.column("city") as ArrayLike<string>)).toEqual(picked.map((r) => c.text![r]));
  } else {
    expectSame((out.X as Matrix).data, want, c.cols, "rows");
  }
}

describe("samplers match imbalanced-learn on random inputs", () => {
  cases.forEach((c, i) => {
    it(title(i, c), () => {
      if (c.sampler === "SMOTE") runSmote(c);
      else if (c.sampler === "SMOTENC") runSmotenc(c);
      else runRandom(c);
    });
  });
});
