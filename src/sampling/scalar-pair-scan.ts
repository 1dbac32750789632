import { inRowOrder, pointGap, type KdTree } from "./kd-tree.js";
import type { LeafScanner } from "./nearest-neighbors.js";
import { NeighborLists } from "./neighbor-lists.js";
import type { RoundingMargin } from "./rounding-margin.js";

/**
 * The search's pair scan in plain JavaScript (where WebAssembly is unavailable): a leaf pair's
 * rows are filtered on four projected coordinates at a time, then measured exactly.
 */
export function scalarPairScan(data: Float64Array, coords: Float64Array, tree: KdTree, cols: number, k: number, margin: RoundingMargin): ScalarPairScan {
  const rows = tree.order.length;
  const P = tree.dims;
  // The projections are padded with zeros to whole groups of four, which a scan adds at a time.
  const stride = 4 * Math.ceil(P / 4);
  const x = new Float64Array(rows * cols);
  const z = new Float64Array(rows * stride);
  copyInTreeOrder(data, coords, tree.order, cols, P, x, z);
  let widestLeaf = 0;
  for (let n = tree.firstLeaf; n < tree.start.length; n++) widestLeaf = Math.max(widestLeaf, tree.end[n] - tree.start[n]);
  const lists = new NeighborLists(rows, k, margin);
  return new ScalarPairScan(x, z, cols, stride, tree, lists, new Int32Array(2 * widestLeaf), new Float64Array(2 * widestLeaf), k - 1);
}

/**
 * Rows (into x) and projections (into z, `z.length / rows` values a row) copied in tree order,
 * row-major, so that a leaf is one contiguous run (a function of its own so that V8's
 * optimization of this loop does not stop at the next).
 */
function copyInTreeOrder(data: Float64Array, coords: Float64Array, order: Int32Array, cols: number, P: number, x: Float64Array, z: Float64Array): void {
  const rows = order.length;
  const stride = z.length / rows;
  for (let r = 0; r < rows; r++) {
    x.set(data.subarray(order[r] * cols, order[r] * cols + cols), r * cols);
    for (let t = 0; t < P; t++) z[r * stride + t] = coords[t * rows + order[r]];
  }
}

/**
 * The tree-order data a leaf-pair scan reads, and the lists it fills. (A class, like KdTree, so
 * that its shape stays the one the scan's optimized code was built for.)
 */
export class ScalarPairScan implements LeafScanner {
  constructor(
    readonly x: Float64Array,
    readonly z: Float64Array,
    readonly cols: number,
    /** Values per row of z. */
    readonly stride: number,
    readonly tree: KdTree,
    readonly lists: NeighborLists,
    /** Scratch for two rows' candidates in a leaf (one per half) and their partial sums. */
    readonly cand: Int32Array,
    readonly partial: Float64Array,
    /** Within a leaf, every row is measured unfiltered against this many rows after it. */
    readonly band: number,
  ) {}

  get bound(): Float64Array {
    return this.lists.bound;
  }

  seed(leaf: number): void {
    seedLeaf(this, leaf);
  }

  scan(a: number, b: number, gapBound: number): void {
    scanLeafPair(this, a, b, gapBound);
  }

  neighbors(order: Int32Array): Int32Array {
    return inRowOrder(this.lists.index, order, this.lists.k);
  }
}

/**
 * Measures every row of leaf a against itself and the `band` rows after it, unfiltered: before
 * the leaf's own scan, each row then has k distances from leaf mates, so a finite threshold,
 * where an unfiltered scan of the whole leaf would measure most of its pairs exactly.
 */
function seedLeaf(search: ScalarPairScan, a: number): void {
  const { tree, cand, band } = search;
  const last = tree.end[a] - 1;
  for (let q = tree.start[a]; q <= last; q++) {
    const count = Math.min(band, last - q) + 1;
    for (let i = 0; i < count; i++) cand[i] = q + i;
    measurePairs(search, q, 0, count);
  }
}

/**
 * Offers every pair (q of leaf a, r of leaf b) that may rank for q or for r to both rows' lists
 * (within one leaf, each pair past the seeded band once). Rows of leaf a go two at a time
 * through the first pass, which then loads each row of b once for both. Comparisons are written
 * so that a NaN keeps the pair, and as arithmetic rather than branches, which would mispredict.
 */
function scanLeafPair(search: ScalarPairScan, a: number, b: number, gapBound: number): void {
  const { z, stride, tree, lists, cand, partial, band } = search;
  const { start, end } = tree;
  const { bound } = lists;
  const qEnd = end[a];
  const rEnd = end[b];
  const lane = cand.length >> 1;
  for (let q0 = start[a]; q0 < qEnd; q0 += 2) {
    const q1 = q0 + 1 < qEnd ? q0 + 1 : q0;
    // A row whose gap to the other leaf's box exceeds the threshold has no pair there; within a
    // leaf, row q pairs with the rows after its seeded band.
    const skip0 = a !== b && pointGap(tree, z, q0 * stride, b) > Math.max(bound[q0], gapBound);
    const skip1 = q1 === q0 || (a !== b && pointGap(tree, z, q1 * stride, b) > Math.max(bound[q1], gapBound));
    const from0 = skip0 ? rEnd : a === b ? q0 + band + 1 : start[b];
    const from1 = skip1 ? rEnd : a === b ? q1 + band + 1 : start[b];
    const b0 = bound[q0];
    const b1 = bound[q1];
    const z0 = q0 * stride;
    const z1 = q1 * stride;
    const u0 = z[z0];
    const u1 = z[z0 + 1];
    const u2 = z[z0 + 2];
    const u3 = z[z0 + 3];
    const w0 = z[z1];
    const w1 = z[z1 + 1];
    const w2 = z[z1 + 2];
    const w3 = z[z1 + 3];
    let live0 = 0;
    let live1 = lane;
    for (let r = Math.min(from0, from1); r < rEnd; r++) {
      const rz = r * stride;
      const c0 = z[rz];
      const c1 = z[rz + 1];
      const c2 = z[rz + 2];
      const c3 = z[rz + 3];
      const br = bound[r];
      const g0 = c0 - u0;
      const g1 = c1 - u1;
      const g2 = c2 - u2;
      const g3 = c3 - u3;
      const sum0 = g0 * g0 + g1 * g1 + g2 * g2 + g3 * g3;
      const h0 = c0 - w0;
      const h1 = c1 - w1;
      const h2 = c2 - w2;
      const h3 = c3 - w3;
      const sum1 = h0 * h0 + h1 * h1 + h2 * h2 + h3 * h3;
      cand[live0] = r;
      partial[live0] = sum0;
      live0 += (+!(sum0 > b0) | +!(sum0 > br)) & +(r >= from0);
      cand[live1] = r;
      partial[live1] = sum1;
      live1 += (+!(sum1 > b1) | +!(sum1 > br)) & +(r >= from1);
    }
    finishPairs(search, q0, 0, live0);
    finishPairs(search, q1, lane, live1 - lane);
  }
}

/**
 * The rest for row q's candidates `cand[from .. from + live)`, whose first four projections are
 * summed in `partial`: passes that add four more projections to every live pair and keep those
 * under the threshold, then the exact distances of the pairs left.
 */
function finishPairs(search: ScalarPairScan, q: number, from: number, live: number): void {
  const { z, stride, lists, cand, partial } = search;
  const { bound } = lists;
  const bq = bound[q];
  const qz = q * stride;
  let end = from + live;
  for (let t = 4; t < stride && end > from; t += 4) {
    const v0 = z[qz + t];
    const v1 = z[qz + t + 1];
    const v2 = z[qz + t + 2];
    const v3 = z[qz + t + 3];
    let kept = from;
    for (let i = from; i < end; i++) {
      const r = cand[i];
      const rz = r * stride + t;
      const g0 = z[rz] - v0;
      const g1 = z[rz + 1] - v1;
      const g2 = z[rz + 2] - v2;
      const g3 = z[rz + 3] - v3;
      const sum = partial[i] + g0 * g0 + g1 * g1 + g2 * g2 + g3 * g3;
      cand[kept] = r;
      partial[kept] = sum;
      kept += +!(sum > bq) | +!(sum > bound[r]);
    }
    end = kept;
  }
  measurePairs(search, q, from, end);
}

/**
 * The exact distances from tree row q to the rows `cand[from .. end)`, offered to both rows'
 * lists, four at a time so that their sums, each a chain of dependent additions, run side by
 * side (the last pair fills a short group; it is offered once).
 */
function measurePairs(search: ScalarPairScan, q: number, from: number, end: number): void {
  const { x, cols, tree, lists, cand } = search;
  const order = tree.order;
  const qx = q * cols;
  const qRow = order[q];
  const last = end - 1;
  for (let i = from; i < end; i += 4) {
    const r0 = cand[i];
    const r1 = cand[i + 1 < last ? i + 1 : last];
    const r2 = cand[i + 2 < last ? i + 2 : last];
    const r3 = cand[i + 3 < last ? i + 3 : last];
    const o0 = r0 * cols - qx;
    const o1 = r1 * cols - qx;
    const o2 = r2 * cols - qx;
    const o3 = r3 * cols - qx;
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (let c = qx; c < qx + cols; c++) {
      const v = x[c];
      const d0 = v - x[o0 + c];
      const d1 = v - x[o1 + c];
      const d2 = v - x[o2 + c];
      const d3 = v - x[o3 + c];
      sum0 += d0 * d0;
      sum1 += d1 * d1;
      sum2 += d2 * d2;
      sum3 += d3 * d3;
    }
    offerBoth(lists, q, qRow, r0, order[r0], sum0);
    if (i + 1 < end) offerBoth(lists, q, qRow, r1, order[r1], sum1);
    if (i + 2 < end) offerBoth(lists, q, qRow, r2, order[r2], sum2);
    if (i + 3 < end) offerBoth(lists, q, qRow, r3, order[r3], sum3);
  }
}

/** Offers the pair of tree rows q and r, at distance d, to both rows' lists (once if q is r). */
function offerBoth(lists: NeighborLists, q: number, qRow: number, r: number, rRow: number, d: number): void {
  lists.offer(q, d, rRow);
  if (r !== q) lists.offer(r, d, qRow);
}
