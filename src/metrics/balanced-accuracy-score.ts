import { pairwiseSum } from "../core/pairwise-sum.js";
import { confusionCounts } from "./confusion-matrix.js";
import type { LabelArray, WarningOptions } from "./metric-input.js";

/** Options of `balancedAccuracyScore`. */
export interface BalancedAccuracyScoreOptions extends WarningOptions {
  sampleWeight?: ArrayLike<number>;
  /** Rescale so that chance scores 0 and perfect scores 1. */
  adjusted?: boolean;
}

/**
 * The mean recall over the classes present in yTrue (scikit-learn's `balanced_accuracy_score`);
 * classes that occur only in yPred are left out with a warning.
 */
export function balancedAccuracyScore(yTrue: LabelArray, yPred: LabelArray, options: BalancedAccuracyScoreOptions = {}): number {
  const fn = "balancedAccuracyScore";
  const cm = confusionCounts(fn, yTrue, yPred, { sampleWeight: options.sampleWeight, onWarning: options.onWarning });
  const k = cm.rows;
  const recalls = new Float64Array(k);
  let classes = 0;
  for (let i = 0; i < k; i++) {
    // Pairwise sums, as numpy's: with eight or more classes the order changes the last bit.
    const row = pairwiseSum(cm.data, i * k, k);
    if (row === 0) continue;
    recalls[classes++] = cm.data[i * k + i] / row;
  }
  if (classes < k) options.onWarning?.(`${fn}: yPred contains classes not in yTrue`);
  let score = pairwiseSum(recalls, 0, classes) / classes;
  if (options.adjusted === true) {
    const chance = 1 / classes;
    score = (score - chance) / (1 - chance);
  }
  return score;
}
