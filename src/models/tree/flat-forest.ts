import { TREE_LEAF, type TreeStructure } from "./tree-structure.js";

/**
 * All trees of a forest in one buffer of 16-byte node records, each tree renumbered in pre-order
 * so a left child always follows its parent: threshold (f64), then right child (absolute index,
 * -1 for a leaf) and feature (stored as ~f, negative, when NaN goes left). A prediction touches
 * about one cache line per level and never calls into a tree, which matters most for single
 * rows, where a 1000-tree forest would otherwise miss the cache several times per node.
 */
export interface FlatForest {
  readonly roots: Int32Array;
  /** f64 view: threshold of record i at [2i] */
  readonly thresholds: Float64Array;
  /** i32 view of the same buffer: right child and feature code of record i at [4i + 2], [4i + 3] */
  readonly links: Int32Array;
  /** valueStride values per record */
  readonly value: Float64Array;
  readonly valueStride: number;
}

export function flattenForest(trees: readonly TreeStructure[], valueStride: number): FlatForest {
  let total = 0;
  for (const tree of trees) total += tree.nodeCount;
  const buffer = new ArrayBuffer(total * 16);
  const thresholds = new Float64Array(buffer);
  const links = new Int32Array(buffer);
  const roots = new Int32Array(trees.length);
  const value = new Float64Array(total * valueStride);
  const stack: number[] = [];
  let next = 0;
  trees.forEach((tree, t) => {
    roots[t] = next;
    // pre-order walk; a split's right child is patched in when the right subtree starts
    stack.push(0, -1);
    while (stack.length > 0) {
      const rightOf = stack.pop()!;
      const node = stack.pop()!;
      const id = next++;
      if (rightOf >= 0) links[4 * rightOf + 2] = id;
      // an element loop: a subarray per node would allocate one view per node of the forest
      for (let k = 0; k < valueStride; k++) value[id * valueStride + k] = tree.value[node * valueStride + k];
      if (tree.left[node] === TREE_LEAF) {
        links[4 * id + 2] = TREE_LEAF;
        continue;
      }
      thresholds[2 * id] = tree.threshold[node];
      links[4 * id + 3] = tree.missingLeft[node] === 1 ? ~tree.feature[node] : tree.feature[node];
      stack.push(tree.right[node], id, tree.left[node], -1);
    }
  });
  return { roots, thresholds, links, value, valueStride };
}

/**
 * Mean of the trees' leaf values per row (rows x valueStride), summed in tree order as
 * scikit-learn accumulates them, then divided by the number of trees. `x` is float32, row-major.
 */
export function predictFlat(forest: FlatForest, x: Float32Array, rows: number, cols: number): Float64Array {
  const { roots, thresholds, links, value, valueStride } = forest;
  const out = new Float64Array(rows * valueStride);
  const nTrees = roots.length;
  for (let t = 0; t < nTrees; t++) {
    const root = roots[t];
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      let node = root;
      let r = links[4 * node + 2];
      while (r !== TREE_LEAF) {
        const code = links[4 * node + 3];
        const v = x[base + (code < 0 ? ~code : code)];
        node = v <= thresholds[2 * node] || (v !== v && code < 0) ? node + 1 : r;
        r = links[4 * node + 2];
      }
      const o = i * valueStride;
      const from = node * valueStride;
      for (let k = 0; k < valueStride; k++) out[o + k] += value[from + k];
    }
  }
  for (let k = 0; k < out.length; k++) out[k] /= nTrees;
  return out;
}
