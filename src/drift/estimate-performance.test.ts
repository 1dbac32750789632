import { describe, expect, it } from "vitest";
import { isTabkitError } from "../core/errors.js";
import { RandomState } from "../core/random-state.js";
import { estimatePerformance } from "./estimate-performance.js";
import { thrown as message } from "../../test/helpers/thrown.js";

/** Realized metrics from labels, as scikit-learn computes them (zero_division = 0). */
function realized(labels: Uint8Array, predicted: Uint8Array) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    if (predicted[i] && labels[i]) tp++;
    else if (predicted[i]) fp++;
    else if (labels[i]) fn++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), f1: (2 * tp) / (2 * tp + fp + fn), f2: (5 * tp) / (5 * tp + 4 * fn + fp) };
}

describe("estimatePerformance (CBPE)", () => {
  it("computes the expected confusion matrix and metrics exactly", () => {
    const est = estimatePerformance([0.9, 0.6, 0.2, 0.4]);
    expect(est.confusion.tp).toBeCloseTo(1.5, 15);
    expect(est.confusion.fp).toBeCloseTo(0.5, 15);
    expect(est.confusion.fn).toBeCloseTo(0.6, 15);
    expect(est.confusion.tn).toBeCloseTo(1.4, 15);
    expect(est.f1).toBeCloseTo(3 / (3 + 1.1), 15);
    expect(est.precision).toBeCloseTo(0.75, 15);
  });

  it("matches the realized metrics on a calibrated synthetic score, inside its simulated band", () => {
    const rs = new RandomState(42);
    const n = 20_000;
    const proba = new Float64Array(n);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const u = rs.nextDouble();
      proba[i] = u * u; // skewed towards negatives, like churn
      labels[i] = rs.nextDouble() < proba[i] ? 1 : 0;
    }
    const threshold = 0.3;
    const predicted = Uint8Array.from(proba, (p) => (p >= threshold ? 1 : 0));
    const truth = realized(labels, predicted);
    const est = estimatePerformance(proba, { threshold, simulations: 200, randomState: 1 });
    for (const name of ["precision", "recall", "f1", "f2"] as const) {
      expect(Math.abs(est[name] - truth[name]), name).toBeLessThan(0.015);
      const [lo, hi] = est.band![name];
      expect(lo).toBeLessThanOrEqual(est[name]);
      expect(hi).toBeGreaterThanOrEqual(est[name]);
      expect(truth[name]).toBeGreaterThan(lo - 0.01);
      expect(truth[name]).toBeLessThan(hi + 0.01);
    }
    // A miscalibrated (overconfident) score misleads the estimate: the assumption matters.
    const over = estimatePerformance(proba.map((p) => Math.min(1, p * 1.6)), { predictions: predicted });
    expect(over.precision - truth.precision).toBeGreaterThan(0.1);
  });

  it("rejects bad input", () => {
    const code = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return isTabkitError(error) ? error.code : "other";
      }
      return undefined;
    };
    expect(code(() => estimatePerformance([]))).toBe("DATA_ERROR");
    expect(code(() => estimatePerformance([0.2, NaN]))).toBe("DATA_ERROR");
    expect(code(() => estimatePerformance([0.2, 0.4], { predictions: [1] }))).toBe("DATA_ERROR");
    expect(code(() => estimatePerformance([0.2], { threshold: 2 }))).toBe("VALIDATION_ERROR");
  });

  it("refuses inputs that are not arrays of numbers, and unknown options, naming the problem", () => {
    expect(message(() => estimatePerformance(["0.9", "0.1"] as never))).toBe('DATA_ERROR: estimatePerformance: probability "0.9" at row 0 is not a number within [0, 1]');
    expect(message(() => estimatePerformance(null as never))).toBe("DATA_ERROR: estimatePerformance: probabilities must be an array or a typed array of numbers, got null");
    expect(message(() => estimatePerformance({ length: 1e10 } as never))).toBe("DATA_ERROR: estimatePerformance: probabilities must be an array or a typed array of numbers, got an object that is not an array");
    expect(message(() => estimatePerformance([0.2], { predictions: "1" as never }))).toMatch(/^DATA_ERROR: estimatePerformance: predictions must be an array/);
    expect(message(() => estimatePerformance([0.2], { treshold: 0.3 } as never))).toBe('VALIDATION_ERROR: estimatePerformance: unknown option "treshold"; valid ones are threshold, predictions, simulations, randomState');
    expect(estimatePerformance(Float64Array.of(0.9, 0.1)).confusion).toEqual({ tp: 0.9, fp: 0.09999999999999998, fn: 0.1, tn: 0.9 });
  });
});
