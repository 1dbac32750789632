import { boxDistance, buildKdTree } from "./kd-tree.js";
import { principalAxes, project } from "./principal-axes.js";

/** At most this many projected coordinates filter candidates before an exact distance. */
const MAX_AXES = 24;
/** The tree splits along the first few projections, where the spread is. */
const TREE_AXES = 6;
const LEAF_SIZE = 32;
/** Projections added per filtering pass over a leaf's remaining candidates. */
const AXES_PER_PASS = 4;
const UNIT_ROUNDOFF = Number.EPSILON / 2;

/**
 * Exact k nearest neighbours of every row of a point set among the same rows (Euclidean), as
 * scikit-learn's `NearestNeighbors(n_neighbors=k).fit(X).kneighbors(X)` lists them: nearest
 * first, the row itself normally first of all; equal distances rank by row index.
 *
 * The distance that ranks is the squared difference summed feature by feature in column order
 * (the KD-tree's `rdist`). Everything else only skips rows that provably cannot rank: the rows are
 * projected onto approximate principal axes, where partial sums of squared differences are lower
 * bounds of the distance; a k-d tree over the first projections skips whole boxes, and the
 * remaining rows of a leaf are filtered a few projections at a time. A row is skipped only when
 * its lower bound, widened by the worst-case rounding of the projections, exceeds the current
 * k-th distance, so the result equals a full brute-force scan.
 */
export function kNeighborsWithin(data: Float64Array, rows: number, cols: number, k: number): Int32Array {
  const axes = principalAxes(data, rows, cols, Math.min(cols, MAX_AXES));
  const P = axes.count;
  const { coords, radius } = project(data, rows, cols, axes);
  const tree = buildKdTree(coords, rows, Math.min(P, TREE_AXES), LEAF_SIZE);
  const { order, start, end, firstLeaf } = tree;
  // Rows and projections copied in tree order, so that a leaf is one contiguous run.
  const x = new Float64Array(rows * cols);
  const z = new Float64Array(P * rows);
  for (let r = 0; r < rows; r++) {
    x.set(data.subarray(order[r] * cols, order[r] * cols + cols), r * cols);
    for (let t = 0; t < P; t++) z[t * rows + r] = coords[t * rows + order[r]];
  }
  const margin = roundingMargin(cols, P, axes.gramError, radius);

  const out = new Int32Array(rows * k);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  const query = new Float64Array(P);
  const stackNode = new Int32Array(64);
  const stackDist = new Float64Array(64);
  let maxLeaf = 0;
  for (let n = firstLeaf; n < start.length; n++) maxLeaf = Math.max(maxLeaf, end[n] - start[n]);
  const cand = new Int32Array(maxLeaf);
  const partial = new Float64Array(maxLeaf);
  for (let rq = 0; rq < rows; rq++) {
    const q = order[rq];
    const qBase = rq * cols;
    for (let t = 0; t < P; t++) query[t] = z[t * rows + rq];
    let filled = 0;
    let worstD = Infinity;
    let worstI = 0;
    let bound = Infinity;
    let top = 1;
    stackNode[0] = 0;
    stackDist[0] = 0;
    while (top > 0) {
      top--;
      const n = stackNode[top];
      if (stackDist[top] > bound) continue;
      if (n < firstLeaf) {
        // Visit the nearer child first (pushed last), so that the bound tightens early.
        const a = 2 * n + 1;
        const da = boxDistance(tree, a, query);
        const db = boxDistance(tree, a + 1, query);
        const near = da <= db ? a : a + 1;
        const far = near === a ? a + 1 : a;
        const dNear = near === a ? da : db;
        const dFar = near === a ? db : da;
        if (!(dFar > bound)) {
          stackNode[top] = far;
          stackDist[top++] = dFar;
        }
        if (!(dNear > bound)) {
          stackNode[top] = near;
          stackDist[top++] = dNear;
        }
        continue;
      }
      const s = start[n];
      const len = end[n] - s;
      for (let i = 0; i < len; i++) {
        const g = z[s + i] - query[0];
        partial[i] = g * g;
      }
      let t = 1;
      let live = len;
      for (let i = 0; i < len; i++) cand[i] = s + i;
      // Filter passes: add a few projections, keep the rows still under the bound. Comparisons
      // are written `!(x > bound)` so that a NaN keeps the row.
      while (live > 0 && t < P) {
        const stop = t === 1 ? Math.min(P, tree.dims) : Math.min(P, t + AXES_PER_PASS);
        for (; t < stop; t++) {
          const o = t * rows;
          const v = query[t];
          for (let i = 0; i < live; i++) {
            const g = z[o + cand[i]] - v;
            partial[i] += g * g;
          }
        }
        let kept = 0;
        for (let i = 0; i < live; i++) {
          cand[kept] = cand[i];
          partial[kept] = partial[i];
          kept += partial[i] > bound ? 0 : 1;
        }
        live = kept;
      }
      for (let c = 0; c < live; c++) {
        const r = cand[c];
        const rBase = r * cols;
        const j = order[r];
        // The exact distance; a partial sum already past the k-th (or tied with a larger index) loses.
        let sum = 0;
        let f = 0;
        let loses = false;
        while (f < cols) {
          const stop = f + 8 < cols ? f + 8 : cols;
          for (; f < stop; f++) {
            const d = x[qBase + f] - x[rBase + f];
            sum += d * d;
          }
          if (sum > worstD || (sum === worstD && j > worstI)) {
            loses = true;
            break;
          }
        }
        if (loses) continue;
        let p = filled === k ? k - 1 : filled++;
        while (p > 0 && (bestD[p - 1] > sum || (bestD[p - 1] === sum && bestI[p - 1] > j))) {
          bestD[p] = bestD[p - 1];
          bestI[p] = bestI[p - 1];
          p--;
        }
        bestD[p] = sum;
        bestI[p] = j;
        if (filled === k) {
          worstD = bestD[k - 1];
          worstI = bestI[k - 1];
          bound = margin(worstD);
        }
      }
    }
    out.set(bestI.subarray(0, k), q * k);
  }
  return out;
}

/**
 * The largest projected partial sum a row can have while its exact distance is still at most
 * `worst`. Projections of a difference are at most its length times sqrt(1 + gramError); each
 * projected coordinate carries an absolute rounding error below (cols + 1) u times the largest
 * distance from the mean; sums of squares carry relative errors below (cols + axes + 4) u. The
 * factors below are generous multiples of these; the last term covers underflow in squares.
 */
function roundingMargin(cols: number, axes: number, gramError: number, radius: number): (worst: number) => number {
  const relative = 8 * (cols + axes + 4) * UNIT_ROUNDOFF + gramError;
  const absolute = 4 * Math.sqrt(axes) * (cols + 2) * UNIT_ROUNDOFF * radius * (1 + relative);
  return (worst) => {
    const root = (1 + relative) * Math.sqrt(worst) + absolute;
    return root * root * (1 + relative) + 1e-300;
  };
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
