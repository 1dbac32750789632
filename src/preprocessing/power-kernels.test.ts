import { afterEach, describe, expect, it, vi } from "vitest";
import { yeoJohnson, yeoJohnsonLambda } from "./power-functions.js";
import { log1pRounded } from "./correctly-rounded.js";
import { relaxedSimdRuns } from "../../test/helpers/processor.js";
import { withoutKernelMemory } from "../../test/helpers/without-kernel-memory.js";
import { signedSweep } from "../../test/helpers/signed-sweep.js";
import { powerKernelsAvailable, powerKernelsVariant, PowerKernels, type PowerKernelVariant } from "./power-kernels.js";

/**
 * The modules that run in this process: `plain` wherever WebAssembly SIMD does, `fma` where
 * relaxed SIMD does (Node 22 and later; Node 20 with --experimental-wasm-relaxed-simd, which the
 * `relaxed-simd` test project passes).
 */
const VARIANTS = (["plain", "fma"] as const).filter((variant: PowerKernelVariant) => powerKernelsAvailable(variant));

/** The kernel's input: log1p(|x|) correctly rounded, negated where x < 0. */
function signedLogs(values: Float64Array): Float64Array {
  return values.map((x) => (x >= 0 ? log1pRounded(x) : -log1pRounded(-x)));
}

describe("the lambda search's Yeo-Johnson kernel in WebAssembly", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("runs in Node, with relaxed SIMD's multiply-adds where the runtime has relaxed SIMD, and decides all but a few values itself", () => {
    expect(VARIANTS).toContain("plain");
    expect(powerKernelsAvailable("fma")).toBe(relaxedSimdRuns());
    expect(powerKernelsVariant()).toBe(relaxedSimdRuns() ? "fma" : "plain");
    const logs = signedLogs(Float64Array.from({ length: 1000 }, (_, i) => 0.5 + i / 200));
    for (const variant of VARIANTS) {
      const kernel = PowerKernels.create(1000, variant)!;
      kernel.input.set(logs);
      expect(kernel.yeoJohnson(1000, 0.7).length, variant).toBeLessThan(10);
      kernel.release();
    }
  });

  it.each(VARIANTS)("decides only the correctly rounded transforms in its %s module (seeded sweep, both signs)", (variant) => {
    const n = 200001;
    const values = signedSweep(n);
    const logs = signedLogs(values);
    const kernel = PowerKernels.create(n, variant)!;
    // With lambda 30 or −20 most transforms are outside the exponential's fast path.
    for (const [l, listed] of [[1.3, 0.01], [0.7, 0.01], [-0.4, 0.01], [2.6, 0.01], [1.0000001, 0.01], [30, 1], [-20, 1]]) {
      kernel.input.set(logs);
      const undecided = new Set(kernel.yeoJohnson(n, l));
      expect(undecided.size, `lambda ${l}`).toBeLessThan(n * listed);
      const found = [];
      for (let i = 0; i < n && found.length < 5; i++) {
        const want = yeoJohnson(values[i], l);
        if (!undecided.has(i) && !Object.is(kernel.out[i], want)) found.push({ x: values[i], got: kernel.out[i], want });
      }
      expect(found, `lambda ${l}`).toEqual([]);
    }
    kernel.release();
  });

  it("fits the lambdas plain JavaScript fits, bit for bit", async () => {
    const columns = [1, 2, 3].map((j) =>
      Float64Array.from({ length: 20001 }, (_, i) => {
        const u = (Math.imul(i * 3 + j, 2654435761) >>> 0) / 2 ** 32;
        return 1e4 * u ** (j + 1) - 50 * j;
      }),
    );
    const withKernel = columns.map((column) => yeoJohnsonLambda(column));
    const { fresh, refused } = await withoutKernelMemory(() => import("./power-functions.js"));
    expect(withKernel).toEqual(columns.map((column) => fresh.yeoJohnsonLambda(column)));
    expect(refused).toHaveBeenCalled();
  });
});
