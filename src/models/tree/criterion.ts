import { WeightedFenwickTree } from "./weighted-fenwick-tree.js";
import { simultaneousSort } from "./introsort.js";

/**
 * A split criterion as scikit-learn's `Criterion`: running weighted statistics over
 * `samples[start, end)` split at `pos`. Every sum is accumulated in the same order as
 * scikit-learn's (sample order inside the node, the reverse walk in `update`), so fractional
 * weights and regression targets give the same bits.
 */
export abstract class Criterion {
  protected samples: Int32Array = new Int32Array(0);
  protected weights: Float64Array | null = null;
  protected start = 0;
  protected end = 0;
  protected pos = 0;
  weightedNSamples = 0;
  weightedNNodeSamples = 0;
  weightedNLeft = 0;
  weightedNRight = 0;
  /** children impurities written by `childrenImpurity` */
  impurityLeft = 0;
  impurityRight = 0;

  abstract init(weights: Float64Array | null, weightedNSamples: number, samples: Int32Array, start: number, end: number): void;
  abstract reset(): void;
  abstract update(newPos: number): void;
  abstract nodeImpurity(): number;
  /** Sets `impurityLeft` and `impurityRight`. */
  abstract childrenImpurity(): void;
  /** Writes the node's value (class fractions or the regression prediction) at `dest[offset..]`. */
  abstract nodeValue(dest: Float64Array, offset: number): void;

  proxyImpurityImprovement(): number {
    this.childrenImpurity();
    return -this.weightedNRight * this.impurityRight - this.weightedNLeft * this.impurityLeft;
  }

  impurityImprovement(parent: number, left: number, right: number): number {
    const node = this.weightedNNodeSamples;
    return (node / this.weightedNSamples) * (parent - (this.weightedNRight / node) * right - (this.weightedNLeft / node) * left);
  }
}

/** Gini or entropy (log_loss) over class codes; one output. */
export class ClassificationCriterion extends Criterion {
  private readonly sumTotal: Float64Array;
  private readonly sumLeft: Float64Array;
  private readonly sumRight: Float64Array;

  constructor(
    readonly codes: Int32Array,
    readonly nClasses: number,
    readonly entropy: boolean,
  ) {
    super();
    this.sumTotal = new Float64Array(nClasses);
    this.sumLeft = new Float64Array(nClasses);
    this.sumRight = new Float64Array(nClasses);
  }

  init(weights: Float64Array | null, weightedNSamples: number, samples: Int32Array, start: number, end: number): void {
    this.weights = weights;
    this.samples = samples;
    this.start = start;
    this.end = end;
    this.weightedNSamples = weightedNSamples;
    const { codes: y, sumTotal } = this;
    for (let c = 0; c < this.nClasses; c++) sumTotal[c] = 0;
    let total = 0;
    for (let p = start; p < end; p++) {
      const i = samples[p];
      const w = weights === null ? 1 : weights[i];
      sumTotal[y[i]] += w;
      total += w;
    }
    this.weightedNNodeSamples = total;
    this.reset();
  }

  reset(): void {
    this.pos = this.start;
    // plain loops: a builtin call costs more than copying a few classes, and this runs per candidate feature
    for (let c = 0; c < this.nClasses; c++) {
      this.sumLeft[c] = 0;
      this.sumRight[c] = this.sumTotal[c];
    }
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNodeSamples;
  }

  private reverseReset(): void {
    this.pos = this.end;
    for (let c = 0; c < this.nClasses; c++) {
      this.sumRight[c] = 0;
      this.sumLeft[c] = this.sumTotal[c];
    }
    this.weightedNRight = 0;
    this.weightedNLeft = this.weightedNNodeSamples;
  }

  update(newPos: number): void {
    const { codes: y, samples, weights, sumLeft, sumRight, sumTotal } = this;
    const pos = this.pos;
    const end = this.end;
    if (newPos - pos <= end - newPos) {
      let wl = this.weightedNLeft;
      for (let p = pos; p < newPos; p++) {
        const i = samples[p];
        const w = weights === null ? 1 : weights[i];
        sumLeft[y[i]] += w;
        wl += w;
      }
      this.weightedNLeft = wl;
    } else {
      this.reverseReset();
      let wl = this.weightedNLeft;
      for (let p = end - 1; p >= newPos; p--) {
        const i = samples[p];
        const w = weights === null ? 1 : weights[i];
        sumLeft[y[i]] -= w;
        wl -= w;
      }
      this.weightedNLeft = wl;
    }
    this.weightedNRight = this.weightedNNodeSamples - this.weightedNLeft;
    for (let c = 0; c < this.nClasses; c++) sumRight[c] = sumTotal[c] - sumLeft[c];
    this.pos = newPos;
  }

  /** Copies the node's per-class weight totals into `out`. */
  copyTotals(out: Float64Array): void {
    for (let c = 0; c < this.nClasses; c++) out[c] = this.sumTotal[c];
  }

  nodeImpurity(): number {
    return this.entropy ? entropyOf(this.sumTotal, this.weightedNNodeSamples) : giniOf(this.sumTotal, this.weightedNNodeSamples);
  }

  childrenImpurity(): void {
    if (this.entropy) {
      this.impurityLeft = entropyOf(this.sumLeft, this.weightedNLeft);
      this.impurityRight = entropyOf(this.sumRight, this.weightedNRight);
    } else {
      this.impurityLeft = giniOf(this.sumLeft, this.weightedNLeft);
      this.impurityRight = giniOf(this.sumRight, this.weightedNRight);
    }
  }

  nodeValue(dest: Float64Array, offset: number): void {
    for (let c = 0; c < this.nClasses; c++) dest[offset + c] = this.sumTotal[c] / this.weightedNNodeSamples;
  }
}

const LN2 = Math.log(2);

/** `1 - Σ s_c² / W²` as scikit-learn sums it. */
export function giniOf(sums: Float64Array, weight: number): number {
  let sq = 0;
  for (let c = 0; c < sums.length; c++) sq += sums[c] * sums[c];
  return 1 - sq / (weight * weight);
}

/** `-Σ p_c log2 p_c` with scikit-learn's `log(x) = ln(x) / ln(2)`. */
export function entropyOf(sums: Float64Array, weight: number): number {
  let entropy = 0;
  for (let c = 0; c < sums.length; c++) {
    let p = sums[c];
    if (p > 0) {
      p /= weight;
      entropy -= p * (Math.log(p) / LN2);
    }
  }
  return entropy;
}

/** Squared error over float64 targets; one output. */
export class SquaredErrorCriterion extends Criterion {
  private sumTotal = 0;
  private sqSumTotal = 0;
  private sumLeft = 0;
  private sumRight = 0;

  constructor(private readonly y: Float64Array) {
    super();
  }

  init(weights: Float64Array | null, weightedNSamples: number, samples: Int32Array, start: number, end: number): void {
    this.weights = weights;
    this.samples = samples;
    this.start = start;
    this.end = end;
    this.weightedNSamples = weightedNSamples;
    const y = this.y;
    let sum = 0;
    let sq = 0;
    let total = 0;
    for (let p = start; p < end; p++) {
      const i = samples[p];
      const w = weights === null ? 1 : weights[i];
      const wy = w * y[i];
      sum += wy;
      sq += wy * y[i];
      total += w;
    }
    this.sumTotal = sum;
    this.sqSumTotal = sq;
    this.weightedNNodeSamples = total;
    this.reset();
  }

  reset(): void {
    this.pos = this.start;
    this.sumLeft = 0;
    this.sumRight = this.sumTotal;
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNodeSamples;
  }

  update(newPos: number): void {
    const { y, samples, weights } = this;
    const pos = this.pos;
    const end = this.end;
    let sl: number;
    let wl: number;
    if (newPos - pos <= end - newPos) {
      sl = this.sumLeft;
      wl = this.weightedNLeft;
      for (let p = pos; p < newPos; p++) {
        const i = samples[p];
        const w = weights === null ? 1 : weights[i];
        sl += w * y[i];
        wl += w;
      }
    } else {
      // reverse reset: start from everything on the left and remove the tail
      sl = this.sumTotal;
      wl = this.weightedNNodeSamples;
      for (let p = end - 1; p >= newPos; p--) {
        const i = samples[p];
        const w = weights === null ? 1 : weights[i];
        sl -= w * y[i];
        wl -= w;
      }
    }
    this.sumLeft = sl;
    this.weightedNLeft = wl;
    this.weightedNRight = this.weightedNNodeSamples - wl;
    this.sumRight = this.sumTotal - sl;
    this.pos = newPos;
  }

  nodeImpurity(): number {
    const mean = this.sumTotal / this.weightedNNodeSamples;
    return this.sqSumTotal / this.weightedNNodeSamples - mean * mean;
  }

  override proxyImpurityImprovement(): number {
    return (this.sumLeft * this.sumLeft) / this.weightedNLeft + (this.sumRight * this.sumRight) / this.weightedNRight;
  }

  childrenImpurity(): void {
    const { y, samples, weights } = this;
    let sqLeft = 0;
    for (let p = this.start; p < this.pos; p++) {
      const i = samples[p];
      const w = weights === null ? 1 : weights[i];
      sqLeft += w * y[i] * y[i];
    }
    const sqRight = this.sqSumTotal - sqLeft;
    const meanLeft = this.sumLeft / this.weightedNLeft;
    const meanRight = this.sumRight / this.weightedNRight;
    this.impurityLeft = sqLeft / this.weightedNLeft - meanLeft * meanLeft;
    this.impurityRight = sqRight / this.weightedNRight - meanRight * meanRight;
  }

  nodeValue(dest: Float64Array, offset: number): void {
    dest[offset] = this.sumTotal / this.weightedNNodeSamples;
  }
}

/**
 * Absolute error (scikit-learn ≥ 1.8): weighted medians and absolute deviations of every prefix
 * and suffix of the node, precomputed with a Fenwick tree over the targets' ranks at each reset.
 */
export class AbsoluteErrorCriterion extends Criterion {
  private nodeMedian = 0;
  private readonly leftAbsErrors: Float64Array;
  private readonly rightAbsErrors: Float64Array;
  private readonly leftMedians: Float64Array;
  private readonly rightMedians: Float64Array;
  private readonly ranks: Int32Array;
  private readonly sortedY: Float64Array;
  private readonly sortedIndices: Int32Array;
  private readonly tree: WeightedFenwickTree;

  constructor(
    private readonly y: Float64Array,
    nSamples: number,
  ) {
    super();
    this.leftAbsErrors = new Float64Array(nSamples);
    this.rightAbsErrors = new Float64Array(nSamples);
    this.leftMedians = new Float64Array(nSamples);
    this.rightMedians = new Float64Array(nSamples);
    this.ranks = new Int32Array(nSamples);
    this.sortedY = new Float64Array(nSamples);
    this.sortedIndices = new Int32Array(nSamples);
    this.tree = new WeightedFenwickTree(nSamples);
  }

  init(weights: Float64Array | null, weightedNSamples: number, samples: Int32Array, start: number, end: number): void {
    this.weights = weights;
    this.samples = samples;
    this.start = start;
    this.end = end;
    this.weightedNSamples = weightedNSamples;
    let total = 0;
    for (let p = start; p < end; p++) total += weights === null ? 1 : weights[samples[p]];
    this.weightedNNodeSamples = total;
    this.reset();
  }

  reset(): void {
    const { start, end, samples } = this;
    const n = end - start;
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNodeSamples;
    this.pos = start;
    this.leftAbsErrors.fill(0, start, end);
    this.rightAbsErrors.fill(0, start, end);
    for (let p = start; p < end; p++) this.sortedY[p - start] = this.y[samples[p]];
    // compute_ranks: sort a copy of the node's targets, rank = position in the sorted order
    for (let i = 0; i < n; i++) this.sortedIndices[i] = i;
    simultaneousSort(this.sortedY, this.sortedIndices, 0, n);
    for (let i = 0; i < n; i++) this.ranks[start + this.sortedIndices[i]] = i;
    this.precompute(start, end, this.leftAbsErrors, this.leftMedians);
    this.precompute(end - 1, start - 1, this.rightAbsErrors, this.rightMedians);
    this.nodeMedian = this.rightMedians[start];
  }

  /** scikit-learn's `precompute_absolute_errors`, walking from `from` towards `to` (exclusive). */
  private precompute(from: number, to: number, absErrors: Float64Array, medians: Float64Array): void {
    const { tree, sortedY, ranks, samples, weights } = this;
    const step = from < to ? 1 : -1;
    const n = from < to ? to - from : from - to;
    tree.reset(n);
    let p = from;
    for (let k = 0; k < n; k++) {
      const w = weights === null ? 1 : weights[samples[p]];
      const rank = ranks[p];
      tree.add(rank, sortedY[rank], w);
      const medianRank = tree.search(0.5 * tree.totalW);
      const prevRank = tree.prevIndex;
      const median = medianRank !== prevRank ? (sortedY[prevRank] + sortedY[medianRank]) / 2 : sortedY[medianRank];
      const wLeft = tree.cumulWeight;
      const wyLeft = tree.cumulWeightedY;
      const wRight = tree.totalW - wLeft;
      const wyRight = tree.totalWY - wyLeft;
      medians[p] = median;
      absErrors[p] += wyRight - median * wRight + (median * wLeft - wyLeft);
      p += step;
    }
  }

  update(newPos: number): void {
    const { samples, weights } = this;
    let wl = this.weightedNLeft;
    for (let p = this.pos; p < newPos; p++) wl += weights === null ? 1 : weights[samples[p]];
    this.weightedNLeft = wl;
    this.weightedNRight = this.weightedNNodeSamples - wl;
    this.pos = newPos;
  }

  nodeImpurity(): number {
    // scikit-learn reads index 0 here; the builder only asks for the root's impurity
    return this.rightAbsErrors[0] / this.weightedNNodeSamples;
  }

  childrenImpurity(): void {
    const left = this.pos > this.start ? this.leftAbsErrors[this.pos - 1] : 0;
    const right = this.pos < this.end ? this.rightAbsErrors[this.pos] : 0;
    this.impurityLeft = left / this.weightedNLeft;
    this.impurityRight = right / this.weightedNRight;
  }

  nodeValue(dest: Float64Array, offset: number): void {
    dest[offset] = this.nodeMedian;
  }
}
