/**
 * A balanced k-d tree over a set of coordinates (stored axis-major, `coords[t * rows + i]`):
 * node n has children 2n + 1 and 2n + 2, each node splits its rows at the median of its widest
 * coordinate among the first `splitDims`, and every node keeps the bounding box of its rows along
 * all `dims` coordinates.
 */
export class KdTree {
  constructor(
    /** Rows in tree order: node n holds `order[start[n] .. end[n])`. */
    readonly order: Int32Array,
    readonly start: Int32Array,
    readonly end: Int32Array,
    /** Box of node n: `lo[n * dims + t] .. hi[n * dims + t]`. */
    readonly lo: Float64Array,
    readonly hi: Float64Array,
    readonly dims: number,
    /** Nodes from this index on are leaves. */
    readonly firstLeaf: number,
  ) {}
}

// A class rather than an object literal: the search's optimized code depends on the tree's shape,
// and V8 discarded that code once when a literal built by optimized code took the shape's place.

/** How many nodes buildKdTree makes for `rows` rows: halving until a leaf would hold fewer than leafSize. */
export function kdTreeNodes(rows: number, leafSize: number): number {
  let levels = 1;
  while (rows >> levels >= leafSize && levels < 24) levels++;
  return (1 << levels) - 1;
}

export function buildKdTree(coords: Float64Array, rows: number, dims: number, splitDims: number, leafSize: number): KdTree {
  const nodes = kdTreeNodes(rows, leafSize);
  const firstLeaf = (nodes - 1) >> 1;
  const start = new Int32Array(nodes);
  const end = new Int32Array(nodes);
  const lo = new Float64Array(nodes * dims);
  const hi = new Float64Array(nodes * dims);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  end[0] = rows;
  for (let n = 0; n < firstLeaf; n++) {
    const s = start[n];
    const e = end[n];
    // The node's box on the split coordinates only, for now (its full box comes from its children's).
    rowsBox(coords, rows, order, s, e, splitDims, lo, hi, n * dims);
    const widest = widestSpread(lo, hi, n * dims, splitDims);
    const mid = (s + e) >> 1;
    selectNth(order, coords.subarray(widest * rows, (widest + 1) * rows), s, e - 1, mid);
    start[2 * n + 1] = s;
    end[2 * n + 1] = mid;
    start[2 * n + 2] = mid;
    end[2 * n + 2] = e;
  }
  // Boxes: the leaves' from their rows, every other node's as the union of its children's.
  for (let n = firstLeaf; n < nodes; n++) rowsBox(coords, rows, order, start[n], end[n], dims, lo, hi, n * dims);
  for (let n = firstLeaf - 1; n >= 0; n--) unionBox(lo, hi, dims, n);
  return new KdTree(order, start, end, lo, hi, dims, firstLeaf);
}

// Each loop nest below is alone in its function: see docs/benchmarks.md, "Loops that stay optimized".

/** The first of the `count` coordinates of the box at `at` along which it is widest. */
function widestSpread(lo: Float64Array, hi: Float64Array, at: number, count: number): number {
  let widest = 0;
  let spread = -1;
  for (let t = 0; t < count; t++) {
    if (hi[at + t] - lo[at + t] > spread) {
      spread = hi[at + t] - lo[at + t];
      widest = t;
    }
  }
  return widest;
}

/** The bounding box of the rows order[s .. e) along the first `dims` coordinates, into lo/hi from index `at`. */
function rowsBox(coords: Float64Array, rows: number, order: Int32Array, s: number, e: number, dims: number, lo: Float64Array, hi: Float64Array, at: number): void {
  for (let t = 0; t < dims; t++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = s; i < e; i++) {
      const v = coords[t * rows + order[i]];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    lo[at + t] = min;
    hi[at + t] = max;
  }
}

/** Node n's box as the union of its children's (2n + 1 and 2n + 2). */
function unionBox(lo: Float64Array, hi: Float64Array, dims: number, n: number): void {
  const a = (2 * n + 1) * dims;
  const b = a + dims;
  for (let t = 0; t < dims; t++) {
    lo[n * dims + t] = Math.min(lo[a + t], lo[b + t]);
    hi[n * dims + t] = Math.max(hi[a + t], hi[b + t]);
  }
}

/**
 * Squared distance between the boxes of nodes a and b (0 where they overlap): no sum of squared
 * coordinate differences between a row of a and a row of b is smaller, rounding included, because
 * rounded subtraction, squaring and addition are monotone.
 */
export function boxGap(tree: KdTree, a: number, b: number): number {
  const { lo, hi, dims } = tree;
  const oa = a * dims;
  const ob = b * dims;
  let sum = 0;
  for (let t = 0; t < dims; t++) {
    const gap = positivePart(lo[ob + t] - hi[oa + t]) + positivePart(lo[oa + t] - hi[ob + t]);
    sum += gap * gap;
  }
  return sum;
}

/**
 * Squared distance from a point to node b's box, the point's coordinates from `z[base]` on: like
 * boxGap, a lower bound of the point's sum of squared differences to any row of b, rounding
 * included.
 */
export function pointGap(tree: KdTree, z: Float64Array, base: number, b: number): number {
  const { lo, hi, dims } = tree;
  const ob = b * dims;
  let sum = 0;
  for (let t = 0; t < dims; t++) {
    const v = z[base + t];
    const gap = positivePart(lo[ob + t] - v) + positivePart(v - hi[ob + t]);
    sum += gap * gap;
  }
  return sum;
}

/**
 * max(x, 0) without a branch (a data-dependent branch mispredicts half the time here); exact,
 * since x + |x| is 2x or 0 (2x overflows only where x² would).
 */
export function positivePart(x: number): number {
  return (x + Math.abs(x)) * 0.5;
}

/** Hoare quickselect: afterwards no row in [left, nth) has a larger key than any row in [nth, right]. */
function selectNth(order: Int32Array, key: Float64Array, left: number, right: number, nth: number): void {
  while (right > left) {
    const pivot = key[order[(left + right) >> 1]];
    let i = left;
    let j = right;
    while (i <= j) {
      while (key[order[i]] < pivot) i++;
      while (key[order[j]] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else break;
  }
}

/** Per-tree-row lists of k values (`byTreeRow[r * k ..]`) rearranged into the rows' own order. */
export function inRowOrder(byTreeRow: Int32Array, order: Int32Array, k: number): Int32Array {
  const out = new Int32Array(order.length * k);
  for (let r = 0; r < order.length; r++) out.set(byTreeRow.subarray(r * k, r * k + k), order[r] * k);
  return out;
}
