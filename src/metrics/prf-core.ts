import type { Label } from "../core/labels.js";
import { pairwiseSum } from "../core/pairwise-sum.js";
import { countLabels } from "./label-counts.js";
import { checkLabelPair, checkWeights, formatLabels, metricError, optionError, sortedLabels, type WarningOptions } from "./metric-input.js";
import { nanAverage } from "./weighted-mean.js";
import { zeroDivisionValue, type ZeroDivision } from "./zero-division.js";

/** How per-label scores are combined: scikit-learn's `average` (null gives one score per label). */
export type Average = "binary" | "micro" | "macro" | "weighted";

/** Options of precision, recall and F-scores. */
export interface ClassificationScoreOptions extends WarningOptions {
  /** The labels to score, in output order; by default the sorted labels of yTrue and yPred. Ignored for average "binary". */
  labels?: readonly Label[];
  /** The positive class when average is "binary" (default 1). */
  posLabel?: Label | null;
  /** Default "binary" (null for `precisionRecallFscoreSupport`). */
  average?: Average | null;
  sampleWeight?: ArrayLike<number>;
  /** Value of an undefined score (0/0), default "warn". */
  zeroDivision?: ZeroDivision;
}

/** Which quantities warn when undefined and zeroDivision is "warn". */
export type PrfQuantity = "precision" | "recall" | "f-score";

/** Per-label precision, recall, F-beta and support, and their average when one was asked for. */
export interface PrfResult {
  labels: Label[];
  precision: Float64Array;
  recall: Float64Array;
  fScore: Float64Array;
  support: Float64Array;
  averaged: { precision: number; recall: number; fScore: number } | undefined;
}

const AVERAGES: readonly (Average | null)[] = ["binary", "micro", "macro", "weighted", null];

/** Checks `average` against the allowed values. */
export function checkAverage<A extends string>(fn: string, average: A | null, allowed: readonly (A | null)[]): A | null {
  if (!allowed.includes(average)) {
    throw optionError(fn, "average", `average must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}; got ${JSON.stringify(average)}`);
  }
  return average;
}

/**
 * scikit-learn's `precision_recall_fscore_support`, shared by the precision, recall and F
 * functions: per-label counts, zero-division handling and averaging (PARITY.md §13.1).
 */
export function computePrf(
  fn: string,
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  beta: number,
  options: ClassificationScoreOptions,
  warnFor: readonly PrfQuantity[],
  defaultAverage: Average | null,
): PrfResult {
  const counted = countForPrf(fn, yTrue, yPred, options, defaultAverage);
  return scoresFromCounts(counted, counted.average, beta, warnFor);
}

/** Checked inputs reduced to per-label counts, with what the scoring stage needs to know. */
export interface PrfCounts {
  fn: string;
  average: Average | null;
  labels: Label[];
  tp: Float64Array;
  pred: Float64Array;
  true: Float64Array;
  zeroValue: number;
  warn: boolean;
  onWarning: ((message: string) => void) | undefined;
}

/** The counting stage: checks the inputs and options, picks the labels and counts them once. */
export function countForPrf(fn: string, yTrueIn: ArrayLike<Label>, yPredIn: ArrayLike<Label>, options: ClassificationScoreOptions, defaultAverage: Average | null): PrfCounts {
  const zeroValue = zeroDivisionValue(fn, options.zeroDivision);
  const warn = options.zeroDivision === undefined || options.zeroDivision === "warn";
  const average = checkAverage(fn, options.average === undefined ? defaultAverage : options.average, AVERAGES);
  const { yTrue, yPred } = checkLabelPair(fn, yTrueIn, yPredIn);
  const present = sortedLabels(yTrue, yPred);
  const posLabel = options.posLabel === undefined ? 1 : options.posLabel;
  let labels: Label[];
  if (average === "binary") {
    if (present.length > 2) {
      throw metricError(fn, `the targets hold ${present.length} labels (multiclass) but average is "binary"; choose average "micro", "macro", "weighted" or null`);
    }
    if ((posLabel === null || !present.includes(posLabel)) && present.length >= 2) {
      throw metricError(fn, `posLabel ${JSON.stringify(posLabel)} is not one of the labels ${formatLabels(present)}; set posLabel to the positive class`);
    }
    labels = [posLabel as Label];
  } else {
    if (posLabel !== null && posLabel !== 1) {
      options.onWarning?.(
        `${fn}: posLabel (set to ${JSON.stringify(posLabel)}) is ignored when average is not "binary" (got ${JSON.stringify(average)}); use labels: [posLabel] to score a single positive class`,
      );
    }
    if (options.labels !== undefined && options.labels.length === 0) throw optionError(fn, "labels", "labels must hold at least one label");
    labels = options.labels === undefined ? present : [...options.labels];
  }
  const weights = checkWeights(fn, options.sampleWeight, yTrue.length);
  const counts = countLabels(yTrue, yPred, labels, weights);
  // scikit-learn rebuilds the sums from its confusion matrices as tp + (sum − tp), which can
  // differ from the sum in the last bit with fractional weights.
  for (let i = 0; i < labels.length; i++) {
    counts.pred[i] = counts.tp[i] + (counts.pred[i] - counts.tp[i]);
    counts.true[i] = counts.tp[i] + (counts.true[i] - counts.tp[i]);
  }
  return { fn, average, labels, tp: counts.tp, pred: counts.pred, true: counts.true, zeroValue, warn, onWarning: options.onWarning };
}

/** The scoring stage: precision, recall and F-beta from the counts, averaged as `average` asks. */
export function scoresFromCounts(counted: PrfCounts, average: Average | null, beta: number, warnFor: readonly PrfQuantity[]): PrfResult {
  const { fn, zeroValue, warn, onWarning } = counted;
  if (typeof beta !== "number" || Number.isNaN(beta) || beta < 0) throw optionError(fn, "beta", `beta must be a number >= 0; got ${String(beta)}`);
  let { tp, pred, true: truth } = counted;
  if (average === "micro") {
    tp = Float64Array.of(pairwiseSum(tp));
    pred = Float64Array.of(pairwiseSum(pred));
    truth = Float64Array.of(pairwiseSum(truth));
  }
  const divide = (numerator: Float64Array, denominator: Float64Array, quantity: PrfQuantity, modifier: string): Float64Array => {
    const out = new Float64Array(numerator.length);
    let undefinedSeen = false;
    for (let i = 0; i < out.length; i++) {
      if (denominator[i] === 0) {
        out[i] = zeroValue;
        undefinedSeen = true;
      } else {
        out[i] = numerator[i] / denominator[i];
      }
    }
    if (undefinedSeen && warn && warnFor.includes(quantity)) {
      const name = quantity === "f-score" ? "F-score" : quantity[0].toUpperCase() + quantity.slice(1);
      const where = out.length === 1 ? "due to" : "in labels with";
      onWarning?.(`${fn}: ${name} is ill-defined and being set to 0.0 ${where} no ${modifier} samples. Use the zeroDivision option to control this behavior.`);
    }
    return out;
  };
  const precision = divide(tp, pred, "precision", "predicted");
  const recall = divide(tp, truth, "recall", "true");
  let fScore: Float64Array;
  if (beta === Infinity) fScore = recall;
  else if (beta === 0) fScore = precision;
  else {
    const beta2 = beta * beta;
    const numerator = new Float64Array(tp.length);
    const denominator = new Float64Array(tp.length);
    for (let i = 0; i < tp.length; i++) {
      numerator[i] = (1 + beta2) * tp[i];
      denominator[i] = beta2 * truth[i] + pred[i];
    }
    fScore = divide(numerator, denominator, "f-score", "true nor predicted");
  }
  let averaged: PrfResult["averaged"];
  if (average !== null) {
    const averageWeights = average === "weighted" ? truth : undefined;
    averaged = { precision: nanAverage(precision, averageWeights), recall: nanAverage(recall, averageWeights), fScore: nanAverage(fScore, averageWeights) };
  }
  return { labels: counted.labels, precision, recall, fScore, support: truth, averaged };
}
