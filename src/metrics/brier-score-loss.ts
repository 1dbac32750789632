import type { Label } from "../core/labels.js";
import { alignProbabilities, checkProbabilityRange } from "./class-probabilities.js";
import { checkLabels, checkNumericBlock, checkWeights, formatLabels, metricError, sortedLabels, type LabelArray, type ScoreInput, type WarningOptions } from "./metric-input.js";
import { hasImplicitPositive } from "./positive-class.js";
import { weightedMean } from "./weighted-mean.js";

/** Options of `brierScoreLoss`. */
export interface BrierScoreLossOptions extends WarningOptions {
  sampleWeight?: ArrayLike<number>;
  /** Binary flat yProba: the class whose probability it is; by default 1 for {0, 1}/{-1, 1} targets, else the greater label. */
  posLabel?: Label | null;
  /** All class labels, sorted as yProba's columns (multi-column yProba). */
  labels?: readonly Label[];
  /** Halve the score ("auto": for binary targets, so it lies in [0, 1]). */
  scaleByHalf?: boolean | "auto";
}

/** The mean squared difference between one-hot truths and probabilities (scikit-learn's `brier_score_loss`). */
export function brierScoreLoss(yTrue: LabelArray, yProba: ScoreInput, options: BrierScoreLossOptions = {}): number {
  const fn = "brierScoreLoss";
  const labels = checkLabels(fn, "yTrue", yTrue);
  const block = checkNumericBlock(fn, "yProba", yProba);
  const weights = checkWeights(fn, options.sampleWeight, labels.length);
  let squared: Float64Array;
  if (block.cols === 1) {
    if (block.rows !== labels.length) throw metricError(fn, `yProba has ${block.rows} values but yTrue has ${labels.length}`);
    checkProbabilityRange(fn, "yProba", block.data, 1);
    const positive = binaryPositive(fn, labels, options.posLabel);
    squared = new Float64Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const t = labels[i] === positive ? 1 : 0;
      const p = block.data[i];
      // The two columns [1 − t, 1 − p] and [t, p], as scikit-learn stacks them.
      const negativeGap = 1 - t - (1 - p);
      const positiveGap = t - p;
      squared[i] = negativeGap * negativeGap + positiveGap * positiveGap;
    }
  } else {
    const { truth, proba, n, k } = alignProbabilities(fn, labels, block, options.labels, options.onWarning);
    squared = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const gap = truth[i * k + c] - proba[i * k + c];
        sum += gap * gap;
      }
      squared[i] = sum;
    }
  }
  const score = weightedMean(fn, squared, weights);
  const scaleByHalf = options.scaleByHalf ?? "auto";
  const halve = scaleByHalf === "auto" ? block.cols < 3 : scaleByHalf;
  return halve ? score * 0.5 : score;
}

/** scikit-learn's positive class for a flat yProba: posLabel, else 1 for {0, 1}/{-1, 1}, else the greater number. */
function binaryPositive(fn: string, labels: readonly Label[], posLabel: Label | null | undefined): Label {
  const present = sortedLabels(labels);
  if (present.length > 2) throw metricError(fn, `yTrue holds ${present.length} labels but yProba has one column; pass one probability column per class`);
  if (posLabel !== undefined && posLabel !== null) {
    if (present.length === 2 && !present.includes(posLabel)) throw metricError(fn, `posLabel ${JSON.stringify(posLabel)} is not one of the labels in yTrue ${formatLabels(present)}`);
    return posLabel;
  }
  if (hasImplicitPositive(present)) return 1;
  if (typeof present[0] === "number") return present[present.length - 1];
  throw metricError(fn, `yTrue takes values in ${formatLabels(present)} and posLabel is not specified: pass posLabel explicitly`);
}
