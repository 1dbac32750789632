import { descendingOrder } from "./descending-order.js";

/** Cumulative weighted false and true positives at each distinct score, scores descending. */
export interface ThresholdCounts {
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

/**
 * The core of scikit-learn's `confusion_matrix_at_thresholds`: drop zero-weight samples, sort
 * scores descending (stable), and at the last index of each run of equal scores record the
 * cumulative weight of positives (tps) and negatives (fps).
 */
export function thresholdCounts(positive: Uint8Array, scores: Float64Array, weights?: Float64Array): ThresholdCounts {
  let kept = scores.length;
  if (weights !== undefined) for (let i = 0; i < weights.length; i++) if (weights[i] === 0) kept--;
  const rows = new Uint32Array(kept);
  for (let i = 0, k = 0; i < scores.length; i++) if (weights === undefined || weights[i] !== 0) rows[k++] = i;
  const order = descendingOrder(scores, rows);
  const n = order.length;
  let groups = 0;
  for (let k = 0; k < n; k++) if (k === n - 1 || scores[order[k]] !== scores[order[k + 1]]) groups++;
  const fps = new Float64Array(groups);
  const tps = new Float64Array(groups);
  const thresholds = new Float64Array(groups);
  let tp = 0;
  let fp = 0;
  let g = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const w = weights === undefined ? 1 : weights[i];
    tp += positive[i] * w;
    if (weights !== undefined) fp += (1 - positive[i]) * w;
    if (k === n - 1 || scores[i] !== scores[order[k + 1]]) {
      tps[g] = tp;
      // Unweighted, scikit-learn derives fps from the position, not from a second cumulative sum.
      fps[g] = weights === undefined ? 1 + k - tp : fp;
      thresholds[g] = scores[i];
      g++;
    }
  }
  return { fps, tps, thresholds };
}
