import type { LabelArray } from "./metric-input.js";
import { computePrf, type Average, type ClassificationScoreOptions } from "./prf-core.js";

/** Options of `fbetaScore`: beta (>= 0; Infinity gives recall, 0 gives precision) is required. */
export interface FBetaScoreOptions extends ClassificationScoreOptions {
  beta: number;
}

/**
 * F-beta = (1 + β²)·tp / (β²·(tp + fn) + tp + fp), computed from counts; one number, or one per
 * label with `average: null` (scikit-learn's `fbeta_score`).
 */
export function fbetaScore(yTrue: LabelArray, yPred: LabelArray, options: FBetaScoreOptions & { average: null }): Float64Array;
export function fbetaScore(yTrue: LabelArray, yPred: LabelArray, options: FBetaScoreOptions & { average?: Average }): number;
export function fbetaScore(yTrue: LabelArray, yPred: LabelArray, options: FBetaScoreOptions): number | Float64Array {
  return fScore("fbetaScore", yTrue, yPred, options.beta, options);
}

/** The F-score with a given beta; shared by `fbetaScore` and `f1Score`. */
export function fScore(fn: string, yTrue: LabelArray, yPred: LabelArray, beta: number, options: ClassificationScoreOptions): number | Float64Array {
  const result = computePrf(fn, yTrue, yPred, beta, options, ["f-score"], "binary");
  return result.averaged === undefined ? result.fScore : result.averaged.fScore;
}
