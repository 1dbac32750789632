import { EmbeddedKernels, type KernelInstance } from "../core/embedded-wasm.js";
import { inRowOrder, type KdTree } from "./kd-tree.js";
import type { LeafScanner } from "./nearest-neighbors.js";
import { PAIR_KERNELS_BASE64 } from "./pair-kernels-binary.js";
import { covarianceSamples, rowProducts, type PrincipalAxes, type RowProducts } from "./principal-axes.js";
import { gramSlack, type RoundingMargin } from "./rounding-margin.js";

/** The exports of pair-kernels.wat. */
interface PairKernelExports {
  setup(
    x: number,
    zt: number,
    norm: number,
    order: number,
    dist: number,
    index: number,
    filled: number,
    worst: number,
    bound: number,
    cand: number,
    start: number,
    end: number,
    lo: number,
    hi: number,
    cols: number,
    axes: number,
    pitch: number,
    k: number,
    band: number,
    onePlusRelative: number,
    absolute: number,
    slack: number,
  ): void;
  project(x: number, rows: number, cols: number, mean: number, axesT: number, coords: number): number;
  seedLeaf(a: number): void;
  scanLeaves(a: number, b: number, gapBound: number): void;
}

/** Rows past the last that the kernels' groups of eight may read (and then ignore). */
const PADDING = 8;
const kernels = new EmbeddedKernels<PairKernelExports>(PAIR_KERNELS_BASE64);

/** Whether the WebAssembly kernels run here: their module compiles and an instance can be made. */
export function pairKernelsAvailable(): boolean {
  return kernels.available();
}

/** Byte offsets of the search's arrays in the kernels' memory (see pair-kernels.wat), and their end. */
type Layout = ReturnType<typeof layout>;

/**
 * The search in WebAssembly (pair-kernels.wat): the projections, then each row against a run of
 * rows, lower bounds in Gram form on all the projected axes at once, exact distances and the
 * neighbour lists, all in the module's memory.
 */
export class PairKernels {
  /** Most projected axes the kernels take: `project`'s eight two-lane accumulators (pair-kernels.wat). */
  static readonly MAX_AXES = 16;

  private readonly exports: PairKernelExports;

  private constructor(
    private readonly instance: KernelInstance<PairKernelExports>,
    private readonly rows: number,
    private readonly cols: number,
    private readonly k: number,
    private readonly at: Layout,
  ) {
    this.exports = instance.exports;
  }

  /**
   * The kernels with `data` (rows x cols) in their memory, with room for a tree of `nodes`
   * nodes; null where they are unavailable or the runtime cannot give them the memory.
   */
  static create(data: Float64Array, rows: number, cols: number, k: number, nodes: number): PairKernels | null {
    const at = layout(rows, cols, k, nodes);
    // Beyond what the runtime lets one module address, the plain scan, which has no such limit.
    const instance = kernels.take(at.bytes);
    if (instance === null) return null;
    new Float64Array(instance.memory.buffer, at.x, rows * cols).set(data);
    return new PairKernels(instance, rows, cols, k, at);
  }

  /**
   * RowProducts with the same values, through `project` with a zero mean: the rows of b sixteen
   * at a time as axes, in the scratch memory past the search's arrays (plain JavaScript for
   * products longer than the covariance's, which the search does not ask for).
   */
  readonly multiply: RowProducts = (a, aRows, b, bRows, length) => {
    const { exports, at } = this;
    const lanes = PairKernels.MAX_AXES;
    const bAt = at.scratch + 8 * aRows * length;
    const zerosAt = bAt + 8 * length * lanes;
    const outAt = zerosAt + 8 * length;
    if (outAt + 8 * lanes * aRows > at.bytes) return rowProducts(a, aRows, b, bRows, length);
    const buffer = this.instance.memory.buffer;
    new Float64Array(buffer, at.scratch, aRows * length).set(a.subarray(0, aRows * length));
    new Float64Array(buffer, zerosAt, length).fill(0);
    const bT = new Float64Array(buffer, bAt, length * lanes);
    const out = new Float64Array(aRows * bRows);
    for (let first = 0; first < bRows; first += lanes) {
      const n = Math.min(lanes, bRows - first);
      bT.fill(0);
      for (let t = 0; t < n; t++) for (let f = 0; f < length; f++) bT[f * lanes + t] = b[(first + t) * length + f];
      exports.project(at.scratch, aRows, length, zerosAt, bAt, outAt);
      out.set(new Float64Array(buffer, outAt, n * aRows), first * aRows);
    }
    return out;
  };

  /**
   * principal-axes.ts's `project`, with the same values. The coordinates are a view of the
   * kernels' memory.
   */
  project(pa: PrincipalAxes): { coords: Float64Array; radius: number } {
    const { exports, rows, cols, at } = this;
    const buffer = this.instance.memory.buffer;
    new Float64Array(buffer, at.mean, cols).set(pa.mean);
    // Zeros past the last axis (a kept instance holds the previous search's values there).
    const axesT = new Float64Array(buffer, at.axesT, cols * PairKernels.MAX_AXES).fill(0);
    for (let t = 0; t < pa.count; t++) for (let f = 0; f < cols; f++) axesT[f * PairKernels.MAX_AXES + t] = pa.axes[t * cols + f];
    const radius = Math.sqrt(exports.project(at.x, rows, cols, at.mean, at.axesT, at.coords));
    return { coords: new Float64Array(buffer, at.coords, pa.count * rows), radius };
  }

  /** The pair scan over the tree built on the projections. */
  scanner(tree: KdTree, coords: Float64Array, margin: RoundingMargin): KernelPairScan {
    const { exports, rows, k, at } = this;
    const buffer = this.instance.memory.buffer;
    const axes = tree.dims;
    const pitch = rows + PADDING;
    new Int32Array(buffer, at.order, rows).set(tree.order);
    new Int32Array(buffer, at.start, tree.start.length).set(tree.start);
    new Int32Array(buffer, at.end, tree.end.length).set(tree.end);
    new Float64Array(buffer, at.lo, tree.lo.length).set(tree.lo);
    new Float64Array(buffer, at.hi, tree.hi.length).set(tree.hi);
    new Int32Array(buffer, at.filled, rows).fill(0);
    // Zeros where a list stays short (k > rows), as in the plain scan.
    new Int32Array(buffer, at.index, rows * k).fill(0);
    new Float64Array(buffer, at.worst, rows).fill(Infinity);
    const bound = new Float64Array(buffer, at.bound, pitch).fill(Infinity);
    const maxNorm = projectInTreeOrder(coords, tree.order, axes, pitch, new Float64Array(buffer, at.zt, axes * pitch), new Float64Array(buffer, at.norm, pitch));
    exports.setup(at.x, at.zt, at.norm, at.order, at.dist, at.index, at.filled, at.worst, at.bound, at.cand, at.start, at.end, at.lo, at.hi, this.cols, axes, pitch, k, k - 1, margin.scale, margin.absolute, gramSlack(axes, maxNorm));
    return new KernelPairScan(this.instance, bound, new Int32Array(buffer, at.index, rows * k), k);
  }
}

/** The lists' side of the kernels: thresholds, leaf scans and, at the end, the neighbours. */
class KernelPairScan implements LeafScanner {
  private readonly exports: PairKernelExports;

  constructor(
    private readonly instance: KernelInstance<PairKernelExports>,
    /** Per tree row, the search's threshold (in the module's memory, kept by the kernels). */
    readonly bound: Float64Array,
    private readonly index: Int32Array,
    private readonly k: number,
  ) {
    this.exports = instance.exports;
  }

  seed(leaf: number): void {
    this.exports.seedLeaf(leaf);
  }

  scan(a: number, b: number, gapBound: number): void {
    this.exports.scanLeaves(a, b, gapBound);
  }

  /** The lists in the caller's row order; the instance is then handed back. */
  neighbors(order: Int32Array): Int32Array {
    const out = inRowOrder(this.index, order, this.k);
    kernels.give(this.instance);
    return out;
  }
}

/** The arrays one after another, doubles first, then 32-bit integers, so that every one is aligned; last, `multiply`'s scratch. */
function layout(rows: number, cols: number, k: number, nodes: number) {
  let bytes = 0;
  const take = (length: number, bytesEach: number): number => {
    const at = bytes;
    bytes += length * bytesEach;
    return at;
  };
  const pitch = rows + PADDING;
  const axes = PairKernels.MAX_AXES;
  // The principal axes' products (`multiply`): cols rows by the covariance sample's or cols.
  const length = Math.max(covarianceSamples(rows), cols);
  const offsets = {
    x: take(rows * cols, 8),
    mean: take(cols, 8),
    axesT: take(cols * axes, 8),
    coords: take(axes * rows, 8),
    zt: take(axes * pitch, 8),
    norm: take(pitch, 8),
    dist: take(rows * k, 8),
    worst: take(rows, 8),
    bound: take(pitch, 8),
    lo: take(nodes * axes, 8),
    hi: take(nodes * axes, 8),
    order: take(rows, 4),
    index: take(rows * k, 4),
    filled: take(rows, 4),
    cand: take(pitch, 4),
    start: take(nodes, 4),
    end: take(nodes, 4),
  };
  bytes = 8 * Math.ceil(bytes / 8);
  const scratch = take(cols * length + (axes + 1) * length + axes * cols, 8);
  return { ...offsets, scratch, bytes };
}

/**
 * The projections in tree order, axis-major (`zt[t * pitch + r]`), with each row's squared
 * norm; returns the largest norm.
 */
function projectInTreeOrder(coords: Float64Array, order: Int32Array, axes: number, pitch: number, zt: Float64Array, norm: Float64Array): number {
  const rows = order.length;
  let maxNorm = 0;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let t = 0; t < axes; t++) {
      const v = coords[t * rows + order[r]];
      zt[t * pitch + r] = v;
      sum += v * v;
    }
    norm[r] = sum;
    if (!(sum <= maxNorm)) maxNorm = sum;
  }
  return maxNorm;
}
