import { checkBinaryScores } from "./binary-scores.js";
import type { BinaryCurveOptions } from "./confusion-matrix-at-thresholds.js";
import type { LabelArray, ScoreInput, WarningOptions } from "./metric-input.js";
import { checkTruth, positiveMask } from "./positive-class.js";
import { thresholdCounts } from "./threshold-counts.js";

/** Options of `precisionRecallCurve`. */
export interface PrecisionRecallCurveOptions extends BinaryCurveOptions, WarningOptions {
  /** Drop points where the true positives do not change on either side (default false). */
  dropIntermediate?: boolean;
}

/**
 * Precision and recall at increasing thresholds, ending with the point (recall 0, precision 1)
 * that has no threshold: `precision.length === recall.length === thresholds.length + 1`.
 */
export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/** The precision-recall curve (scikit-learn's `precision_recall_curve`). */
export function precisionRecallCurve(yTrue: LabelArray, yScore: ScoreInput, options: PrecisionRecallCurveOptions = {}): PrecisionRecallCurve {
  const fn = "precisionRecallCurve";
  const positive = positiveMask(fn, checkTruth(fn, yTrue), options.posLabel, true);
  const { scores, weights } = checkBinaryScores(fn, yScore, positive.length, options.sampleWeight);
  return precisionRecallFromScores(fn, positive, scores, weights, options.dropIntermediate ?? false, options.onWarning);
}

/** The precision-recall curve of 0/1 truths and scores; shared with the average precision. */
export function precisionRecallFromScores(
  fn: string,
  positive: Uint8Array,
  scores: Float64Array,
  weights: Float64Array | undefined,
  dropIntermediate: boolean,
  onWarning: ((message: string) => void) | undefined,
): PrecisionRecallCurve {
  let { fps, tps, thresholds } = thresholdCounts(positive, scores, weights);
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < tps.length - 1; i++) if (tps[i] - tps[i - 1] !== 0 || tps[i + 1] - tps[i] !== 0) keep.push(i);
    keep.push(tps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]);
    tps = Float64Array.from(keep, (i) => tps[i]);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]);
  }
  const m = tps.length;
  const tpTotal = tps[m - 1];
  if (tpTotal === 0) onWarning?.(`${fn}: no positive class found in yTrue, recall is set to one for all thresholds`);
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const ascending = new Float64Array(m);
  // Reversed so that thresholds ascend and recall descends.
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i;
    const predicted = tps[j] + fps[j];
    precision[i] = predicted !== 0 ? tps[j] / predicted : 0;
    recall[i] = tpTotal === 0 ? 1 : tps[j] / tpTotal;
    ascending[i] = thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: ascending };
}
