import type { LabelArray } from "./metric-input.js";
import { computePrf, type Average, type ClassificationScoreOptions } from "./prf-core.js";

/** Recall tp / (tp + fn): one number, or one per label with `average: null` (scikit-learn's `recall_score`). */
export function recallScore(yTrue: LabelArray, yPred: LabelArray, options: ClassificationScoreOptions & { average: null }): Float64Array;
export function recallScore(yTrue: LabelArray, yPred: LabelArray, options?: ClassificationScoreOptions & { average?: Average }): number;
export function recallScore(yTrue: LabelArray, yPred: LabelArray, options: ClassificationScoreOptions = {}): number | Float64Array {
  const result = computePrf("recallScore", yTrue, yPred, 1, options, ["recall"], "binary");
  return result.averaged === undefined ? result.recall : result.averaged.recall;
}
