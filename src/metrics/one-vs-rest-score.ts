import type { Label } from "../core/labels.js";
import { weightedMean } from "./weighted-mean.js";

/** A binary metric of 0/1 truths and scores, as the one-vs-rest average calls it. */
export type BinaryScoreFunction = (positive: Uint8Array, scores: Float64Array, weights: Float64Array | undefined) => number;

/**
 * scikit-learn's `_average_binary_score` over the columns of an n x k indicator and score block
 * (row-major): "micro" scores all cells as one binary problem, "macro" averages the column
 * scores, "weighted" weights them by each column's (weighted) positives, null returns them all.
 */
export function oneVsRestScore(
  fn: string,
  indicator: Uint8Array,
  scores: Float64Array,
  n: number,
  k: number,
  average: "micro" | "macro" | "weighted" | null,
  weights: Float64Array | undefined,
  metric: BinaryScoreFunction,
): number | Float64Array {
  if (average === "micro") {
    let repeated: Float64Array | undefined;
    if (weights !== undefined) {
      repeated = new Float64Array(n * k);
      for (let i = 0; i < n; i++) repeated.fill(weights[i], i * k, (i + 1) * k);
    }
    return metric(indicator, scores, repeated);
  }
  let averageWeights: Float64Array | undefined;
  if (average === "weighted") {
    averageWeights = new Float64Array(k);
    let total = 0;
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < n; i++) averageWeights[c] += indicator[i * k + c] * (weights === undefined ? 1 : weights[i]);
      total += averageWeights[c];
    }
    // numpy's isclose(total, 0): nothing to weight by.
    if (Math.abs(total) <= 1e-8) return 0;
  }
  const perClass = new Float64Array(k);
  const positive = new Uint8Array(n);
  const column = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      positive[i] = indicator[i * k + c];
      column[i] = scores[i * k + c];
    }
    perClass[c] = metric(positive, column, weights);
  }
  if (average === null) return perClass;
  if (averageWeights !== undefined) {
    // A class without positives must not bring its NaN into the weighted mean.
    for (let c = 0; c < k; c++) if (averageWeights[c] === 0) perClass[c] = 0;
  }
  return weightedMean(fn, perClass, averageWeights);
}

/** The n x k 0/1 indicator of each sample's class among `classes` (scikit-learn's `label_binarize`). */
export function oneHot(labels: readonly Label[], classes: readonly Label[]): Uint8Array {
  const index = new Map<Label, number>(classes.map((label, c) => [label, c]));
  const k = classes.length;
  const out = new Uint8Array(labels.length * k);
  for (let i = 0; i < labels.length; i++) {
    const c = index.get(labels[i]);
    if (c !== undefined) out[i * k + c] = 1;
  }
  return out;
}
