import type { Label } from "../core/labels.js";
import { checkBinaryScores } from "./binary-scores.js";
import { checkNumericBlock, checkWeights, metricError, optionError, type LabelArray, type ScoreInput, type WarningOptions } from "./metric-input.js";
import { oneHot, oneVsRestScore } from "./one-vs-rest-score.js";
import { checkTruth, positiveMask } from "./positive-class.js";
import { precisionRecallFromScores } from "./precision-recall-curve.js";
import { checkAverage } from "./prf-core.js";

/** Options of `averagePrecisionScore`. */
export interface AveragePrecisionScoreOptions extends WarningOptions {
  /** How per-class scores of a multiclass target combine (default "macro"); null returns them all. */
  average?: "micro" | "macro" | "weighted" | null;
  /** The positive class of a binary target (default 1); must stay 1 for multiclass targets. */
  posLabel?: Label;
  sampleWeight?: ArrayLike<number>;
}

/**
 * Average precision AP = Σ (R[n] − R[n−1])·P[n], the step-wise area under the precision-recall
 * curve (scikit-learn's `average_precision_score`). Multiclass targets are scored one-vs-rest
 * against the columns of yScore (classes sorted).
 */
export function averagePrecisionScore(yTrue: LabelArray, yScore: ScoreInput, options: AveragePrecisionScoreOptions & { average: null }): number | Float64Array;
export function averagePrecisionScore(yTrue: LabelArray, yScore: ScoreInput, options?: AveragePrecisionScoreOptions & { average?: "micro" | "macro" | "weighted" }): number;
export function averagePrecisionScore(yTrue: LabelArray, yScore: ScoreInput, options: AveragePrecisionScoreOptions = {}): number | Float64Array {
  const fn = "averagePrecisionScore";
  const average = checkAverage(fn, options.average === undefined ? "macro" : options.average, ["micro", "macro", "weighted", null]);
  const posLabel = options.posLabel ?? 1;
  const truth = checkTruth(fn, yTrue);
  const { labels, present } = truth;
  const binary = (positive: Uint8Array, scores: Float64Array, weights: Float64Array | undefined): number =>
    binaryAveragePrecision(fn, positive, scores, weights, options.onWarning);
  if (present.length <= 2) {
    const positive = positiveMask(fn, truth, posLabel, false);
    const { scores, weights } = checkBinaryScores(fn, yScore, labels.length, options.sampleWeight);
    return binary(positive, scores, weights);
  }
  if (posLabel !== 1) throw optionError(fn, "posLabel", "posLabel is fixed to 1 for multiclass yTrue; do not set it");
  const block = checkNumericBlock(fn, "yScore", yScore);
  if (block.rows !== labels.length || block.cols !== present.length) {
    throw metricError(fn, `yScore must have shape (${labels.length}, ${present.length}) since yTrue holds ${present.length} classes; got (${block.rows}, ${block.cols})`);
  }
  const indicator = oneHot(labels, present);
  const weights = checkWeights(fn, options.sampleWeight, labels.length);
  return oneVsRestScore(fn, indicator, block.data, labels.length, present.length, average, weights, binary);
}

function binaryAveragePrecision(fn: string, positive: Uint8Array, scores: Float64Array, weights: Float64Array | undefined, onWarning: ((message: string) => void) | undefined): number {
  const { precision, recall } = precisionRecallFromScores(fn, positive, scores, weights, false, onWarning);
  let sum = 0;
  for (let i = 0; i + 1 < recall.length; i++) sum += (recall[i + 1] - recall[i]) * precision[i];
  // Rounding can leave -0.0 or a tiny negative; scikit-learn clips at 0.
  return Math.max(0, -sum);
}
