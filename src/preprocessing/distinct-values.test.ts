import { describe, expect, it } from "vitest";
import { DistinctScratch, distinctValues, distinctValuesLookUpRunsInWebAssembly, mapDistinct, nearlyAllDistinct } from "./distinct-values.js";
import { yeoJohnsonTransform, yeoJohnsonTransformColumn } from "./yeo-johnson-transform.js";

describe("distinctValues", () => {
  it("lists the distinct values in order of first appearance, with each entry's position", () => {
    const d = distinctValues(Float64Array.from([3, 1, 3, 3, 1, 2, 3, 3, 1, 1, 2, 3]), 0.5);
    expect(Array.from(d!.values)).toEqual([3, 1, 2]);
    expect(Array.from(d!.index)).toEqual([0, 1, 0, 0, 1, 2, 0, 0, 1, 1, 2, 0]);
  });
  it.each([true, false])("keeps 0 apart from −0 and takes every NaN as one value (WebAssembly: %s)", (useWebAssembly) => {
    const d = distinctValues(Float64Array.from([0, -0, NaN, -0, NaN, 0, 0, 0]), 0.5, null, useWebAssembly);
    expect(d!.values.length).toBe(3);
    expect(Object.is(d!.values[1], -0)).toBe(true);
    expect(Array.from(d!.index)).toEqual([0, 1, 2, 1, 2, 0, 0, 0]);
  });
  it("runs its lookup in WebAssembly here", () => {
    // Node and current browsers run the module; a runtime without it takes the JavaScript lookup.
    expect(distinctValuesLookUpRunsInWebAssembly()).toBe(true);
  });
  it("gives the same values and positions through a scratch reused column after column", () => {
    const columns = [
      Float64Array.from({ length: 40 }, (_, i) => [2.5, -1, 7][i % 3]),
      Float64Array.from({ length: 40 }, (_, i) => [7, 0, -0, NaN, 2.5][i % 5]),
      Float64Array.from({ length: 40 }, (_, i) => i % 4),
    ];
    const scratch = new DistinctScratch(40);
    for (const column of columns) {
      const fresh = distinctValues(column)!;
      const reused = distinctValues(column, 0.25, scratch)!;
      expect(reused.index).toBe(scratch.index);
      expect(Array.from(reused.values)).toEqual(Array.from(fresh.values));
      expect(Array.from(reused.index)).toEqual(Array.from(fresh.index));
    }
  });
  it("finds the values and positions a Map keyed by bit pattern finds, for a few to thousands of distinct values, through a reused scratch, NaN and signed zeros among them", () => {
    // Bit patterns as keys: a Map keys 0 and −0 (and every NaN) together.
    const bitsOf = (v: number) => new BigInt64Array(Float64Array.of(v).buffer)[0];
    const n = 30000;
    const scratch = new DistinctScratch(n);
    for (const distinct of [3, 600, 1025, 5000, 7499]) {
      // Distinct values in a scrambled order, each repeated, with a NaN and −0 arriving mid-way.
      const column = Float64Array.from({ length: n }, (_, i) => {
        const k = Math.imul(i, 2654435761) >>> 0;
        if (i === 2000) return NaN;
        if (i === 2500) return -0;
        return (k % distinct) * 0.37 - 100;
      });
      const positions = new Map<bigint | "nan", number>();
      const wantIndex = Array.from(column, (v) => {
        const key = v === v ? bitsOf(v) : "nan";
        if (!positions.has(key)) positions.set(key, positions.size);
        return positions.get(key)!;
      });
      // WebAssembly's lookup where it runs (here), and the JavaScript one.
      for (const d of [distinctValues(column), distinctValues(column, 0.25, scratch), distinctValues(column, 0.25, scratch, false), distinctValues(column, 0.25, null, false)]) {
        expect(d, `${distinct} values`).not.toBeNull();
        expect(d!.values.length).toBe(positions.size);
        expect(Array.from(d!.index)).toEqual(wantIndex);
        expect(Array.from(d!.values, (v) => (v === v ? bitsOf(v) : "nan"))).toEqual([...positions.keys()]);
      }
    }
  });
  it.each([true, false])("gives up when too many values are distinct (WebAssembly: %s)", (useWebAssembly) => {
    expect(distinctValues(Float64Array.from({ length: 100 }, (_, i) => i % 30), 0.25, null, useWebAssembly)).toBeNull();
    expect(distinctValues(Float64Array.from({ length: 100 }, (_, i) => i % 20), 0.25, null, useWebAssembly)).not.toBeNull();
  });
  it("gives up on a long column at once when a sample shows it nearly all distinct, and only then", () => {
    const n = 60000;
    expect(distinctValues(Float64Array.from({ length: n }, (_, i) => Math.sqrt(i)))).toBeNull();
    // Each value four times (the most repeated share the lookup takes), in runs or spread out.
    expect(distinctValues(Float64Array.from({ length: n }, (_, i) => Math.floor(i / 4)))!.values.length).toBe(n / 4);
    expect(distinctValues(Float64Array.from({ length: n }, (_, i) => i % (n / 4)))!.values.length).toBe(n / 4);
    const sample = (values: Float64Array) => nearlyAllDistinct(new Int32Array(values.buffer), values.length);
    expect(sample(Float64Array.from({ length: n }, (_, i) => Math.sqrt(i)))).toBe(true);
    expect(sample(Float64Array.from({ length: n }, (_, i) => Math.floor(i / 4)))).toBe(false);
    expect(sample(Float64Array.from({ length: n }, (_, i) => i % (n / 4)))).toBe(false);
    expect(sample(Float64Array.from({ length: n }, (_, i) => Math.floor(i / 2)))).toBe(false);
    // Sorted, with a tie every hundred values: the neighbours sampled together are no sign of repeats.
    expect(sample(Float64Array.from({ length: n }, (_, i) => Math.floor(i * 0.99)))).toBe(true);
    expect(distinctValues(Float64Array.from({ length: n }, (_, i) => Math.floor(i * 0.99)))).toBeNull();
  });
});

describe("mapDistinct", () => {
  it("evaluates repeated values once each and equals the value-by-value transform, signs of zero included", () => {
    const values = Float64Array.from({ length: 400 }, (_, i) => [0, -0, 1.5, -2.25, 37, NaN, 0.001][i % 7]);
    for (const lambda of [0, 0.5, 2, -1.3]) {
      const out = new Float64Array(values.length);
      let evaluated = 0;
      mapDistinct(values, out, (points, results) => {
        evaluated += points.length;
        yeoJohnsonTransformColumn(points, lambda, results);
      });
      expect(evaluated).toBe(7);
      values.forEach((x, i) => expect(Object.is(out[i], yeoJohnsonTransform(x, lambda))).toBe(true));
    }
  });
  it("passes the column itself when too many values are distinct", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i / 3);
    const out = new Float64Array(values.length);
    mapDistinct(values, out, (points, results) => {
      expect(points).toBe(values);
      expect(results).toBe(out);
      results.set(points);
    });
    expect(out).toEqual(values);
  });
});
