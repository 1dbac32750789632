import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { euclideanNorm, minimizeLbfgs } from "./lbfgs.js";

interface LbfgsCase {
  x0: number[];
  options: { maxiter?: number; maxls?: number; gtol?: number; ftol?: number; maxcor?: number };
  x: number[];
  fun: number;
  nit: number;
  nfev: number;
  status: number;
}

/** scipy.optimize.rosen and rosen_der. */
function rosen(x: Float64Array, grad: Float64Array): number {
  const n = x.length;
  let f = 0;
  grad.fill(0);
  for (let i = 0; i < n - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    grad[i] += -400 * x[i] * a - 2 * b;
    grad[i + 1] += 200 * a;
  }
  return f;
}

const { cases, norms } = readFixture<{ cases: Record<string, LbfgsCase>; norms: { values: number[]; norm: number }[] }>("models/lbfgs.json");

describe("minimizeLbfgs against scipy L-BFGS-B", () => {
  it.each(Object.entries(cases))("%s follows scipy's path", (_name, c) => {
    const result = minimizeLbfgs(rosen, c.x0, {
      maxIter: c.options.maxiter,
      maxLineSearch: c.options.maxls,
      gtol: c.options.gtol,
      ftol: c.options.ftol,
      memory: c.options.maxcor,
    });
    expect(result.nIter).toBe(c.nit);
    expect(result.nFev).toBe(c.nfev);
    expect(result.status).toBe(c.status);
    // Same path; rounding (two-loop vs compact form, libm) drifts a little over ~100 Rosenbrock steps.
    expectClose(result.x, c.x, 1e-6, "x");
  });

  it("stops at once when the start is already stationary", () => {
    const result = minimizeLbfgs((x, g) => {
      g[0] = 2 * x[0];
      return x[0] * x[0];
    }, [0]);
    expect(result).toMatchObject({ nIter: 0, nFev: 1, status: 0 });
  });

  it("does not modify x0", () => {
    const x0 = [-1.2, 1];
    minimizeLbfgs(rosen, x0, { maxIter: 3 });
    expect(x0).toEqual([-1.2, 1]);
  });
});

describe("euclideanNorm", () => {
  it("equals BLAS dnrm2 (correctly rounded), without overflow or underflow", () => {
    for (const { values, norm } of norms) expect(euclideanNorm(Float64Array.from(values))).toBe(norm);
  });

  it("propagates NaN and Infinity", () => {
    expect(euclideanNorm(Float64Array.of(1, NaN))).toBeNaN();
    expect(euclideanNorm(Float64Array.of(1, -Infinity))).toBe(Infinity);
    expect(euclideanNorm(Float64Array.of(0, 0))).toBe(0);
  });
});
