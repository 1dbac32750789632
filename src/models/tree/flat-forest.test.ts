import { describe, expect, it } from "vitest";
import { flattenForest, predictFlat } from "./flat-forest.js";
import { addTreeValues } from "./tree-predict.js";
import { TreeBuffer, type TreeStructure } from "./tree-structure.js";

/** float32 neighbours of a float32 value. */
function f32Next(v: number, up: boolean): number {
  const f = new Float32Array([v]);
  const bits = new Int32Array(f.buffer);
  if (v === 0) return up ? 1.401298464324817e-45 : -1.401298464324817e-45;
  bits[0] += (v > 0) === up ? 1 : -1;
  return f[0];
}

/** Thresholds where a float32 input and the float64 threshold are easy to compare wrongly. */
const f32s = [0.1, -0.1, 1e-40, -1e-40, 3.4028234663852886e38, -3.4028234663852886e38, 12345.678].map(Math.fround);
const thresholds = [
  ...f32s.map((v) => (v + f32Next(v, true)) / 2), // float64 midpoints between float32 neighbours
  ...f32s, // exactly a float32
  1e-50, -1e-50, 0, 4e38, -4e38, 0.30000000000000004,
];

/** A chain of splits on `feature`, one per threshold, alternating which side continues and where NaN goes. */
function chainTree(feature: number, seed: number): TreeStructure {
  const buffer = new TreeBuffer(2);
  let parent = -1;
  let parentLeft = true;
  thresholds.forEach((t, k) => {
    const id = buffer.addNode(parent, parentLeft, false, feature, t, 0, 1, 1, (k + seed) % 2 === 0);
    const leafSide = (k + seed) % 3 === 0;
    const leaf = buffer.addNode(id, leafSide, true, 0, 0, 0, 1, 1, false);
    buffer.value[2 * leaf] = k + 1;
    buffer.value[2 * leaf + 1] = 100 * (seed + 1);
    parent = id;
    parentLeft = !leafSide;
  });
  const last = buffer.addNode(parent, parentLeft, true, 0, 0, 0, 1, 1, false);
  buffer.value[2 * last] = -1;
  return buffer.finish(thresholds.length);
}

/** Every threshold, its float32 rounding and both float32 neighbours, plus infinities. */
function probeValues(): number[] {
  const out = [Infinity, -Infinity, 0, -0];
  for (const t of thresholds) {
    const r = Math.fround(t);
    out.push(r, f32Next(r, true), f32Next(r, false));
  }
  return out;
}

function treeWalk(trees: TreeStructure[], x: Float32Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * 2);
  for (const tree of trees) addTreeValues(tree, x, rows, cols, out);
  for (let k = 0; k < out.length; k++) out[k] /= trees.length;
  return out;
}

describe("flattenForest / predictFlat", () => {
  // 19 trees: rows left over from blocks of eight walk two groups of eight trees and three alone
  const trees = Array.from({ length: 19 }, (_, seed) => chainTree(seed % 2, seed));
  const flat = flattenForest(trees, 2);
  const values = probeValues();

  it.each([1, 7, 8, 9, 16, values.length])("takes the same branches as the float64 thresholds, %i rows", (rows) => {
    const x = new Float32Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      x[2 * i] = values[i % values.length];
      x[2 * i + 1] = values[(i * 7 + 3) % values.length];
    }
    expect(predictFlat(flat, x, rows, 2)).toEqual(treeWalk(trees, x, rows, 2));
  });

  it("sends NaN where each split stored it, also in rows mixed with NaN-free ones", () => {
    const rows = 24;
    const x = new Float32Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      x[2 * i] = i % 3 === 0 ? NaN : values[i];
      x[2 * i + 1] = i % 4 === 0 ? NaN : values[i + 5];
    }
    const expected = treeWalk(trees, x, rows, 2);
    expect(expected.some((v) => Number.isNaN(v))).toBe(false);
    expect(predictFlat(flat, x, rows, 2)).toEqual(expected);
  });
});
