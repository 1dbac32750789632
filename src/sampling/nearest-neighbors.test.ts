import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { kNeighborsWithin, type PairScanEngine } from "./nearest-neighbors.js";
import { PairKernels, pairKernelsAvailable } from "./pair-kernels.js";
import { rowProducts } from "./principal-axes.js";

/** The definition: every row ranked by (squared distance summed in column order, row index). */
function bruteForce(data: Float64Array, rows: number, cols: number, k: number): Int32Array {
  const out = new Int32Array(rows * k);
  const dist = new Float64Array(rows);
  for (let q = 0; q < rows; q++) {
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let f = 0; f < cols; f++) {
        const d = data[q * cols + f] - data[r * cols + f];
        sum += d * d;
      }
      dist[r] = sum;
    }
    const ranked = Array.from({ length: rows }, (_, r) => r).sort((a, b) => dist[a] - dist[b] || a - b);
    out.set(ranked.slice(0, k), q * k);
  }
  return out;
}

/**
 * Points on a coarse integer grid (many exact distance ties and duplicate rows), scaled and
 * shifted so that the projections round (down to squares that underflow and up to squares that
 * overflow to Infinity), some columns constant, up to 40 columns (more than the projected axes)
 * and enough rows for several tree levels.
 */
const pointSets = fc
  .record({
    rows: fc.integer({ min: 2, max: 300 }),
    cols: fc.integer({ min: 1, max: 40 }),
    levels: fc.integer({ min: 1, max: 4 }),
    scale: fc.constantFrom(1, 0.1, 1e-3, 1e6, 1e-160, 1e160),
    shift: fc.constantFrom(0, 1e6, -3.7e9),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    constantCols: fc.integer({ min: 0, max: 3 }),
  })
  .chain((p) => fc.record({ p: fc.constant(p), k: fc.integer({ min: 1, max: Math.min(p.rows, 12) }) }));

function makePoints(p: { rows: number; cols: number; levels: number; scale: number; shift: number; seed: number; constantCols: number }): Float64Array {
  const data = new Float64Array(p.rows * p.cols);
  let s = p.seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 16;
  };
  for (let i = 0; i < data.length; i++) {
    const f = i % p.cols;
    const v = f < p.constantCols ? 2 : next() % (p.levels + 1);
    data[i] = v * p.scale + p.shift;
  }
  return data;
}

it("runs the WebAssembly pair scan in Node", () => {
  expect(pairKernelsAvailable()).toBe(true);
});

describe("the kernels' memory", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is never grown: growing detaches a buffer, after which V8 checks every typed array access", () => {
    const grow = vi.spyOn(WebAssembly.Memory.prototype, "grow");
    for (const rows of [50, 1500, 400]) {
      const data = makePoints({ rows, cols: 12, levels: 50, scale: 0.1, shift: 0, seed: rows, constantCols: 0 });
      expect(Array.from(kNeighborsWithin(data, rows, 12, 5))).toEqual(Array.from(bruteForce(data, rows, 12, 5)));
    }
    expect(grow).not.toHaveBeenCalled();
  });

  it("falls back to the plain scan, with the same neighbours, where the runtime refuses it", async () => {
    // A fresh copy of the modules, so that no instance is left from other tests with room to spare.
    vi.resetModules();
    const fresh = await import("./nearest-neighbors.js");
    const RealMemory = WebAssembly.Memory;
    const refused = vi.spyOn(WebAssembly, "Memory").mockImplementation(function (descriptor: WebAssembly.MemoryDescriptor) {
      if (descriptor.initial > 1) throw new RangeError("WebAssembly.Memory(): could not allocate memory");
      return new RealMemory(descriptor);
    });
    const rows = 300;
    const cols = 40;
    const data = makePoints({ rows, cols, levels: 9, scale: 0.5, shift: 3, seed: 11, constantCols: 1 });
    expect(Array.from(fresh.kNeighborsWithin(data, rows, cols, 7))).toEqual(Array.from(bruteForce(data, rows, cols, 7)));
    expect(refused).toHaveBeenCalled();
  });

  it("holds the principal axes' products of the search; longer ones are taken in plain JavaScript, with the same values", () => {
    const rows = 200;
    const cols = 6;
    const data = makePoints({ rows, cols, levels: 30, scale: 0.7, shift: -1, seed: 5, constantCols: 0 });
    const kernels = PairKernels.create(data, rows, cols, 3, 64)!;
    for (const length of [cols, rows, 3 * rows]) {
      const a = data.subarray(0, Math.floor(data.length / length) * length);
      const aRows = a.length / length;
      expect(Array.from(kernels.multiply(a, aRows, a, aRows, length))).toEqual(Array.from(rowProducts(a, aRows, a, aRows, length)));
    }
  });
});

describe.each<PairScanEngine>(["auto", "scalar"])("kNeighborsWithin, %s pair scan", (engine) => {
  it("equals a brute-force scan ordered by (distance, row index), ties included", () => {
    fc.assert(
      fc.property(pointSets, ({ p, k }) => {
        const data = makePoints(p);
        expect(Array.from(kNeighborsWithin(data, p.rows, p.cols, k, engine))).toEqual(Array.from(bruteForce(data, p.rows, p.cols, k)));
      }),
      { numRuns: 150 },
    );
  });

  it("equals a brute-force scan when squared distances from the mean approach the largest double", () => {
    // |zq|² + |zr|² can then overflow while the distances stay finite.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0.3, max: 0.97, noNaN: true }), (seed, rows, cols, share) => {
        const data = new Float64Array(rows * cols);
        let s = seed;
        for (let i = 0; i < data.length; i++) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          data[i] = s / 2 ** 32 - 0.5;
        }
        const mean = new Float64Array(cols);
        for (let i = 0; i < data.length; i++) mean[i % cols] += data[i] / rows;
        let radius2 = 0;
        for (let r = 0; r < rows; r++) {
          let sum = 0;
          for (let f = 0; f < cols; f++) sum += (data[r * cols + f] - mean[f]) ** 2;
          radius2 = Math.max(radius2, sum);
        }
        const scale = Math.sqrt(share * Number.MAX_VALUE) / Math.sqrt(radius2);
        for (let i = 0; i < data.length; i++) data[i] *= scale;
        expect(Array.from(kNeighborsWithin(data, rows, cols, 4, engine))).toEqual(Array.from(bruteForce(data, rows, cols, 4)));
      }),
      { numRuns: 40 },
    );
  });

  it("equals a brute-force scan on continuous data with duplicated rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 30 }), (seed, cols) => {
        const rows = 257;
        const data = new Float64Array(rows * cols);
        let s = seed;
        for (let i = 0; i < data.length; i++) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          data[i] = (s / 2 ** 32 - 0.5) * (1 + (i % cols));
        }
        for (let r = 0; r < 40; r++) data.copyWithin(((r * 7) % rows) * cols, ((r * 13 + 5) % rows) * cols, ((r * 13 + 5) % rows) * cols + cols);
        expect(Array.from(kNeighborsWithin(data, rows, cols, 11, engine))).toEqual(Array.from(bruteForce(data, rows, cols, 11)));
      }),
      { numRuns: 30 },
    );
  });

  it("equals a brute-force scan over many leaves, clustered and tied", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1500, max: 1700 }), fc.integer({ min: 2, max: 12 }), (seed, rows, cols) => {
        const data = new Float64Array(rows * cols);
        let s = seed;
        const next = () => {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          return s / 2 ** 32;
        };
        // Clusters of coarse grid points: many leaves, pruned subtrees and exact ties.
        for (let r = 0; r < rows; r++) {
          const centre = Math.floor(next() * 6) * 10;
          for (let f = 0; f < cols; f++) data[r * cols + f] = centre + Math.round(next() * 4) * (f + 1);
        }
        expect(Array.from(kNeighborsWithin(data, rows, cols, 6, engine))).toEqual(Array.from(bruteForce(data, rows, cols, 6)));
      }),
      { numRuns: 4 },
    );
  });
});
