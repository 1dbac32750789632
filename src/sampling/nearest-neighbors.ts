import { boxGap, buildKdTree, kdTreeNodes, type KdTree } from "./kd-tree.js";
import { PairKernels } from "./pair-kernels.js";
import { principalAxes, project } from "./principal-axes.js";
import { RoundingMargin } from "./rounding-margin.js";
import { scalarPairScan } from "./scalar-pair-scan.js";

/**
 * At most this many projected coordinates filter candidates before an exact distance in the
 * plain scan, which adds them four at a time and stops early; the WebAssembly scan bounds on
 * all of its (fewer) axes at once.
 */
const SCALAR_AXES = 24;
/** The tree splits along the first few projections, where the spread is. */
const SPLIT_AXES = 6;
const LEAF_SIZE = 64;

/** Which pair scan measures: WebAssembly where it runs ("auto"), or plain JavaScript. */
export type PairScanEngine = "auto" | "scalar";

/**
 * How the search measures the pairs of two leaves. Both engines offer every pair that may rank
 * to exact lists, so they return the same neighbours; they differ only in speed.
 */
export interface LeafScanner {
  /** Per tree row, the current threshold: its widened k-th distance, Infinity until it has k. */
  readonly bound: Float64Array;
  /** Measures a leaf's rows against their next leaf mates, so that each has a threshold. */
  seed(leaf: number): void;
  /** Offers every pair of a row of leaf a and a row of leaf b that may rank for either row. */
  scan(a: number, b: number, gapBound: number): void;
  /** Every row's k neighbours (row indices, nearest first) in the rows' own order; ends the scan. */
  neighbors(order: Int32Array): Int32Array;
}

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
 * a full brute-force scan. The pairs of two leaves are measured in WebAssembly where it runs
 * (pair-kernels.ts), else in plain JavaScript (scalar-pair-scan.ts), with the same result.
 */
export function kNeighborsWithin(data: Float64Array, rows: number, cols: number, k: number, engine: PairScanEngine = "auto"): Int32Array {
  const kernels = engine === "auto" ? PairKernels.create(data, rows, cols, k, kdTreeNodes(rows, LEAF_SIZE)) : null;
  const axes = principalAxes(data, rows, cols, Math.min(cols, kernels ? PairKernels.MAX_AXES : SCALAR_AXES), kernels?.multiply);
  const P = axes.count;
  const { coords, radius } = kernels ? kernels.project(axes) : project(data, rows, cols, axes);
  const tree = buildKdTree(coords, rows, P, Math.min(P, SPLIT_AXES), LEAF_SIZE);
  const margin = new RoundingMargin(cols, P, axes.gramError, radius);
  const scanner = kernels ? kernels.scanner(tree, coords, margin) : scalarPairScan(data, coords, tree, cols, k, margin);
  visitLeafPairs(tree, scanner);
  return scanner.neighbors(tree.order);
}

/**
 * Each leaf with itself, then, bottom-up, every node's left leaves against its right subtree,
 * nearest box first, skipping subtrees whose box lies beyond both sides' largest threshold.
 */
function visitLeafPairs(tree: KdTree, scanner: LeafScanner): void {
  const { start, end, firstLeaf } = tree;
  const { bound } = scanner;
  const nodes = start.length;
  // Per node, the largest candidate threshold of its rows; a parent holds the larger of its children's.
  const nodeBound = new Float64Array(nodes).fill(Infinity);
  const refresh = (leaf: number): void => {
    let m = -Infinity;
    for (let r = start[leaf]; r < end[leaf]; r++) m = Math.max(m, bound[r]);
    nodeBound[leaf] = m;
    for (let n = leaf; n > 0; ) {
      n = (n - 1) >> 1;
      const both = Math.max(nodeBound[2 * n + 1], nodeBound[2 * n + 2]);
      if (both === nodeBound[n]) break;
      nodeBound[n] = both;
    }
  };
  for (let a = firstLeaf; a < nodes; a++) {
    scanner.seed(a);
    scanner.scan(a, a, nodeBound[a]);
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
            scanner.scan(a, n, nodeBound[n]);
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
