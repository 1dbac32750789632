import { combineOutputs, type RegressionTargets } from "./regression-targets.js";

/**
 * scikit-learn's `_assemble_fraction_of_explained_deviance`: 1 − numerator/denominator per
 * output. With `forceFinite` a zero numerator scores 1 and a zero denominator (constant target)
 * with a non-zero numerator scores 0, instead of NaN and −Infinity.
 */
export function explainedFraction(
  fn: string,
  numerator: Float64Array,
  denominator: Float64Array,
  multioutput: RegressionTargets["multioutput"],
  forceFinite: boolean,
): number | Float64Array {
  const scores = new Float64Array(numerator.length);
  for (let j = 0; j < scores.length; j++) {
    if (!forceFinite) scores[j] = 1 - numerator[j] / denominator[j];
    else if (numerator[j] === 0) scores[j] = 1;
    else scores[j] = denominator[j] === 0 ? 0 : 1 - numerator[j] / denominator[j];
  }
  return combineOutputs(fn, scores, multioutput, denominator);
}
