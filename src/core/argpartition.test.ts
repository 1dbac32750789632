import { describe, expect, it } from "vitest";
import { argIntroselect } from "./argpartition.js";

const N = 3000;
/** Arrays long enough for the block-wise partition, with np.argpartition's results (NPY_DISABLE_CPU_FEATURES="AVX512_SPR AVX512_ICL AVX512_SKX X86_V4 X86_V3"). */
const CASES = [
  { name: "50 distinct values", key: (i: number) => ((i * 7919) % 1009) % 50, kth: 9, first: [2205, 2202, 2294, 920, 368, 95, 2113, 279, 831, 1009], weighted: 8037394612 },
  { name: "50 distinct values", key: (i: number) => ((i * 7919) % 1009) % 50, kth: 1500, first: [368, 0, 2, 3, 2998, 2997, 2994, 2969, 2968, 2966], weighted: 6653004739 },
  { name: "ties and NaN", key: (i: number) => (i % 97 === 0 ? NaN : ((i * 7919) % 1009) % 50), kth: 9, first: [1748, 1745, 739, 1840, 1837, 1929, 2570, 187, 2018, 184], weighted: 7049745050 },
  { name: "ties and NaN", key: (i: number) => (i % 97 === 0 ? NaN : ((i * 7919) % 1009) % 50), kth: 1500, first: [487, 2445, 2, 3, 2849, 2846, 2845, 2844, 2446, 2842], weighted: 6654810641 },
  { name: "all distinct", key: (i: number) => ((i * 7919) % 3001) / 7, kth: 9, first: [263, 0, 2176, 1088, 1351, 526, 2439, 1614, 2702, 789], weighted: 6735593230 },
  { name: "all distinct", key: (i: number) => ((i * 7919) % 3001) / 7, kth: 1500, first: [213, 1625, 1614, 1636, 1600, 1589, 1661, 1578, 1672, 1564], weighted: 6706821163 },
];

/** The positions np.argpartition returns for `values`, here through the port. */
function argpartition(values: Float64Array, kth: number): Int32Array {
  const index = Int32Array.from(values.keys());
  argIntroselect(values, index, values.length, kth);
  return index;
}

/** Σ i · index[i]: one number that changes when any two entries of the permutation swap. */
const weightedSum = (index: Int32Array) => index.reduce((sum, entry, i) => sum + i * entry, 0);

describe("numpy introselect port", () => {
  it("picks among ties like np.argpartition's scalar path", () => {
    // np.argpartition([2, 1, 1, 1, 0, 1, 1], 2) with the scalar introselect
    expect(Array.from(argpartition(Float64Array.from([2, 1, 1, 1, 0, 1, 1]), 2))).toEqual([4, 1, 2, 3, 0, 5, 6]);
  });

  it.each(CASES)("permutes a long array ($name, kth $kth) exactly as numpy does", ({ key, kth, first, weighted }) => {
    const index = argpartition(Float64Array.from({ length: N }, (_, i) => key(i)), kth);
    expect(Array.from(index.subarray(0, 10))).toEqual(first);
    expect(weightedSum(index)).toBe(weighted);
  });

  it("with approximate keys, asks for the exact ones only on close calls and selects as the exact keys do", () => {
    const exact = Float64Array.from({ length: N }, (_, i) => ((i * 7919) % 1009) % 50);
    // Every approximation is within 0.01 of its key; keys differ by 0 or at least 1.
    const values = exact.map((v, i) => v + ((i % 7) - 3) / 400);
    const asked = new Set<number>();
    const index = Int32Array.from(values.keys());
    argIntroselect(values, index, N, 9, {
      margin: 0.02,
      exact(entry) {
        asked.add(entry);
        values[entry] = exact[entry];
        return exact[entry];
      },
    });
    expect(Array.from(index)).toEqual(Array.from(argpartition(exact, 9)));
    expect(asked.size).toBeGreaterThan(0);
    expect(asked.size).toBeLessThan(N / 2);
  });
});
