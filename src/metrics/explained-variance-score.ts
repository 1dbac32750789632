import { explainedFraction } from "./explained-fraction.js";
import type { ExplainedScoreOptions } from "./r2-score.js";
import { checkRegressionTargets, columnMeans, squaredDeviations, type RegressionInput } from "./regression-targets.js";

/**
 * Explained variance 1 − Var(y − ŷ) / Var(y), weighted variances (scikit-learn's
 * `explained_variance_score`); unlike R² it ignores a constant bias in the predictions.
 */
export function explainedVarianceScore(yTrue: RegressionInput, yPred: RegressionInput, options: ExplainedScoreOptions & { multioutput: "raw_values" }): Float64Array;
export function explainedVarianceScore(yTrue: RegressionInput, yPred: RegressionInput, options?: ExplainedScoreOptions): number;
export function explainedVarianceScore(yTrue: RegressionInput, yPred: RegressionInput, options: ExplainedScoreOptions = {}): number | Float64Array {
  const fn = "explainedVarianceScore";
  const { yTrue: t, yPred: p, n, k, weights, multioutput } = checkRegressionTargets(fn, yTrue, yPred, options, true);
  const diff = new Float64Array(n * k);
  for (let i = 0; i < diff.length; i++) diff[i] = t[i] - p[i];
  const diffMeans = columnMeans(fn, diff, n, k, weights);
  const trueMeans = columnMeans(fn, t, n, k, weights);
  // (y − ŷ − mean(y − ŷ))² and (y − ȳ)², averaged in numpy's order.
  const numerator = columnMeans(fn, squaredDeviations(diff, diffMeans, n, k), n, k, weights, true);
  const denominator = columnMeans(fn, squaredDeviations(t, trueMeans, n, k), n, k, weights, true);
  return explainedFraction(fn, numerator, denominator, multioutput, options.forceFinite ?? true);
}
