import type { Label } from "../core/labels.js";
import { checkLabelPair, checkWeights, type LabelArray } from "./metric-input.js";
import { sequentialSum } from "./weighted-mean.js";

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
  const correct = weightOfMatches(yTrue, yPred, weights);
  if (options.normalize === false) return correct;
  return correct / (weights === undefined ? yTrue.length : sequentialSum(weights));
}

// The loop below is alone in its function and returns a plain number: see
// docs/benchmarks.md, "Loops that stay optimized".

/** The summed weight (1 each without weights) of the samples predicted right. */
function weightOfMatches(yTrue: readonly Label[], yPred: readonly Label[], weights: Float64Array | undefined): number {
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct += weights === undefined ? 1 : weights[i];
  return correct;
}
