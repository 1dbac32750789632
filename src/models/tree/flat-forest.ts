import { TREE_LEAF, type TreeStructure } from "./tree-structure.js";

/**
 * All trees of a forest in one set of arrays (children as absolute indices), so predicting walks
 * one flat layout instead of calling into each tree: this matters most for single rows, where
 * per-tree overhead would dominate.
 */
export interface FlatForest {
  readonly roots: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly value: Float64Array;
  readonly valueStride: number;
}

export function flattenForest(trees: readonly TreeStructure[], valueStride: number): FlatForest {
  let total = 0;
  for (const tree of trees) total += tree.nodeCount;
  const roots = new Int32Array(trees.length);
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const feature = new Int32Array(total);
  const threshold = new Float64Array(total);
  const missingLeft = new Uint8Array(total);
  const value = new Float64Array(total * valueStride);
  let offset = 0;
  trees.forEach((tree, t) => {
    roots[t] = offset;
    for (let node = 0; node < tree.nodeCount; node++) {
      const id = offset + node;
      const isLeaf = tree.left[node] === TREE_LEAF;
      left[id] = isLeaf ? TREE_LEAF : offset + tree.left[node];
      right[id] = isLeaf ? TREE_LEAF : offset + tree.right[node];
    }
    feature.set(tree.feature, offset);
    threshold.set(tree.threshold, offset);
    missingLeft.set(tree.missingLeft, offset);
    value.set(tree.value, offset * valueStride);
    offset += tree.nodeCount;
  });
  return { roots, left, right, feature, threshold, missingLeft, value, valueStride };
}

/**
 * Mean of the trees' leaf values per row (rows x valueStride), summed in tree order as
 * scikit-learn accumulates them, then divided by the number of trees. `x` is float32, row-major.
 */
export function predictFlat(forest: FlatForest, x: Float32Array, rows: number, cols: number): Float64Array {
  const { roots, left, right, feature, threshold, missingLeft, value, valueStride } = forest;
  const out = new Float64Array(rows * valueStride);
  const nTrees = roots.length;
  for (let t = 0; t < nTrees; t++) {
    const root = roots[t];
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      let node = root;
      let l = left[node];
      while (l !== TREE_LEAF) {
        const v = x[base + feature[node]];
        node = v <= threshold[node] ? l : v !== v && missingLeft[node] === 1 ? l : right[node];
        l = left[node];
      }
      const o = i * valueStride;
      const from = node * valueStride;
      for (let k = 0; k < valueStride; k++) out[o + k] += value[from + k];
    }
  }
  for (let k = 0; k < out.length; k++) out[k] /= nTrees;
  return out;
}
