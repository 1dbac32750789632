import { boxGap, buildKdTree, positivePart, type KdTree } from "./kd-tree.js";
import { NeighborLists } from "./neighbor-lists.js";
import { principalAxes, project } from "./principal-axes.js";

/** At most this many projected coordinates filter candidates before an exact distance. */
const MAX_AXES = 24;
/** The tree splits along the first few projections, where the spread is. */
const SPLIT_AXES = 6;
const LEAF_SIZE = 64;
const UNIT_ROUNDOFF = Number.EPSILON / 2;

/**
 * Exact k nearest neighbours of every row of a point set among the same rows (Euclidean), as
 * scikit-learn's `NearestNeighbors(n_neighbors=k).fit(X).kneighbors(X)` lists them: nearest
 * first, the row itself normally first of all; equal distances rank by row index.
 *
 * The distance that ranks is the squared difference summed feature by feature in column order
 * (the KD-tree's `rdist`); it is symmetric, so every pair is measured once and offered to both
 * rows. Everything else only skips pairs that provably cannot rank for either row: the rows are
 * projected onto approximate principal axes, where partial sums of squared differences are lower
 * bounds of the distance, and sorted into a k-d tree whose leaves are visited in pairs. Each leaf
 * first pairs with itself, which gives every row a k-th distance; then, bottom-up, each node's
 * left leaves meet its right subtree, nearest box first. A subtree is skipped when its box lies
 * farther than the largest k-th distance on either side, a row when its gap to the other leaf's
 * box does, and a pair as soon as its projected partial sum exceeds both rows' k-th distances.
 * Every threshold is widened by the worst-case rounding of the projections, so the result equals
 * a full brute-force scan.
 */
export function kNeighborsWithin(data: Float64Array, rows: number, cols: number, k: number): Int32Array {
  const axes = principalAxes(data, rows, cols, Math.min(cols, MAX_AXES));
  const P = axes.count;
  const { coords, radius } = project(data, rows, cols, axes);
  const tree = buildKdTree(coords, rows, P, Math.min(P, SPLIT_AXES), LEAF_SIZE);
  const { order, start, end, firstLeaf } = tree;
  // The projections are padded with zeros to whole groups of four, which a scan adds at a time.
  const stride = 4 * Math.ceil(P / 4);
  const x = new Float64Array(rows * cols);
  const z = new Float64Array(rows * stride);
  copyInTreeOrder(data, coords, order, cols, P, x, z);
  const lists = new NeighborLists(rows, k, new RoundingMargin(cols, P, axes.gramError, radius));
  let widestLeaf = 0;
  for (let n = firstLeaf; n < start.length; n++) widestLeaf = Math.max(widestLeaf, end[n] - start[n]);
  const nodes = start.length;
  // Per node, the largest candidate threshold of its rows; a parent holds the larger of its children's.
  const nodeBound = new Float64Array(nodes).fill(Infinity);
  const cand = new Int32Array(2 * widestLeaf);
  const partial = new Float64Array(2 * widestLeaf);
  const search = new PairSearch(x, z, cols, stride, tree, lists, cand, partial, nodeBound, k - 1);
  const refresh = (leaf: number): void => {
    let m = -Infinity;
    for (let r = start[leaf]; r < end[leaf]; r++) m = Math.max(m, lists.bound[r]);
    nodeBound[leaf] = m;
    for (let n = leaf; n > 0; ) {
      n = (n - 1) >> 1;
      const both = Math.max(nodeBound[2 * n + 1], nodeBound[2 * n + 2]);
      if (both === nodeBound[n]) break;
      nodeBound[n] = both;
    }
  };
  for (let a = firstLeaf; a < nodes; a++) {
    seedLeaf(search, a);
    scanLeafPair(search, a, a);
    refresh(a);
  }
  // Bottom-up: for every node, the pairs between its two halves, all nodes of one height before
  // the next, so that every row's k-th distance tightens before the farther pairs are scanned.
  const stackNode = new Int32Array(64);
  const stackGap = new Float64Array(64);
  for (let height = 1, first = firstLeaf; first > 0; height++) {
    const last = first;
    first = (first - 1) >> 1;
    for (let node = first; node < last; node++) {
      // The leaves under the left child, each against the right child.
      const leftLeaves = (2 * node + 2) * (1 << (height - 1)) - 1;
      for (let a = leftLeaves; a < leftLeaves + (1 << (height - 1)); a++) {
        let top = 1;
        stackNode[0] = 2 * node + 2;
        stackGap[0] = boxGap(tree, a, 2 * node + 2);
        while (top > 0) {
          top--;
          const n = stackNode[top];
          if (stackGap[top] > Math.max(nodeBound[a], nodeBound[n])) continue;
          if (n >= firstLeaf) {
            scanLeafPair(search, a, n);
            refresh(a);
            refresh(n);
            continue;
          }
          // Visit the nearer child first (pushed last), so that the thresholds tighten early.
          const c = 2 * n + 1;
          const gc = boxGap(tree, a, c);
          const gd = boxGap(tree, a, c + 1);
          const nearFirst = gc <= gd;
          stackNode[top] = nearFirst ? c + 1 : c;
          stackGap[top++] = nearFirst ? gd : gc;
          stackNode[top] = nearFirst ? c : c + 1;
          stackGap[top++] = nearFirst ? gc : gd;
        }
      }
    }
  }

  const out = new Int32Array(rows * k);
  for (let r = 0; r < rows; r++) out.set(lists.index.subarray(r * k, r * k + k), order[r] * k);
  return out;
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
class PairSearch {
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
    /** Per node, the largest candidate threshold of its rows. */
    readonly nodeBound: Float64Array,
    /** Within a leaf, every row is measured unfiltered against this many rows after it. */
    readonly band: number,
  ) {}
}

/** Squared distance from tree row q's projections to node b's box. */
function pointGap(search: PairSearch, q: number, b: number): number {
  const { z, stride } = search;
  const { lo, hi, dims: P } = search.tree;
  const qz = q * stride;
  const ob = b * P;
  let sum = 0;
  for (let t = 0; t < P; t++) {
    const v = z[qz + t];
    const gap = positivePart(lo[ob + t] - v) + positivePart(v - hi[ob + t]);
    sum += gap * gap;
  }
  return sum;
}

/**
 * Measures every row of leaf a against itself and the `band` rows after it, unfiltered: before
 * the leaf's own scan, each row then has k distances from leaf mates, so a finite threshold,
 * where an unfiltered scan of the whole leaf would measure most of its pairs exactly.
 */
function seedLeaf(search: PairSearch, a: number): void {
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
function scanLeafPair(search: PairSearch, a: number, b: number): void {
  const { z, stride, tree, lists, cand, partial, nodeBound, band } = search;
  const { start, end } = tree;
  const { bound } = lists;
  const qEnd = end[a];
  const rEnd = end[b];
  const lane = cand.length >> 1;
  for (let q0 = start[a]; q0 < qEnd; q0 += 2) {
    const q1 = q0 + 1 < qEnd ? q0 + 1 : q0;
    // A row whose gap to the other leaf's box exceeds the threshold has no pair there; within a
    // leaf, row q pairs with the rows after its seeded band.
    const skip0 = a !== b && pointGap(search, q0, b) > Math.max(bound[q0], nodeBound[b]);
    const skip1 = q1 === q0 || (a !== b && pointGap(search, q1, b) > Math.max(bound[q1], nodeBound[b]));
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
function finishPairs(search: PairSearch, q: number, from: number, live: number): void {
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
function measurePairs(search: PairSearch, q: number, from: number, end: number): void {
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

/**
 * The largest projected partial sum a row can have while its exact distance is still at most
 * `worst`. Projections of a difference are at most its length times sqrt(1 + gramError); each
 * projected coordinate carries an absolute rounding error below (cols + 1) u times the largest
 * distance from the mean; sums of squares carry relative errors below (cols + axes + 4) u. The
 * factors below are generous multiples of these; the last term covers underflow in squares. (A
 * class, not a closure: a fresh closure per search would deoptimize the code that calls it.)
 */
class RoundingMargin {
  private readonly relative: number;
  private readonly absolute: number;

  constructor(cols: number, axes: number, gramError: number, radius: number) {
    this.relative = 8 * (cols + axes + 4) * UNIT_ROUNDOFF + gramError;
    this.absolute = 4 * Math.sqrt(axes) * (cols + 2) * UNIT_ROUNDOFF * radius * (1 + this.relative);
  }

  widen(worst: number): number {
    const root = (1 + this.relative) * Math.sqrt(worst) + this.absolute;
    return root * root * (1 + this.relative) + 1e-300;
  }
}

/**
 * The k neighbours SMOTE interpolates towards: imbalanced-learn asks for k + 1 and drops the
 * first column, assumed to be the row itself.
 */
export function classNeighbors(data: Float64Array, rows: number, cols: number, k: number): Int32Array {
  const withSelf = kNeighborsWithin(data, rows, cols, k + 1);
  const out = new Int32Array(rows * k);
  for (let i = 0; i < rows; i++) out.set(withSelf.subarray(i * (k + 1) + 1, (i + 1) * (k + 1)), i * k);
  return out;
}
