import type { Label } from "../core/labels.js";
import { pairwiseSum } from "../core/pairwise-sum.js";
import { checkLabelPair, metricError, optionError, sortedLabels, type LabelArray, type WarningOptions } from "./metric-input.js";
import { countForPrf, scoresFromCounts } from "./prf-core.js";
import type { ZeroDivision } from "./zero-division.js";

/** Options of `classificationReport` and `classificationReportText`. */
export interface ClassificationReportOptions extends WarningOptions {
  /** The labels to report, in order; by default the sorted labels of yTrue and yPred. */
  labels?: readonly Label[];
  /** Display names of the labels, in the same order. */
  targetNames?: readonly string[];
  sampleWeight?: ArrayLike<number>;
  zeroDivision?: ZeroDivision;
}

/** One line of the report. */
export interface ClassificationReportRow {
  name: string;
  precision: number;
  recall: number;
  f1Score: number;
  support: number;
}

/** scikit-learn's `classification_report(output_dict=True)`, with rows kept in order. */
export interface ClassificationReport {
  /** One row per label. */
  rows: ClassificationReportRow[];
  /** The accuracy, when the micro average equals it (every present label is reported); else undefined. */
  accuracy: number | undefined;
  /** "micro avg" (only when accuracy is undefined), "macro avg", "weighted avg". */
  averages: ClassificationReportRow[];
  /**
   * True when scikit-learn prints supports as floats ("3.0"): with sample weights, or when no
   * prediction is correct (its count arrays then turn float).
   */
  floatSupport: boolean;
}

/** Precision, recall, F1 and support per label and averaged (scikit-learn's `classification_report`). */
export function classificationReport(yTrueIn: LabelArray, yPredIn: LabelArray, options: ClassificationReportOptions = {}): ClassificationReport {
  const fn = "classificationReport";
  const { yTrue, yPred } = checkLabelPair(fn, yTrueIn, yPredIn);
  const present = sortedLabels(yTrue, yPred);
  const labelsGiven = options.labels !== undefined;
  const labels = labelsGiven ? [...options.labels!] : present;
  if (labels.length === 0) throw optionError(fn, "labels", "labels must hold at least one label");
  const listed = new Set<Label>(labels);
  const microIsAccuracy = !labelsGiven || present.every((label) => listed.has(label));
  let names = labels.map(String);
  if (options.targetNames !== undefined) {
    if (options.targetNames.length !== labels.length) {
      if (!labelsGiven) {
        throw metricError(fn, `there are ${labels.length} classes but ${options.targetNames.length} target names; pass labels to say which classes the names belong to`);
      }
      options.onWarning?.(`${fn}: labels size, ${labels.length}, does not match size of targetNames, ${options.targetNames.length}`);
    }
    names = [...options.targetNames];
  }
  // Python shows a warning once per call site, so a repeated message is passed on once.
  const seen = new Set<string>();
  const onWarning = (message: string): void => {
    if (!seen.has(message)) options.onWarning?.(message);
    seen.add(message);
  };
  const all = ["precision", "recall", "f-score"] as const;
  // Counted once; every average is then derived from the same per-label counts.
  const counted = countForPrf(fn, yTrue, yPred, { labels, sampleWeight: options.sampleWeight, zeroDivision: options.zeroDivision, onWarning, average: null }, null);
  const perLabel = scoresFromCounts(counted, null, 1, all);
  const total = pairwiseSum(perLabel.support);
  // zip(target_names, ...) in scikit-learn: the shorter list sets the number of rows.
  const rows: ClassificationReportRow[] = [];
  for (let i = 0; i < Math.min(names.length, labels.length); i++) {
    rows.push({ name: names[i], precision: perLabel.precision[i], recall: perLabel.recall[i], f1Score: perLabel.fScore[i], support: perLabel.support[i] });
  }
  let accuracy: number | undefined;
  const averages: ClassificationReportRow[] = [];
  for (const average of ["micro", "macro", "weighted"] as const) {
    const scores = scoresFromCounts(counted, average, 1, all).averaged!;
    if (average === "micro" && microIsAccuracy) accuracy = scores.fScore;
    else averages.push({ name: `${average} avg`, precision: scores.precision, recall: scores.recall, f1Score: scores.fScore, support: total });
  }
  const anyCorrect = yTrue.some((label, i) => label === yPred[i]);
  return { rows, accuracy, averages, floatSupport: options.sampleWeight !== undefined || !anyCorrect };
}
