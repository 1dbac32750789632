import { DataError, ValidationError } from "../core/errors.js";
import { RandomState } from "../core/random-state.js";

export interface EstimatePerformanceOptions {
  /** Predicted class is 1 when the probability is >= threshold (ignored with `predictions`). Default 0.5. */
  threshold?: number;
  /** The model's predicted classes (0/1), when its decision rule is not a plain threshold. */
  predictions?: ArrayLike<number>;
  /**
   * Seeded simulations of the labels (each ~ Bernoulli(p)) to get a 90% band for every metric
   * under the calibration assumption. Default 0 (no band).
   */
  simulations?: number;
  randomState?: number;
}

export interface ExpectedConfusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface PerformanceMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  specificity: number;
  f1: number;
  f2: number;
}

export interface PerformanceEstimate extends PerformanceMetrics {
  rows: number;
  /** Expected confusion-matrix counts. */
  confusion: ExpectedConfusion;
  /** 5% and 95% quantiles of each metric over the simulations (null without simulations). */
  band: Record<keyof PerformanceMetrics, [number, number]> | null;
}

const OPTIONS = ["threshold", "predictions", "simulations", "randomState"];

/** An array or typed array: anything else (null, strings, objects with a length) is refused. */
function checkArray(values: unknown, what: string): void {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    const got = values === null ? "null" : typeof values === "object" ? "an object that is not an array" : typeof values;
    throw new DataError(`estimatePerformance: ${what} must be an array or a typed array of numbers, got ${got}`);
  }
}

function metrics({ tp, fp, fn, tn }: ExpectedConfusion): PerformanceMetrics {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    accuracy: ratio(tp + tn, tp + fp + fn + tn),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    specificity: ratio(tn, tn + fp),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    f2: ratio(5 * tp, 5 * tp + 4 * fn + fp),
  };
}

/**
 * Confidence-based performance estimation (NannyML's CBPE) for a binary classifier on an
 * unlabeled window: if the probabilities are calibrated, row i is a true positive with
 * probability p_i when predicted 1 (a false positive with 1 - p_i), a false negative with p_i
 * when predicted 0 (a true negative with 1 - p_i). Summing gives the expected confusion matrix,
 * and precision, recall, F1 = 2TP / (2TP + FP + FN) and F2 follow from it as NannyML computes them.
 * Undefined ratios (no expected positives) are reported as 0, as scikit-learn's zero_division=0.
 */
export function estimatePerformance(probabilities: ArrayLike<number>, options: EstimatePerformanceOptions = {}): PerformanceEstimate {
  if (options === null || typeof options !== "object") throw new ValidationError("estimatePerformance: options must be an object", [{ path: "", message: "must be an object" }]);
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) throw new ValidationError(`estimatePerformance: unknown option "${key}"; valid ones are ${OPTIONS.join(", ")}`, [{ path: key, message: "unknown option" }]);
  }
  const { threshold = 0.5, predictions, simulations = 0, randomState = 0 } = options;
  checkArray(probabilities, "probabilities");
  if (predictions !== undefined) checkArray(predictions, "predictions");
  const n = probabilities.length;
  if (n === 0) throw new DataError("estimatePerformance: the window has no rows");
  if (!(threshold >= 0 && threshold <= 1)) throw new ValidationError(`estimatePerformance: threshold must be within [0, 1], got ${threshold}`, [{ path: "threshold", message: "out of range" }]);
  if (!Number.isInteger(simulations) || simulations < 0) throw new ValidationError(`estimatePerformance: simulations must be a non-negative integer, got ${simulations}`, [{ path: "simulations", message: "out of range" }]);
  if (predictions !== undefined && predictions.length !== n) throw new DataError(`estimatePerformance: ${predictions.length} predictions for ${n} probabilities`);
  const predicted = new Uint8Array(n);
  const confusion: ExpectedConfusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw new DataError(`estimatePerformance: probability ${JSON.stringify(p) ?? String(p)} at row ${i} is not a number within [0, 1]`, { row: i });
    const y = predictions === undefined ? (p >= threshold ? 1 : 0) : predictions[i];
    if (y !== 0 && y !== 1) throw new DataError(`estimatePerformance: prediction ${y} at row ${i} is not 0 or 1`, { row: i });
    predicted[i] = y;
    if (y === 1) {
      confusion.tp += p;
      confusion.fp += 1 - p;
    } else {
      confusion.fn += p;
      confusion.tn += 1 - p;
    }
  }
  return { rows: n, confusion, ...metrics(confusion), band: simulations > 0 ? simulate(probabilities, predicted, simulations, randomState) : null };
}

function simulate(probabilities: ArrayLike<number>, predicted: Uint8Array, simulations: number, seed: number): Record<keyof PerformanceMetrics, [number, number]> {
  const rs = new RandomState(seed);
  const names = ["accuracy", "precision", "recall", "specificity", "f1", "f2"] as const;
  const draws = names.map(() => new Float64Array(simulations));
  for (let s = 0; s < simulations; s++) {
    const c: ExpectedConfusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (let i = 0; i < predicted.length; i++) {
      const label = rs.nextDouble() < probabilities[i];
      if (predicted[i] === 1) {
        if (label) c.tp++;
        else c.fp++;
      } else if (label) c.fn++;
      else c.tn++;
    }
    const m = metrics(c);
    names.forEach((name, k) => (draws[k][s] = m[name]));
  }
  const band = {} as Record<keyof PerformanceMetrics, [number, number]>;
  names.forEach((name, k) => {
    const sorted = draws[k].sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
    band[name] = [at(0.05), at(0.95)];
  });
  return band;
}
