import { compareLabels, type Label } from "../core/labels.js";
import { trapezoidArea } from "./auc.js";
import { checkLabels, checkNumericBlock, checkWeights, formatLabels, metricError, optionError, sortedLabels, type LabelArray, type ScoreInput, type WarningOptions } from "./metric-input.js";
import { oneHot, oneVsRestScore } from "./one-vs-rest-score.js";
import { checkAverage } from "./prf-core.js";
import { rocFromScores } from "./roc-curve.js";
import { weightedMean } from "./weighted-mean.js";

/** Options of `rocAucScore`. */
export interface RocAucScoreOptions extends WarningOptions {
  /** How per-class AUCs of a multiclass target combine (default "macro"); null returns them all (ovr only). */
  average?: "micro" | "macro" | "weighted" | null;
  sampleWeight?: ArrayLike<number>;
  /** Binary only: the standardized partial AUC over false positive rates [0, maxFpr] (McClish correction). */
  maxFpr?: number | null;
  /** Multiclass strategy: one-vs-rest or one-vs-one; "raise" (default) refuses multiclass targets. */
  multiClass?: "raise" | "ovr" | "ovo";
  /** Multiclass only: the classes in the order of yScore's columns (sorted). */
  labels?: readonly Label[];
}

/**
 * The area under the ROC curve (scikit-learn's `roc_auc_score`). Binary: yScore holds one score per
 * sample for the greater label. Multiclass: yScore holds one probability per class (rows sum to 1),
 * columns in sorted class order. Tied scores earn half credit.
 */
export function rocAucScore(yTrue: LabelArray, yScore: ScoreInput, options: RocAucScoreOptions & { average: null }): number | Float64Array;
export function rocAucScore(yTrue: LabelArray, yScore: ScoreInput, options?: RocAucScoreOptions & { average?: "micro" | "macro" | "weighted" }): number;
export function rocAucScore(yTrue: LabelArray, yScore: ScoreInput, options: RocAucScoreOptions = {}): number | Float64Array {
  const fn = "rocAucScore";
  const average = checkAverage(fn, options.average === undefined ? "macro" : options.average, ["micro", "macro", "weighted", null]);
  const maxFpr = options.maxFpr ?? undefined;
  if (maxFpr !== undefined && !(typeof maxFpr === "number" && maxFpr > 0 && maxFpr <= 1)) {
    throw optionError(fn, "maxFpr", `maxFpr must be in (0, 1]; got ${String(maxFpr)}`);
  }
  const multiClass = options.multiClass ?? "raise";
  if (multiClass !== "raise" && multiClass !== "ovr" && multiClass !== "ovo") {
    throw optionError(fn, "multiClass", `multiClass must be "raise", "ovr" or "ovo"; got ${JSON.stringify(multiClass)}`);
  }
  const labels = checkLabels(fn, "yTrue", yTrue);
  const present = sortedLabels(labels);
  const block = checkNumericBlock(fn, "yScore", yScore);
  if (block.rows !== labels.length) throw metricError(fn, `yScore has ${block.rows} rows but yTrue has ${labels.length} values`);
  const weights = checkWeights(fn, options.sampleWeight, labels.length);
  if (present.length > 2 || block.cols > 2) {
    if (maxFpr !== undefined && maxFpr !== 1) throw optionError(fn, "maxFpr", "partial AUC (maxFpr) is not available for multiclass targets");
    if (multiClass === "raise") throw optionError(fn, "multiClass", 'yTrue is multiclass: set multiClass to "ovr" or "ovo"');
    return multiclassAuc(fn, labels, present, block.data, block.rows, block.cols, average, multiClass, options.labels, weights, options.onWarning);
  }
  if (present.length < 2) throw metricError(fn, "only one class present in y_true; ROC AUC is not defined");
  if (block.cols !== 1) {
    throw metricError(fn, `yScore has ${block.cols} columns but a binary target needs one score per sample; pass the scores (or probabilities) of the class ${JSON.stringify(present[1])}`);
  }
  const positive = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) positive[i] = labels[i] === present[1] ? 1 : 0;
  return binaryRocAuc(fn, positive, block.data, weights, maxFpr, options.onWarning);
}

/** The binary AUC of 0/1 truths; NaN with a warning when only one class is present (as in scikit-learn). */
function binaryRocAuc(
  fn: string,
  positive: Uint8Array,
  scores: Float64Array,
  weights: Float64Array | undefined,
  maxFpr: number | undefined,
  onWarning: ((message: string) => void) | undefined,
): number {
  let positives = 0;
  for (let i = 0; i < positive.length; i++) positives += positive[i];
  if (positives === 0 || positives === positive.length) {
    onWarning?.(`${fn}: only one class is present in yTrue; ROC AUC score is not defined in that case`);
    return NaN;
  }
  const { fpr, tpr } = rocFromScores(fn, positive, scores, weights, true, onWarning);
  if (maxFpr === undefined || maxFpr === 1) return trapezoidArea(fn, fpr, tpr);
  // Negatives all weighted zero leave fpr NaN: nothing to truncate (scikit-learn raises too).
  if (Number.isNaN(fpr[fpr.length - 1])) throw metricError(fn, "no negative sample has a non-zero weight, so the partial AUC (maxFpr) is not defined");
  let stop = 0;
  while (stop < fpr.length && fpr[stop] <= maxFpr) stop++;
  const x0 = fpr[stop - 1];
  const y0 = tpr[stop - 1];
  // numpy's interp between the two points that bracket maxFpr.
  const slope = (tpr[stop] - y0) / (fpr[stop] - x0);
  const x = new Float64Array(stop + 1);
  const y = new Float64Array(stop + 1);
  x.set(fpr.subarray(0, stop));
  y.set(tpr.subarray(0, stop));
  x[stop] = maxFpr;
  y[stop] = slope * (maxFpr - x0) + y0;
  const partial = trapezoidArea(fn, x, y);
  const minArea = 0.5 * maxFpr ** 2;
  return 0.5 * (1 + (partial - minArea) / (maxFpr - minArea));
}

function multiclassAuc(
  fn: string,
  labels: readonly Label[],
  present: Label[],
  scores: Float64Array,
  n: number,
  k: number,
  average: "micro" | "macro" | "weighted" | null,
  multiClass: "ovr" | "ovo",
  givenClasses: readonly Label[] | undefined,
  weights: Float64Array | undefined,
  onWarning: ((message: string) => void) | undefined,
): number | Float64Array {
  if (k === 1) throw metricError(fn, `yScore must have shape (${n}, n_classes) since yTrue holds ${present.length} classes`);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let c = 0; c < k; c++) total += scores[i * k + c];
    if (!(Math.abs(1 - total) <= 1e-8 + 1e-5 * Math.abs(total))) {
      throw metricError(fn, `the scores of row ${i} sum to ${total}; multiclass ROC AUC needs probabilities, each row summing to 1`, i);
    }
  }
  if (multiClass === "ovo" && (average === null || average === "micro")) {
    throw optionError(fn, "average", `average ${JSON.stringify(average)} is not available with multiClass "ovo"; use "macro" or "weighted"`);
  }
  let classes: Label[];
  if (givenClasses !== undefined) {
    classes = [...givenClasses];
    for (let c = 1; c < classes.length; c++) {
      if (compareLabels(classes[c - 1], classes[c]) >= 0) throw optionError(fn, "labels", "labels must be unique and sorted");
    }
    if (classes.length !== k) throw optionError(fn, "labels", `${classes.length} labels given but yScore has ${k} columns`);
    const known = new Set<Label>(classes);
    const unknown = present.filter((label) => !known.has(label));
    if (unknown.length > 0) throw metricError(fn, `yTrue contains labels ${formatLabels(unknown)} that are not in the labels option`);
  } else {
    classes = present;
    if (classes.length !== k) throw metricError(fn, `yTrue holds ${classes.length} classes but yScore has ${k} columns; pass labels to name the columns`);
  }
  const binary = (positive: Uint8Array, column: Float64Array, w: Float64Array | undefined): number => binaryRocAuc(fn, positive, column, w, undefined, onWarning);
  if (multiClass === "ovr") return oneVsRestScore(fn, oneHot(labels, classes), scores, n, k, average, weights, binary);
  if (weights !== undefined) throw optionError(fn, "sampleWeight", 'sampleWeight is not supported with multiClass "ovo"');
  return oneVsOneAuc(fn, labels, classes, scores, n, k, average === "weighted", binary);
}

/** Hand & Till's pairwise AUC: for each pair of classes present, the mean of both one-sided AUCs. */
function oneVsOneAuc(
  fn: string,
  labels: readonly Label[],
  classes: Label[],
  scores: Float64Array,
  n: number,
  k: number,
  weighted: boolean,
  binary: (positive: Uint8Array, column: Float64Array, w: undefined) => number,
): number {
  const index = new Map<Label, number>(classes.map((label, c) => [label, c]));
  const codes = Int32Array.from(labels, (label) => index.get(label)!);
  const presentCodes = [...new Set(codes)].sort((a, b) => a - b);
  const pairScores: number[] = [];
  const prevalence: number[] = [];
  for (let p = 0; p < presentCodes.length; p++) {
    for (let q = p + 1; q < presentCodes.length; q++) {
      const a = presentCodes[p];
      const b = presentCodes[q];
      let size = 0;
      for (let i = 0; i < n; i++) if (codes[i] === a || codes[i] === b) size++;
      const aTrue = new Uint8Array(size);
      const bTrue = new Uint8Array(size);
      const aScores = new Float64Array(size);
      const bScores = new Float64Array(size);
      for (let i = 0, r = 0; i < n; i++) {
        if (codes[i] !== a && codes[i] !== b) continue;
        aTrue[r] = codes[i] === a ? 1 : 0;
        bTrue[r] = 1 - aTrue[r];
        aScores[r] = scores[i * k + a];
        bScores[r] = scores[i * k + b];
        r++;
      }
      pairScores.push((binary(aTrue, aScores, undefined) + binary(bTrue, bScores, undefined)) / 2);
      prevalence.push(size / n);
    }
  }
  if (pairScores.length === 0) throw metricError(fn, "only one class present in y_true; ROC AUC is not defined");
  return weightedMean(fn, pairScores, weighted ? prevalence : undefined);
}
