import type { Label } from "../../core/labels.js";
import type { Matrix } from "../../core/matrix.js";
import { pairwiseSum } from "../../core/pairwise-sum.js";
import { TREE_LEAF, type TreeStructure } from "./tree-structure.js";

/** Row-major float32 copy of prediction rows: scikit-learn compares float32 values with the float64 thresholds. */
export function toFloat32Rows(x: Float64Array): Float32Array {
  return Float32Array.from(x);
}

/** The leaf each row of `x` (float32, row-major) lands in; NaN follows the node's stored direction. */
export function applyTree(tree: TreeStructure, x: Float32Array, rows: number, cols: number, out: Int32Array): Int32Array {
  for (let i = 0; i < rows; i++) out[i] = leafOf(tree, x, i * cols);
  return out;
}

function leafOf(tree: TreeStructure, x: Float32Array, base: number): number {
  const { left, right, feature, threshold, missingLeft } = tree;
  let node = 0;
  let l = left[0];
  while (l !== TREE_LEAF) {
    const v = x[base + feature[node]];
    node = v <= threshold[node] ? l : v !== v && missingLeft[node] === 1 ? l : right[node];
    l = left[node];
  }
  return node;
}

/**
 * Adds each row's leaf values to `out` (rows x valueStride, row-major): one tree's share of a
 * forest's average, or a single tree's prediction when `out` starts at zero. `x` is float32.
 */
export function addTreeValues(tree: TreeStructure, x: Float32Array, rows: number, cols: number, out: Float64Array): void {
  const { value, valueStride } = tree;
  for (let i = 0; i < rows; i++) {
    const from = leafOf(tree, x, i * cols) * valueStride;
    const o = i * valueStride;
    for (let k = 0; k < valueStride; k++) out[o + k] += value[from + k];
  }
}

/**
 * Mean decrease in impurity per feature (scikit-learn's `compute_feature_importances`): the
 * weighted impurity decrease of every split, divided by the root's weight, then normalised to
 * sum 1 when the total is positive.
 */
export function treeFeatureImportances(tree: TreeStructure, nFeatures: number, normalize = true): Float64Array {
  const { left, right, feature, impurity, weightedNNodeSamples: w } = tree;
  const out = new Float64Array(nFeatures);
  for (let node = 0; node < tree.nodeCount; node++) {
    if (left[node] === TREE_LEAF) continue;
    const l = left[node];
    const r = right[node];
    out[feature[node]] += w[node] * impurity[node] - w[l] * impurity[l] - w[r] * impurity[r];
  }
  for (let f = 0; f < nFeatures; f++) out[f] /= w[0];
  if (normalize) {
    const total = pairwiseSum(out);
    if (total > 0) for (let f = 0; f < nFeatures; f++) out[f] /= total;
  }
  return out;
}

/** Number of leaves. */
export function countLeaves(tree: TreeStructure): number {
  let n = 0;
  for (let node = 0; node < tree.nodeCount; node++) if (tree.left[node] === TREE_LEAF) n++;
  return n;
}

/** `classes[argmax]` per row of a probability matrix (numpy's first maximum). */
export function argmaxLabels(proba: Matrix, classes: readonly Label[]): Label[] {
  const K = proba.cols;
  const out = new Array<Label>(proba.rows);
  for (let i = 0; i < proba.rows; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (proba.data[i * K + k] > proba.data[i * K + best]) best = k;
    out[i] = classes[best];
  }
  return out;
}
