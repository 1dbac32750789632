import { pairwiseMomentSum, pairwiseSquaredDifferenceSum } from "../core/pairwise-sum.js";
import { explainedFraction } from "./explained-fraction.js";
import type { WarningOptions } from "./metric-input.js";
import { cellErrors, checkRegressionTargets, columnMeans, scanTargets, squaredDeviations, weightedColumnSums, type Multioutput, type RegressionInput } from "./regression-targets.js";

/** Options of `r2Score` and `explainedVarianceScore`. */
export interface ExplainedScoreOptions extends WarningOptions {
  sampleWeight?: ArrayLike<number>;
  /** As for the other regression metrics, plus "variance_weighted" (weights by each output's variance). */
  multioutput?: Multioutput | "variance_weighted";
  /** Replace NaN/−Infinity from constant targets by 1 (perfect) or 0 (default true). */
  forceFinite?: boolean;
}

/**
 * The coefficient of determination R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ)² (scikit-learn's `r2_score`).
 * Fewer than two samples: NaN with a warning.
 */
export function r2Score(yTrue: RegressionInput, yPred: RegressionInput, options: ExplainedScoreOptions & { multioutput: "raw_values" }): Float64Array;
export function r2Score(yTrue: RegressionInput, yPred: RegressionInput, options?: ExplainedScoreOptions): number;
export function r2Score(yTrue: RegressionInput, yPred: RegressionInput, options: ExplainedScoreOptions = {}): number | Float64Array {
  const fn = "r2Score";
  const targets = checkRegressionTargets(fn, yTrue, yPred, options, true, true);
  const { yTrue: t, yPred: p, n, k, weights, multioutput } = targets;
  if (n < 2) {
    if (targets.unscanned) scanTargets(fn, targets);
    options.onWarning?.(`${fn}: R^2 score is not well-defined with less than two samples`);
    return NaN;
  }
  const means = columnMeans(fn, t, n, k, weights);
  // numpy's sum(weight * (y − ŷ)², axis=0) and sum(weight * (y − ȳ)², axis=0). One output without
  // weights adds the terms as it computes them (with a finite mean, no term is NaN for
  // pairwiseMomentSum to skip); otherwise over arrays of them.
  const fused = k === 1 && weights === undefined && Number.isFinite(means[0]);
  const numerator = fused ? Float64Array.of(pairwiseSquaredDifferenceSum(t, p)) : weightedColumnSums(cellErrors("squared", t, p), n, k, weights, true);
  // The numerator of one output is finite only where every target and prediction is.
  if (targets.unscanned && !Number.isFinite(numerator[0])) scanTargets(fn, targets);
  const denominator = fused ? Float64Array.of(pairwiseMomentSum(t, means[0], 2)) : weightedColumnSums(squaredDeviations(t, means, n, k), n, k, weights, true);
  return explainedFraction(fn, numerator, denominator, multioutput, options.forceFinite ?? true);
}
