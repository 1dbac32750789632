import type { Label } from "../core/labels.js";
import { alignProbabilities } from "./class-probabilities.js";
import { checkLabels, checkNumericBlock, checkWeights, type LabelArray, type ScoreInput, type WarningOptions } from "./metric-input.js";
import { weightedMean } from "./weighted-mean.js";

/** Options of `logLoss`. */
export interface LogLossOptions extends WarningOptions {
  /** Mean loss (default) or the (weighted) sum. */
  normalize?: boolean;
  sampleWeight?: ArrayLike<number>;
  /** All class labels, sorted as yProba's columns; by default the labels of yTrue. */
  labels?: readonly Label[];
}

/**
 * Cross-entropy −mean log P(true class), probabilities clipped to [ε, 1 − ε] (scikit-learn's
 * `log_loss`). yProba is n x k in sorted class order, or a flat P(second class) for two classes.
 */
export function logLoss(yTrue: LabelArray, yProba: ScoreInput, options: LogLossOptions = {}): number {
  const fn = "logLoss";
  const labels = checkLabels(fn, "yTrue", yTrue);
  const block = checkNumericBlock(fn, "yProba", yProba);
  const weights = checkWeights(fn, options.sampleWeight, labels.length);
  const { truth, proba, n, k } = alignProbabilities(fn, labels, block, options.labels, options.onWarning);
  const eps = Number.EPSILON;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      if (truth[i * k + c] === 1) sum += Math.log(Math.min(Math.max(proba[i * k + c], eps), 1 - eps));
    }
    losses[i] = -sum;
  }
  if (options.normalize !== false) return weightedMean(fn, losses, weights);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights === undefined ? losses[i] : losses[i] * weights[i];
  return total;
}
