import type { Label } from "../core/labels.js";

/** Per-label sums of weights: true positives, predicted and true occurrences. */
export interface LabelCounts {
  tp: Float64Array;
  pred: Float64Array;
  true: Float64Array;
}

/**
 * Counts, for each of `labels`, Σw[y=ℓ ∧ ŷ=ℓ], Σw[ŷ=ℓ] and Σw[y=ℓ] (scikit-learn's
 * `multilabel_confusion_matrix` for 1-D targets). Samples whose labels are not listed add nothing.
 */
export function countLabels(yTrue: readonly Label[], yPred: readonly Label[], labels: readonly Label[], weights?: Float64Array): LabelCounts {
  const index = new Map<Label, number>();
  labels.forEach((label, i) => {
    if (!index.has(label)) index.set(label, i);
  });
  const k = labels.length;
  const tp = new Float64Array(k);
  const pred = new Float64Array(k);
  const truth = new Float64Array(k);
  addLabelCounts(yTrue, yPred, index, weights, tp, pred, truth);
  // A label listed twice gets the counts of its first position.
  labels.forEach((label, i) => {
    const first = index.get(label)!;
    if (first !== i) {
      tp[i] = tp[first];
      pred[i] = pred[first];
      truth[i] = truth[first];
    }
  });
  return { tp, pred, true: truth };
}

/**
 * Adds each sample's weight to the counts of its labels (alone in its function: see
 * docs/benchmarks.md, "Loops that stay optimized").
 */
function addLabelCounts(yTrue: readonly Label[], yPred: readonly Label[], index: Map<Label, number>, weights: Float64Array | undefined, tp: Float64Array, pred: Float64Array, truth: Float64Array): void {
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    const t = index.get(yTrue[i]);
    const p = index.get(yPred[i]);
    if (t !== undefined) truth[t] += w;
    if (p !== undefined) pred[p] += w;
    if (t !== undefined && t === p) tp[t] += w;
  }
}
