import type { Label } from "../core/labels.js";
import { compareLabels } from "../core/labels.js";
import { formatLabels, metricError, optionError, sortedLabels, type NumericBlock } from "./metric-input.js";
import { oneHot } from "./one-vs-rest-score.js";

/** Probabilities aligned with a one-hot truth, both n x k row-major. */
export interface AlignedProbabilities {
  truth: Uint8Array;
  proba: Float64Array;
  n: number;
  k: number;
}

/** Refuses probabilities outside [0, 1]. */
export function checkProbabilityRange(fn: string, name: string, values: Float64Array, cols: number): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 1 || values[i] < 0) {
      throw metricError(fn, `${name} value ${values[i]} (row ${Math.floor(i / cols)}) is outside [0, 1]; pass probabilities`, Math.floor(i / cols));
    }
  }
}

/**
 * scikit-learn's `_validate_multiclass_probabilistic_prediction`: classes are the sorted `labels`
 * (or the labels of yTrue), at least two; a flat yProba is P(classes[1]) and becomes [1 − p, p];
 * rows that do not sum to 1 only warn (no renormalisation).
 */
export function alignProbabilities(
  fn: string,
  yTrue: readonly Label[],
  block: NumericBlock,
  labels: readonly Label[] | undefined,
  onWarning: ((message: string) => void) | undefined,
): AlignedProbabilities {
  checkProbabilityRange(fn, "yProba", block.data, block.cols);
  if (block.rows !== yTrue.length) throw metricError(fn, `yProba has ${block.rows} rows but yTrue has ${yTrue.length} values`);
  let classes: Label[];
  if (labels !== undefined) {
    classes = sortedLabels(labels);
    if (labels.length !== classes.length || labels.some((label, i) => compareLabels(label, classes[i]) !== 0)) {
      onWarning?.(`${fn}: labels ${formatLabels(labels)} are not sorted; the columns of yProba are taken to follow the sorted labels ${formatLabels(classes)}`);
    }
    const known = new Set<Label>(classes);
    const unknown = sortedLabels(yTrue.filter((label) => !known.has(label)));
    if (unknown.length > 0) throw metricError(fn, `yTrue contains labels ${formatLabels(unknown)} that are not in the labels option ${formatLabels(classes)}`);
    if (classes.length < 2) throw optionError(fn, "labels", `labels must hold at least two labels; got ${formatLabels(classes)}`);
  } else {
    classes = sortedLabels(yTrue);
    if (classes.length < 2) {
      throw metricError(fn, `yTrue contains only one label (${JSON.stringify(classes[0])}); pass all expected class labels through the labels option`);
    }
  }
  const n = block.rows;
  let proba = block.data;
  let cols = block.cols;
  if (cols === 1) {
    proba = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      proba[2 * i] = 1 - block.data[i];
      proba[2 * i + 1] = block.data[i];
    }
    cols = 2;
  }
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let c = 0; c < cols; c++) total += proba[i * cols + c];
    // xpx.isclose(total, 1, rtol=sqrt(eps)) with its default atol 1e-8.
    if (!(Math.abs(total - 1) <= 1e-8 + Math.sqrt(Number.EPSILON))) {
      onWarning?.(`${fn}: the yProba values do not sum to one (row ${i}); make sure to pass probabilities`);
      break;
    }
  }
  if (classes.length !== cols) {
    throw metricError(
      fn,
      labels === undefined
        ? `yTrue holds ${classes.length} classes but yProba has ${cols} columns; pass the true labels through the labels option`
        : `the labels option holds ${classes.length} classes but yProba has ${cols} columns`,
    );
  }
  return { truth: oneHot(yTrue, classes), proba, n, k: cols };
}
