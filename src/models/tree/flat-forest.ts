import { TREE_LEAF, type TreeStructure } from "./tree-structure.js";

/**
 * All trees of a forest in one buffer of 16-byte node records: threshold (f32), feature, left
 * child, right child (absolute indices). Records follow each tree's pre-order, so a prediction
 * touches about one cache line per level and never calls into a tree, which matters most for
 * single rows, where a 1000-tree forest would otherwise miss the cache several times per node.
 *
 * Rows are float32, so `x <= threshold` (a float64 midpoint) holds exactly when `x` is at most
 * the largest float32 not above it; storing that float32 keeps every decision and halves the
 * record. A leaf is its own left and right child with threshold -Infinity, so rows can walk a
 * tree in lock-step without testing for leaves: a row that arrived stays put.
 */
export interface FlatForest {
  readonly roots: Int32Array;
  /** f32 view: threshold of record i at [4i] */
  readonly thresholds: Float32Array;
  /** i32 view of the same buffer: feature, left and right child of record i at [4i + 1..3] */
  readonly links: Int32Array;
  /** 1 where a split sends missing values right (only read for rows with NaN) */
  readonly missingRight: Uint8Array;
  /** valueStride values per record */
  readonly value: Float64Array;
  readonly valueStride: number;
}

export function flattenForest(trees: readonly TreeStructure[], valueStride: number): FlatForest {
  const builder = new FlatForestBuilder(trees.length, valueStride);
  builder.addBatch(0, trees);
  return builder.build();
}

/**
 * Lays out trees as they come, in any order: each tree's records go at the end of the buffer
 * and `roots` remembers where, so a forest can be flattened while its other trees still grow.
 */
export class FlatForestBuilder {
  private readonly roots: Int32Array;
  /** feature and children; the thresholds are a float32 view of the same buffer */
  private links = new Int32Array(0);
  private missingRight = new Uint8Array(0);
  private value = new Float64Array(0);
  private size = 0;
  private added = 0;
  private readonly stack: number[] = [];

  constructor(
    nTrees: number,
    private readonly valueStride: number,
  ) {
    this.roots = new Int32Array(nTrees);
  }

  /** Appends trees `from`, `from + 1`..., making room for all of them at once. */
  addBatch(from: number, trees: readonly TreeStructure[]): void {
    let records = this.size;
    for (const tree of trees) records += tree.nodeCount;
    this.reserve(records, trees.length);
    trees.forEach((tree, i) => this.append(from + i, tree));
  }

  /** Writes tree `t` at the end, renumbered in pre-order (a split's left child follows it); room is reserved. */
  private append(t: number, tree: TreeStructure): void {
    this.added++;
    const { links, missingRight, value, valueStride, stack } = this;
    const thresholds = new Float32Array(links.buffer);
    this.roots[t] = this.size;
    let next = this.size;
    // a split's right child is patched in when the right subtree starts
    stack.push(0, -1);
    while (stack.length > 0) {
      const rightOf = stack.pop()!;
      const node = stack.pop()!;
      const id = next++;
      if (rightOf >= 0) links[4 * rightOf + 3] = id;
      // an element loop: a subarray per node would allocate one view per node of the forest
      for (let k = 0; k < valueStride; k++) value[id * valueStride + k] = tree.value[node * valueStride + k];
      if (tree.left[node] === TREE_LEAF) {
        thresholds[4 * id] = -Infinity;
        links[4 * id + 1] = 0;
        links[4 * id + 2] = id;
        links[4 * id + 3] = id;
        continue;
      }
      thresholds[4 * id] = float32AtMost(tree.threshold[node]);
      links[4 * id + 1] = tree.feature[node];
      links[4 * id + 2] = id + 1;
      missingRight[id] = tree.missingLeft[node] === 1 ? 0 : 1;
      stack.push(tree.right[node], id, tree.left[node], -1);
    }
    this.size = next;
  }

  /** The forest; its buffers are trimmed to the records written unless little would be saved. */
  build(): FlatForest {
    const n = this.size;
    const trim = this.missingRight.length - n > n / 16;
    const links = trim ? this.links.slice(0, 4 * n) : this.links.subarray(0, 4 * n);
    return {
      roots: this.roots,
      thresholds: new Float32Array(links.buffer, links.byteOffset, 4 * n),
      links,
      missingRight: trim ? this.missingRight.slice(0, n) : this.missingRight.subarray(0, n),
      value: trim ? this.value.slice(0, n * this.valueStride) : this.value.subarray(0, n * this.valueStride),
      valueStride: this.valueStride,
    };
  }

  /**
   * Room for `records` records once `arriving` more trees are in. Capacity grows to the forest's
   * projected size (the trees so far scaled to all of them, plus 5%; exact when these are the
   * last), so a forest is usually laid out in one allocation and needs no trimming copy; past the
   * projection it grows by at least a quarter, so appends stay linear.
   */
  private reserve(records: number, arriving: number): void {
    const capacity = this.missingRight.length;
    if (records <= capacity) return;
    const trees = this.added + arriving;
    const projected = Math.ceil((records / trees) * this.roots.length * 1.05);
    const grown = trees >= this.roots.length ? records : Math.max(records, this.added === 0 ? projected : Math.max(projected, Math.ceil(capacity * 1.25)));
    const links = new Int32Array(4 * grown);
    links.set(this.links);
    this.links = links;
    const missingRight = new Uint8Array(grown);
    missingRight.set(this.missingRight);
    this.missingRight = missingRight;
    const value = new Float64Array(grown * this.valueStride);
    value.set(this.value);
    this.value = value;
  }
}

const f32Scratch = new Float32Array(1);
const f32Bits = new Int32Array(f32Scratch.buffer);
const SMALLEST_F32 = 1.401298464324817e-45;

/** The largest float32 that is not above `t`. */
function float32AtMost(t: number): number {
  const nearest = Math.fround(t);
  if (nearest <= t) return nearest;
  if (nearest === 0) return -SMALLEST_F32;
  // one float32 step toward -Infinity: the bit pattern shrinks for positives and grows for negatives
  f32Scratch[0] = nearest;
  f32Bits[0] += nearest > 0 ? -1 : 1;
  return f32Scratch[0];
}

/**
 * Mean of the trees' leaf values per row (rows x valueStride), summed in tree order as
 * scikit-learn accumulates them, then divided by the number of trees. `x` is float32, row-major.
 */
export function predictFlat(forest: FlatForest, x: Float32Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * forest.valueStride);
  const nanFree = !hasNaN(x);
  // Without NaN, blocks of eight rows walk each tree together, and the rows left over (all of
  // them below eight rows, e.g. a single record) walk eight trees at a time; rows with NaN
  // anywhere in the input walk one by one, following each split's stored direction.
  const blocked = nanFree ? rows - (rows % 8) : 0;
  const walked = nanFree ? blocked : rows;
  const leaves = new Int32Array(walked);
  const nTrees = forest.roots.length;
  for (let t = 0; t < nTrees; t++) {
    walkInLockStep(forest, forest.roots[t], x, blocked, cols, leaves);
    walkOneByOne(forest, forest.roots[t], x, blocked, walked, cols, leaves);
    addLeafValues(forest, leaves, out);
  }
  if (nanFree) for (let i = blocked; i < rows; i++) walkTreesInLockStep(forest, x, i * cols, out, i * forest.valueStride);
  for (let k = 0; k < out.length; k++) out[k] /= nTrees;
  return out;
}

function hasNaN(x: Float32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

/**
 * Leaves of NaN-free rows (`rows` a multiple of eight), eight rows at a time in branch-free
 * steps until none of them moves: the eight walks are independent, so their loads overlap
 * instead of each level waiting for the previous one, and no mispredicted branch discards that.
 */
function walkInLockStep(forest: FlatForest, root: number, x: Float32Array, rows: number, cols: number, leaves: Int32Array): void {
  const { thresholds: th, links: ln } = forest;
  for (let i = 0; i < rows; i += 8) {
    const b0 = i * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    const b4 = b3 + cols;
    const b5 = b4 + cols;
    const b6 = b5 + cols;
    const b7 = b6 + cols;
    let n0 = root, n1 = root, n2 = root, n3 = root, n4 = root, n5 = root, n6 = root, n7 = root;
    for (;;) {
      // index 4n + 2 is the left child, 4n + 3 the right one
      const m0 = ln[4 * n0 + 2 + +(x[b0 + ln[4 * n0 + 1]] > th[4 * n0])];
      const m1 = ln[4 * n1 + 2 + +(x[b1 + ln[4 * n1 + 1]] > th[4 * n1])];
      const m2 = ln[4 * n2 + 2 + +(x[b2 + ln[4 * n2 + 1]] > th[4 * n2])];
      const m3 = ln[4 * n3 + 2 + +(x[b3 + ln[4 * n3 + 1]] > th[4 * n3])];
      const m4 = ln[4 * n4 + 2 + +(x[b4 + ln[4 * n4 + 1]] > th[4 * n4])];
      const m5 = ln[4 * n5 + 2 + +(x[b5 + ln[4 * n5 + 1]] > th[4 * n5])];
      const m6 = ln[4 * n6 + 2 + +(x[b6 + ln[4 * n6 + 1]] > th[4 * n6])];
      const m7 = ln[4 * n7 + 2 + +(x[b7 + ln[4 * n7 + 1]] > th[4 * n7])];
      const moved = (m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3) | (m4 ^ n4) | (m5 ^ n5) | (m6 ^ n6) | (m7 ^ n7);
      n0 = m0; n1 = m1; n2 = m2; n3 = m3; n4 = m4; n5 = m5; n6 = m6; n7 = m7;
      if (moved === 0) break;
    }
    leaves[i] = n0; leaves[i + 1] = n1; leaves[i + 2] = n2; leaves[i + 3] = n3;
    leaves[i + 4] = n4; leaves[i + 5] = n5; leaves[i + 6] = n6; leaves[i + 7] = n7;
  }
}

/**
 * Adds to `out` from `o` on the leaf values of one NaN-free row (from `base` in x) in every tree,
 * in tree order: eight trees at a time in branch-free steps, as {@link walkInLockStep} does with
 * eight rows, so that the eight walks' loads overlap (a lone row would otherwise wait for each
 * level of each tree in turn); the last trees one by one. The step is written out in both
 * functions: one shared through an array of lanes made a single row 40% slower.
 */
function walkTreesInLockStep(forest: FlatForest, x: Float32Array, base: number, out: Float64Array, o: number): void {
  const { roots, thresholds: th, links: ln, value, valueStride } = forest;
  const nTrees = roots.length;
  const grouped = nTrees - (nTrees % 8);
  for (let t = 0; t < grouped; t += 8) {
    let n0 = roots[t], n1 = roots[t + 1], n2 = roots[t + 2], n3 = roots[t + 3];
    let n4 = roots[t + 4], n5 = roots[t + 5], n6 = roots[t + 6], n7 = roots[t + 7];
    for (;;) {
      const m0 = ln[4 * n0 + 2 + +(x[base + ln[4 * n0 + 1]] > th[4 * n0])];
      const m1 = ln[4 * n1 + 2 + +(x[base + ln[4 * n1 + 1]] > th[4 * n1])];
      const m2 = ln[4 * n2 + 2 + +(x[base + ln[4 * n2 + 1]] > th[4 * n2])];
      const m3 = ln[4 * n3 + 2 + +(x[base + ln[4 * n3 + 1]] > th[4 * n3])];
      const m4 = ln[4 * n4 + 2 + +(x[base + ln[4 * n4 + 1]] > th[4 * n4])];
      const m5 = ln[4 * n5 + 2 + +(x[base + ln[4 * n5 + 1]] > th[4 * n5])];
      const m6 = ln[4 * n6 + 2 + +(x[base + ln[4 * n6 + 1]] > th[4 * n6])];
      const m7 = ln[4 * n7 + 2 + +(x[base + ln[4 * n7 + 1]] > th[4 * n7])];
      const moved = (m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3) | (m4 ^ n4) | (m5 ^ n5) | (m6 ^ n6) | (m7 ^ n7);
      n0 = m0; n1 = m1; n2 = m2; n3 = m3; n4 = m4; n5 = m5; n6 = m6; n7 = m7;
      if (moved === 0) break;
    }
    for (let k = 0; k < valueStride; k++) {
      out[o + k] += value[n0 * valueStride + k];
      out[o + k] += value[n1 * valueStride + k];
      out[o + k] += value[n2 * valueStride + k];
      out[o + k] += value[n3 * valueStride + k];
      out[o + k] += value[n4 * valueStride + k];
      out[o + k] += value[n5 * valueStride + k];
      out[o + k] += value[n6 * valueStride + k];
      out[o + k] += value[n7 * valueStride + k];
    }
  }
  for (let t = grouped; t < nTrees; t++) {
    let node = roots[t];
    let next = ln[4 * node + 2 + +(x[base + ln[4 * node + 1]] > th[4 * node])];
    while (next !== node) {
      node = next;
      next = ln[4 * node + 2 + +(x[base + ln[4 * node + 1]] > th[4 * node])];
    }
    for (let k = 0; k < valueStride; k++) out[o + k] += value[node * valueStride + k];
  }
}

/** Leaves of rows `from`..`rows`, which may hold NaN: it follows each split's stored direction. */
function walkOneByOne(forest: FlatForest, root: number, x: Float32Array, from: number, rows: number, cols: number, leaves: Int32Array): void {
  const { thresholds, links, missingRight } = forest;
  for (let i = from; i < rows; i++) {
    const base = i * cols;
    let node = root;
    let left = links[4 * node + 2];
    while (left !== node) {
      const v = x[base + links[4 * node + 1]];
      node = v <= thresholds[4 * node] || (v !== v && missingRight[node] === 0) ? left : links[4 * node + 3];
      left = links[4 * node + 2];
    }
    leaves[i] = node;
  }
}

function addLeafValues(forest: FlatForest, leaves: Int32Array, out: Float64Array): void {
  const { value, valueStride } = forest;
  for (let i = 0; i < leaves.length; i++) {
    const o = i * valueStride;
    const from = leaves[i] * valueStride;
    for (let k = 0; k < valueStride; k++) out[o + k] += value[from + k];
  }
}
