import type { Label } from "../core/labels.js";
import type { LabelArray } from "./metric-input.js";
import { computePrf, type Average, type ClassificationScoreOptions } from "./prf-core.js";

/** Options of `precisionRecallFscoreSupport`. */
export interface PrecisionRecallFscoreSupportOptions extends ClassificationScoreOptions {
  /** Weight of recall against precision in the F-score (default 1). */
  beta?: number;
}

/** Per-label scores (average null): arrays in the order of `labels`, and each label's support. */
export interface PerLabelScores {
  labels: Label[];
  precision: Float64Array;
  recall: Float64Array;
  fScore: Float64Array;
  support: Float64Array;
}

/** Averaged scores: support is undefined, as scikit-learn returns None. */
export interface AveragedScores {
  precision: number;
  recall: number;
  fScore: number;
  support: undefined;
}

/**
 * Precision, recall, F-beta and support, per label (default `average: null`) or averaged
 * (scikit-learn's `precision_recall_fscore_support`).
 */
export function precisionRecallFscoreSupport(
  yTrue: LabelArray,
  yPred: LabelArray,
  options?: PrecisionRecallFscoreSupportOptions & { average?: null },
): PerLabelScores;
export function precisionRecallFscoreSupport(
  yTrue: LabelArray,
  yPred: LabelArray,
  options: PrecisionRecallFscoreSupportOptions & { average: Average },
): AveragedScores;
export function precisionRecallFscoreSupport(
  yTrue: LabelArray,
  yPred: LabelArray,
  options: PrecisionRecallFscoreSupportOptions = {},
): PerLabelScores | AveragedScores {
  const result = computePrf("precisionRecallFscoreSupport", yTrue, yPred, options.beta ?? 1, options, ["precision", "recall", "f-score"], null);
  if (result.averaged !== undefined) return { ...result.averaged, support: undefined };
  return { labels: result.labels, precision: result.precision, recall: result.recall, fScore: result.fScore, support: result.support };
}
