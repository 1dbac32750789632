import type { Label } from "../core/labels.js";
import { pairwiseSum } from "../core/pairwise-sum.js";
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
  // Weighted, numpy's average: pairwise sums of the matched weights and of all the weights.
  const correct = weights === undefined ? countMatches(yTrue, yPred) : pairwiseSum(matchedWeights(yTrue, yPred, weights));
  if (options.normalize === false) return correct;
  return correct / (weights === undefined ? yTrue.length : pairwiseSum(weights));
}

// The loop below is alone in its function and returns a plain number: see
// docs/benchmarks.md, "Loops that stay optimized".

/** How many samples are predicted right. */
function countMatches(yTrue: readonly Label[], yPred: readonly Label[]): number {
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  return correct;
}

/** Each sample's weight where it is predicted right, else 0. */
function matchedWeights(yTrue: readonly Label[], yPred: readonly Label[], weights: Float64Array): Float64Array {
  const out = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = yTrue[i] === yPred[i] ? weights[i] : 0;
  return out;
}
