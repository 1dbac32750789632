import { fScore } from "./fbeta-score.js";
import type { LabelArray } from "./metric-input.js";
import type { Average, ClassificationScoreOptions } from "./prf-core.js";

/** F1 = 2·tp / (2·tp + fp + fn): one number, or one per label with `average: null` (scikit-learn's `f1_score`). */
export function f1Score(yTrue: LabelArray, yPred: LabelArray, options: ClassificationScoreOptions & { average: null }): Float64Array;
export function f1Score(yTrue: LabelArray, yPred: LabelArray, options?: ClassificationScoreOptions & { average?: Average }): number;
export function f1Score(yTrue: LabelArray, yPred: LabelArray, options: ClassificationScoreOptions = {}): number | Float64Array {
  return fScore("f1Score", yTrue, yPred, 1, options);
}
