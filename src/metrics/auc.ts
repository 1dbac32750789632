import { pairwiseSum } from "../core/pairwise-sum.js";
import { checkFinite, metricError } from "./metric-input.js";

/**
 * The area under a curve by the trapezoidal rule (scikit-learn's `auc`); x must be monotonic
 * (increasing or decreasing).
 */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const fn = "auc";
  const xs = checkFinite(fn, "x", x);
  const ys = checkFinite(fn, "y", y);
  if (xs.length !== ys.length) throw metricError(fn, `y has ${ys.length} values but x has ${xs.length}`);
  if (xs.length < 2) throw metricError(fn, `at least 2 points are needed to compute the area under a curve; got ${xs.length}`);
  return trapezoidArea(fn, xs, ys);
}

/**
 * The trapezoid sum Σ dx·(y[i+1] + y[i])/2, signed by the direction of x: numpy's `trapezoid`,
 * whose sum of the terms is pairwise, so the area is bit-identical to scikit-learn's.
 */
export function trapezoidArea(fn: string, x: ArrayLike<number>, y: ArrayLike<number>): number {
  let increasing = true;
  let decreasing = true;
  const terms = new Float64Array(Math.max(0, x.length - 1));
  for (let i = 0; i + 1 < x.length; i++) {
    const dx = x[i + 1] - x[i];
    if (dx < 0) increasing = false;
    if (dx > 0) decreasing = false;
    terms[i] = (dx * (y[i + 1] + y[i])) / 2;
  }
  if (!increasing && !decreasing) throw metricError(fn, "x is neither increasing nor decreasing");
  const area = pairwiseSum(terms);
  return increasing ? area : -area;
}
