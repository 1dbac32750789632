import type { Label } from "../core/labels.js";
import { checkLabels, formatLabels, metricError, sortedLabels } from "./metric-input.js";

/** yTrue checked, and its distinct labels sorted. */
export interface CheckedTruth {
  labels: readonly Label[];
  present: Label[];
}

/** Checks yTrue and lists its labels. */
export function checkTruth(fn: string, yTrue: unknown): CheckedTruth {
  const labels = checkLabels(fn, "yTrue", yTrue);
  return { labels, present: sortedLabels(labels) };
}

/**
 * Marks the samples of the positive class for a binary curve (scikit-learn's
 * `_check_pos_label_consistency`): without `posLabel`, yTrue must take values in {0, 1} or
 * {-1, 1} and 1 is positive. A `posLabel` absent from a yTrue that holds two or more labels is
 * refused (scikit-learn would silently score a class that never occurs).
 */
export function positiveMask(fn: string, { labels: yTrue, present }: CheckedTruth, posLabel: Label | null | undefined, allowMulticlass: boolean): Uint8Array {
  let positive: Label;
  if (posLabel === undefined || posLabel === null) {
    if (!hasImplicitPositive(present)) {
      throw metricError(fn, `yTrue takes values in ${formatLabels(present)} and posLabel is not specified: either make yTrue take values in {0, 1} or {-1, 1} or pass posLabel explicitly`);
    }
    positive = 1;
  } else {
    if (present.length > 2 && !allowMulticlass) throw metricError(fn, `yTrue holds ${present.length} labels but this metric is binary`);
    if (present.length >= 2 && !present.includes(posLabel)) {
      throw metricError(fn, `posLabel ${JSON.stringify(posLabel)} is not one of the labels in yTrue ${formatLabels(present)}`);
    }
    positive = posLabel;
  }
  const mask = new Uint8Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) mask[i] = yTrue[i] === positive ? 1 : 0;
  return mask;
}

/** True when the sorted labels are {0, 1}, {-1, 1} or one of them alone: then 1 is the positive class. */
export function hasImplicitPositive(present: readonly Label[]): boolean {
  return present.every((label) => typeof label === "number") && ["0,1", "-1,1", "0", "-1", "1"].includes(present.join(","));
}
