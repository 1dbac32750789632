import type { LabelArray } from "./metric-input.js";
import { computePrf, type Average, type ClassificationScoreOptions } from "./prf-core.js";

/** Precision tp / (tp + fp): one number, or one per label with `average: null` (scikit-learn's `precision_score`). */
export function precisionScore(yTrue: LabelArray, yPred: LabelArray, options: ClassificationScoreOptions & { average: null }): Float64Array;
export function precisionScore(yTrue: LabelArray, yPred: LabelArray, options?: ClassificationScoreOptions & { average?: Average }): number;
export function precisionScore(yTrue: LabelArray, yPred: LabelArray, options: ClassificationScoreOptions = {}): number | Float64Array {
  const result = computePrf("precisionScore", yTrue, yPred, 1, options, ["precision"], "binary");
  return result.averaged === undefined ? result.precision : result.averaged.precision;
}
