import { checkBinaryScores } from "./binary-scores.js";
import type { BinaryCurveOptions } from "./confusion-matrix-at-thresholds.js";
import type { LabelArray, ScoreInput, WarningOptions } from "./metric-input.js";
import { checkTruth, positiveMask } from "./positive-class.js";
import { thresholdCounts } from "./threshold-counts.js";

/** Options of `rocCurve`. */
export interface RocCurveOptions extends BinaryCurveOptions, WarningOptions {
  /** Drop points collinear with their neighbours (default true); they do not change the curve or its area. */
  dropIntermediate?: boolean;
}

/** A ROC curve: false and true positive rates at decreasing thresholds, starting at (0, 0) with threshold Infinity. */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/** The receiver operating characteristic curve (scikit-learn's `roc_curve`). */
export function rocCurve(yTrue: LabelArray, yScore: ScoreInput, options: RocCurveOptions = {}): RocCurve {
  const fn = "rocCurve";
  const positive = positiveMask(fn, checkTruth(fn, yTrue), options.posLabel, true);
  const { scores, weights } = checkBinaryScores(fn, yScore, positive.length, options.sampleWeight);
  return rocFromScores(fn, positive, scores, weights, options.dropIntermediate ?? true, options.onWarning);
}

/** The ROC curve of 0/1 truths and scores; shared with the AUC. */
export function rocFromScores(
  fn: string,
  positive: Uint8Array,
  scores: Float64Array,
  weights: Float64Array | undefined,
  dropIntermediate: boolean,
  onWarning: ((message: string) => void) | undefined,
): RocCurve {
  let { fps, tps, thresholds } = thresholdCounts(positive, scores, weights);
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      // numpy's diff(x, 2) != 0: a corner in either coordinate keeps the point.
      const fCorner = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]);
      const tCorner = tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]);
      if (fCorner !== 0 || tCorner !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]);
    tps = Float64Array.from(keep, (i) => tps[i]);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]);
  }
  const m = fps.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const outThresholds = new Float64Array(m);
  outThresholds[0] = Infinity;
  outThresholds.set(thresholds, 1);
  const fpTotal = fps[fps.length - 1];
  const tpTotal = tps[tps.length - 1];
  if (fpTotal <= 0) {
    onWarning?.(`${fn}: no negative samples in yTrue, false positive value should be meaningless`);
    fpr.fill(NaN);
  } else {
    for (let i = 1; i < m; i++) fpr[i] = fps[i - 1] / fpTotal;
  }
  if (tpTotal <= 0) {
    onWarning?.(`${fn}: no positive samples in yTrue, true positive value should be meaningless`);
    tpr.fill(NaN);
  } else {
    for (let i = 1; i < m; i++) tpr[i] = tps[i - 1] / tpTotal;
  }
  return { fpr, tpr, thresholds: outThresholds };
}
