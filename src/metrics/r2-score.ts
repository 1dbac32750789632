import { explainedFraction } from "./explained-fraction.js";
import type { WarningOptions } from "./metric-input.js";
import { checkRegressionTargets, columnMeans, type Multioutput, type RegressionInput } from "./regression-targets.js";

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
  const { yTrue: t, yPred: p, n, k, weights, multioutput } = checkRegressionTargets(fn, yTrue, yPred, options, true);
  if (n < 2) {
    options.onWarning?.(`${fn}: R^2 score is not well-defined with less than two samples`);
    return NaN;
  }
  const means = columnMeans(fn, t, n, k, weights);
  const numerator = new Float64Array(k);
  const denominator = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    for (let j = 0; j < k; j++) {
      numerator[j] += w * (t[i * k + j] - p[i * k + j]) ** 2;
      denominator[j] += w * (t[i * k + j] - means[j]) ** 2;
    }
  }
  return explainedFraction(fn, numerator, denominator, multioutput, options.forceFinite ?? true);
}
