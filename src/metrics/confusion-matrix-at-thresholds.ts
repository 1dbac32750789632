import type { Label } from "../core/labels.js";
import { checkBinaryScores } from "./binary-scores.js";
import type { LabelArray, ScoreInput } from "./metric-input.js";
import { checkTruth, positiveMask } from "./positive-class.js";
import { thresholdCounts } from "./threshold-counts.js";

/** Options of the binary curves. */
export interface BinaryCurveOptions {
  /** The positive class; needed unless yTrue takes values in {0, 1} or {-1, 1}. */
  posLabel?: Label | null;
  sampleWeight?: ArrayLike<number>;
}

/** Weighted confusion counts at each distinct score, thresholds descending. */
export interface ThresholdConfusion {
  tns: Float64Array;
  fps: Float64Array;
  fns: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

/**
 * True/false negatives and positives when predicting positive for scores >= each threshold
 * (scikit-learn's `confusion_matrix_at_thresholds`).
 */
export function confusionMatrixAtThresholds(yTrue: LabelArray, yScore: ScoreInput, options: BinaryCurveOptions = {}): ThresholdConfusion {
  const fn = "confusionMatrixAtThresholds";
  const positive = positiveMask(fn, checkTruth(fn, yTrue), options.posLabel, true);
  const { scores, weights } = checkBinaryScores(fn, yScore, positive.length, options.sampleWeight);
  const { fps, tps, thresholds } = thresholdCounts(positive, scores, weights);
  const last = fps.length - 1;
  const tns = fps.map((v) => fps[last] - v);
  const fns = tps.map((v) => tps[last] - v);
  return { tns, fps, fns, tps, thresholds };
}
