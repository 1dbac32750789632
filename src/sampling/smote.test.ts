import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DataError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { expectClose, flat, readFixture } from "../../test/helpers/fixtures.js";
import { classNeighbors } from "./nearest-neighbors.js";
import { SMOTE } from "./smote.js";

/** Reads a zlib-compressed little-endian float64 array written by parity/gen_sampling.py. */
export function unpack(text: string): Float64Array {
  const bytes = inflateSync(Buffer.from(text, "base64"));
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

interface BankFixture {
  rows: number;
  baseCols: number;
  base: string;
  y: number[];
  kNeighbors: number;
  randomState: number;
  neighbors: number[][];
  nNew: number;
  yRes: number[];
  every: number;
  sampledRows: string;
  rowSums: number[];
}

/** The 91 columns: 13 base columns then every product i < j (PolynomialFeatures, interaction_only). */
function withInteractions(base: Float64Array, rows: number, cols: number): Matrix {
  const width = cols + (cols * (cols - 1)) / 2;
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const b = r * cols;
    let o = r * width;
    for (let j = 0; j < cols; j++) out[o++] = base[b + j];
    for (let i = 0; i < cols; i++) for (let j = i + 1; j < cols; j++) out[o++] = base[b + i] * base[b + j];
  }
  return new Matrix(out, rows, width);
}

describe("SMOTE on the bank-churn matrix (5100 x 91, kNeighbors 10, randomState 32)", () => {
  const fx = readFixture<BankFixture>("sampling/smote-bank-churn.json");
  const X = withInteractions(unpack(fx.base), fx.rows, fx.baseCols);

  it("finds scikit-learn's neighbour lists", () => {
    const members = Int32Array.from(fx.y.flatMap((v, i) => (v === 1 ? [i] : [])));
    const data = new Float64Array(members.length * X.cols);
    members.forEach((row, r) => data.set(X.row(row), r * X.cols));
    const nn = classNeighbors(data, members.length, X.cols, fx.kNeighbors);
    expect(Array.from(nn)).toEqual(fx.neighbors.flat());
  });

  it("generates imbalanced-learn's rows exactly, originals first", () => {
    const { X: out, y } = new SMOTE({ kNeighbors: fx.kNeighbors, randomState: fx.randomState }).fitResample(X, fx.y);
    const m = out as Matrix;
    expect(m.rows).toBe(fx.rows + fx.nNew);
    expect(Array.from(m.data.subarray(0, X.data.length))).toEqual(Array.from(X.data));
    expect(y.slice(fx.rows)).toEqual(fx.yRes);
    const sampled = unpack(fx.sampledRows);
    const picked: number[] = [];
    for (let t = 0; t < fx.nNew; t += fx.every) picked.push(...m.row(fx.rows + t));
    expect(picked).toEqual(Array.from(sampled));
    const sums = Array.from({ length: fx.nNew }, (_, t) => m.row(fx.rows + t).reduce((a, b) => a + b, 0));
    expectClose(sums, fx.rowSums, 1e-12, "row sums");
  });
});

interface SmallFixture {
  X: number[][];
  y: Label[];
  cases: { name: string; samplingStrategy: never; kNeighbors: number; randomState: number; X: number[][]; y: Label[] }[];
  binary: { X: number[][]; y: number[]; samplingStrategy: number; randomState: number; XRes: number[][]; yRes: number[] };
}

describe("SMOTE sampling strategies match imbalanced-learn", () => {
  const fx = readFixture<SmallFixture>("sampling/smote-small.json");
  for (const c of fx.cases) {
    it(c.name, () => {
      const out = new SMOTE({ samplingStrategy: c.samplingStrategy, kNeighbors: c.kNeighbors, randomState: c.randomState }).fitResample(fx.X, fx.y);
      expect(out.y).toEqual(c.y);
      expect(Array.from((out.X as Matrix).data)).toEqual(Array.from(flat(c.X)));
    });
  }
  it("binary target with a float ratio and 20 features", () => {
    const b = fx.binary;
    const out = new SMOTE({ samplingStrategy: b.samplingStrategy, randomState: b.randomState }).fitResample(b.X, b.y);
    expect(out.y).toEqual(b.yRes);
    expect(Array.from((out.X as Matrix).data)).toEqual(Array.from(flat(b.XRes)));
  });
});

describe("SMOTE behaviour", () => {
  const X = [[0, 0], [1, 0], [0, 1], [1, 1], [5, 5], [6, 5], [5, 6], [6, 6], [7, 7], [8, 8]];
  const y = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
  it("keeps a Frame a Frame and names the fitted state", () => {
    const frame = Frame.fromColumns({ a: X.map((r) => r[0]), b: X.map((r) => r[1]) });
    const sm = new SMOTE({ kNeighbors: 2, randomState: 0 });
    const out = sm.fitResample(frame, y);
    expect(out.X).toBeInstanceOf(Frame);
    expect((out.X as Frame).nRows).toBe(14);
    expect(sm.samplingStrategyResolved.get(0)).toBe(4);
    const loaded = loadModel<SMOTE>(JSON.parse(JSON.stringify(sm.toJSON())));
    expect(loaded.samplingStrategyResolved).toEqual(sm.samplingStrategyResolved);
  });
  it("refuses kNeighbors >= class size, NaN, one class and mismatched labels", () => {
    expect(() => new SMOTE({ kNeighbors: 3 }).fitResample(X, y)).toThrow(/class 0 has 3 row\(s\) but kNeighbors=3 needs at least 4/);
    expect(() => new SMOTE().fitResample([[NaN, 1], [1, 2]], [0, 1])).toThrow(DataError);
    expect(() => new SMOTE().fitResample(X, X.map(() => 1))).toThrow(/more than 1 class/);
    expect(() => new SMOTE().fitResample(X, y.slice(1))).toThrow(/9 values but X has 10 rows/);
    expect(() => new SMOTE({ samplingStrategy: { 7: 20 } }).fitResample(X, y)).toThrow(/class "7"/);
    expect(() => new SMOTE().fitResample(X, y.map((v, i) => (i === 3 ? 0.5 : v)))).toThrow(/^SMOTE\.fitResample: y holds the non-integer number 0\.5; a sampler needs class labels .* \(row 3\)$/);
  });
});
