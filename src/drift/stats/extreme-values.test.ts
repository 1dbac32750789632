import { describe, expect, it } from "vitest";
import { Frame } from "../../core/frame.js";
import { RandomState } from "../../core/random-state.js";
import { DataDriftDetector } from "../data-drift-detector.js";
import type { DriftMethod } from "../methods.js";
import { histogramCounts, sturgesBinEdges } from "./binning.js";
import { toSortedSample } from "./sorted-sample.js";
import { wassersteinNormed } from "./wasserstein.js";
import { thrown as code } from "../../../test/helpers/thrown.js";

const rs = new RandomState(5);
const ref = Array.from(rs.randomSample(2000), (u) => 2 * u - 1);
const cur = Array.from(rs.randomSample(1500), (u) => 1.6 * u - 0.6);

const evaluate = (method: DriftMethod, scale: number) => {
  const detector = new DataDriftDetector({ method }).fit(Frame.fromColumns({ x: ref.map((v) => v * scale) }));
  return detector.evaluate(Frame.fromColumns({ x: cur.map((v) => v * scale) })).columns[0];
};


describe("drift statistics at the ends of the double range", () => {
  it("normed Wasserstein does not overflow near 1e300", () => {
    expect(wassersteinNormed([1e300, 3e300, 2e300], [2e300, 4e300])).toBeCloseTo(wassersteinNormed([1, 3, 2], [2, 4]), 12);
  });

  it("gives every method the score it gives the same data at scale 1, near ±1.7e308 and near 1e-310", () => {
    for (const method of ["wasserstein", "psi", "hellinger", "jensenshannon", "kl_div", "ks", "anderson"] as const) {
      const plain = evaluate(method, 1);
      // Wasserstein divides by max(std, 0.001), so it is scale-free only for large values.
      for (const scale of method === "wasserstein" ? [1.7e308, 1e300] : [1.7e308, 1e300, 1e-300]) {
        const column = evaluate(method, scale);
        expect(column.score, `${method} at ${scale}`).toBeCloseTo(plain.score!, 9);
        expect(column.drift, `${method} at ${scale}`).toBe(plain.drift);
        expect(column.histogram!.edges.every(Number.isFinite), `${method} at ${scale}`).toBe(true);
      }
    }
    // Subnormal values keep only a few significant digits, so only the verdict and a loose score compare.
    for (const method of ["hellinger", "psi", "jensenshannon"] as const) {
      const column = evaluate(method, 1e-310);
      expect(column.score, method).toBeCloseTo(evaluate(method, 1).score!, 2);
      expect(column.drift, method).toBe(true);
    }
  });

  it("builds finite bins over a range wider than the largest double, and refuses bad bin arguments", () => {
    const edges = sturgesBinEdges(-1.7e308, 1.7e308, 100);
    expect(edges).toHaveLength(9);
    expect(Array.from(edges).every((e, i) => Number.isFinite(e) && (i === 0 || e > edges[i - 1]))).toBe(true);
    expect(Array.from(histogramCounts(toSortedSample([-1.7e308, 0, 1.7e308]), edges)).reduce((a, b) => a + b)).toBe(3);
    expect(code(() => sturgesBinEdges(5, 1, 10))).toMatch(/^DATA_ERROR: sturgesBinEdges: min and max must be finite with min <= max/);
    expect(code(() => sturgesBinEdges(0, 1, 0))).toMatch(/^DATA_ERROR: sturgesBinEdges: size must be a positive integer/);
    expect(code(() => histogramCounts(toSortedSample([1]), new Float64Array([])))).toMatch(/^DATA_ERROR: histogramCounts: edges must hold at least 2 values/);
    expect(code(() => histogramCounts(toSortedSample([1]), new Float64Array([2, 1])))).toMatch(/^DATA_ERROR: histogramCounts: edges must be finite and non-decreasing/);
  });
});
