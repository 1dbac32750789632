import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { checkLabelPair, checkWeights, metricError, optionError, sortedLabels, type LabelArray, type WarningOptions } from "./metric-input.js";

/** Options of `confusionMatrix`. */
export interface ConfusionMatrixOptions extends WarningOptions {
  /** Row/column order; by default the sorted labels of yTrue and yPred. Samples with other labels are left out. */
  labels?: readonly Label[];
  sampleWeight?: ArrayLike<number>;
  /** Divide by row sums ("true"), column sums ("pred") or the total ("all"); 0/0 gives 0. */
  normalize?: "true" | "pred" | "all" | null;
}

/**
 * The confusion matrix C (rows: true label, columns: predicted label), C[i][j] = Σw[y=ℓi ∧ ŷ=ℓj]
 * (scikit-learn's `confusion_matrix`).
 */
export function confusionMatrix(yTrueIn: LabelArray, yPredIn: LabelArray, options: ConfusionMatrixOptions = {}): Matrix {
  return confusionCounts("confusionMatrix", yTrueIn, yPredIn, options);
}

/** `confusionMatrix` for the metrics built on it: `fn` (the function the user called) names errors and warnings. */
export function confusionCounts(fn: string, yTrueIn: LabelArray, yPredIn: LabelArray, options: ConfusionMatrixOptions = {}): Matrix {
  const normalize = options.normalize ?? null;
  if (normalize !== null && normalize !== "true" && normalize !== "pred" && normalize !== "all") {
    throw optionError(fn, "normalize", `normalize must be "true", "pred", "all" or null; got ${JSON.stringify(normalize)}`);
  }
  const { yTrue, yPred } = checkLabelPair(fn, yTrueIn, yPredIn);
  const weights = checkWeights(fn, options.sampleWeight, yTrue.length);
  let labels: Label[];
  if (options.labels === undefined) {
    labels = sortedLabels(yTrue, yPred);
  } else {
    labels = [...options.labels];
    if (labels.length === 0) throw optionError(fn, "labels", "labels must hold at least one label");
    const inTrue = new Set<Label>(yTrue);
    if (!labels.some((label) => inTrue.has(label))) throw metricError(fn, "at least one of the given labels must occur in yTrue");
  }
  const k = labels.length;
  const index = new Map<Label, number>();
  labels.forEach((label, i) => index.set(label, i));
  const cm = pairCounts(yTrue, yPred, index, k, weights);
  if (normalize !== null) normalizeCounts(cm, k, normalize);
  if (k === 1) {
    options.onWarning?.(`${fn}: a single label was found in yTrue and yPred; pass all known labels through the labels option for the matrix to have the right shape`);
  }
  return new Matrix(cm, k, k);
}

function normalizeCounts(cm: Float64Array, k: number, normalize: "true" | "pred" | "all"): void {
  const divisors = new Float64Array(k * k);
  if (normalize === "all") {
    let total = 0;
    for (let i = 0; i < cm.length; i++) total += cm[i];
    divisors.fill(total);
  } else {
    for (let i = 0; i < k; i++) {
      let total = 0;
      for (let j = 0; j < k; j++) total += normalize === "true" ? cm[i * k + j] : cm[j * k + i];
      for (let j = 0; j < k; j++) divisors[normalize === "true" ? i * k + j : j * k + i] = total;
    }
  }
  // numpy's nan_to_num after 0/0: an empty row or column normalizes to zeros.
  for (let i = 0; i < cm.length; i++) cm[i] = divisors[i] === 0 ? 0 : cm[i] / divisors[i];
}

/**
 * The k x k (true, predicted) weight sums of the samples whose labels are both in `index` (alone
 * in its function: see docs/benchmarks.md, "Loops that stay optimized").
 */
function pairCounts(yTrue: readonly Label[], yPred: readonly Label[], index: Map<Label, number>, k: number, weights: Float64Array | undefined): Float64Array {
  const cm = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]);
    const p = index.get(yPred[i]);
    if (t !== undefined && p !== undefined) cm[t * k + p] += weights === undefined ? 1 : weights[i];
  }
  return cm;
}
