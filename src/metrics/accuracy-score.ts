import { checkLabelPair, checkWeights, type LabelArray } from "./metric-input.js";

/** Options of `accuracyScore`. */
export interface AccuracyScoreOptions {
  /** Return the fraction (default) or the (weighted) count of correct predictions. */
  normalize?: boolean;
  sampleWeight?: ArrayLike<number>;
}

/** The fraction of correct predictions (scikit-learn's `accuracy_score`). */
export function accuracyScore(yTrueIn: LabelArray, yPredIn: LabelArray, options: AccuracyScoreOptions = {}): number {
  const fn = "accuracyScore";
  const { yTrue, yPred } = checkLabelPair(fn, yTrueIn, yPredIn);
  const weights = checkWeights(fn, options.sampleWeight, yTrue.length);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (yTrue[i] === yPred[i]) correct += w;
    total += w;
  }
  return options.normalize === false ? correct : correct / total;
}
