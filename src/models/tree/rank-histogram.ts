import type { BestSplitter, SplitRecord } from "./best-splitter.js";
import { entropyOf, giniOf, type ClassificationCriterion } from "./criterion.js";
import type { FeatureRanks } from "./rank-sort.js";
import { CONSTANT, FEATURE_THRESHOLD, HISTOGRAM, SORTED } from "./split-constants.js";

/**
 * Split search without sorting, for classification with exact (integer) sums: the node's class
 * weights are summed per value rank, then the ranks are scanned in order. It visits the same
 * candidate boundaries in the same order as scikit-learn's sorted scan (values closer than
 * 1e-7 merged, the "NaN right" pass with its all-values-left candidate, then the "NaN left" pass),
 * computes each proxy with the same formula from the same (exact) sums, and so picks the same
 * split. Used when the node's value ranks span at most a few times its row count.
 */
export class RankHistogram {
  private readonly y: Int32Array;
  private readonly nClasses: number;
  private readonly entropy: boolean;
  private readonly counts: Int32Array;
  private readonly sums: Float64Array;
  private readonly missing: Float64Array;
  private readonly total: Float64Array;
  private readonly left: Float64Array;
  private readonly right: Float64Array;
  private readonly keys: Int32Array;
  private minRank = 0;
  private span = 0;
  private nMissing = 0;

  constructor(
    private readonly ranks: FeatureRanks,
    criterion: ClassificationCriterion,
    rows: number,
  ) {
    this.y = criterion.codes;
    this.nClasses = criterion.nClasses;
    this.entropy = criterion.entropy;
    this.counts = new Int32Array(rows);
    this.keys = new Int32Array(rows);
    this.sums = new Float64Array(rows * this.nClasses);
    this.missing = new Float64Array(this.nClasses);
    this.total = new Float64Array(this.nClasses);
    this.left = new Float64Array(this.nClasses);
    this.right = new Float64Array(this.nClasses);
  }

  /** Classifies the feature at the splitter's node (CONSTANT, HISTOGRAM or SORTED) and fills the histogram. */
  prepare(splitter: BestSplitter, feature: number): number {
    const { start, end, samples, weights } = splitter;
    const rows = splitter.data.rows;
    const rank = this.ranks.rank;
    const base = feature * rows;
    let minR = 0x7fffffff;
    let maxR = -1;
    let nMissing = 0;
    const keys = this.keys;
    for (let p = start; p < end; p++) {
      const r = rank[base + samples[p]];
      keys[p - start] = r;
      if (r < 0) nMissing++;
      else {
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
      }
    }
    const n = end - start;
    if (nMissing === n) return CONSTANT;
    const table = this.ranks.values;
    const off = this.ranks.offsets[feature];
    if (nMissing === 0 && table[off + maxR] <= Math.fround(table[off + minR] + FEATURE_THRESHOLD)) return CONSTANT;
    const span = maxR - minR + 1;
    if (span > 4 * n) return SORTED;
    const K = this.nClasses;
    const { counts, sums, missing, y } = this;
    counts.fill(0, 0, span);
    sums.fill(0, 0, span * K);
    missing.fill(0);
    for (let i = 0; i < n; i++) {
      const s = samples[start + i];
      const r = keys[i];
      const w = weights === null ? 1 : weights[s];
      if (r < 0) missing[y[s]] += w;
      else {
        const b = r - minR;
        counts[b]++;
        sums[b * K + y[s]] += w;
      }
    }
    this.minRank = minR;
    this.span = span;
    this.nMissing = nMissing;
    return HISTOGRAM;
  }

  /** Scans the prepared histogram; updates `best` and returns the best proxy so far. */
  scan(splitter: BestSplitter, feature: number, best: SplitRecord, bestProxy: number): number {
    const { start, end, minSamplesLeaf, minWeightLeaf } = splitter;
    const K = this.nClasses;
    const { counts, sums, missing, total, left, right } = this;
    const table = this.ranks.values;
    const off = this.ranks.offsets[feature] + this.minRank;
    const n = end - start;
    const nMissing = this.nMissing;
    const wNode = splitter.criterion.weightedNNodeSamples;
    total.set(missing);
    for (let b = 0; b < this.span; b++) if (counts[b] > 0) for (let c = 0; c < K; c++) total[c] += sums[b * K + c];
    const passes = nMissing > 0 ? 2 : 1;
    for (let pass = 0; pass < passes; pass++) {
      const missingLeft = pass === 1;
      if (missingLeft) left.set(missing);
      else left.fill(0);
      let nLeft = missingLeft ? nMissing : 0;
      let prev = NaN;
      for (let b = 0; b <= this.span; b++) {
        const last = b === this.span;
        if (!last && counts[b] === 0) continue;
        const v = last ? Infinity : table[off + b];
        // a boundary after the previous present value: a real threshold, or (pass 1 with NaN) the all-values-left split
        const boundary = prev === prev && (last ? nMissing > 0 && !missingLeft : v > Math.fround(prev + FEATURE_THRESHOLD));
        if (boundary) {
          const nRight = n - nLeft;
          if (nLeft >= minSamplesLeaf && nRight >= minSamplesLeaf) {
            let wLeft = 0;
            for (let c = 0; c < K; c++) wLeft += left[c];
            const wRight = wNode - wLeft;
            if (wLeft >= minWeightLeaf && wRight >= minWeightLeaf) {
              for (let c = 0; c < K; c++) right[c] = total[c] - left[c];
              const impLeft = this.entropy ? entropyOf(left, wLeft) : giniOf(left, wLeft);
              const impRight = this.entropy ? entropyOf(right, wRight) : giniOf(right, wRight);
              const proxy = -wRight * impRight - wLeft * impLeft;
              if (proxy > bestProxy) {
                bestProxy = proxy;
                best.feature = feature;
                best.pos = start + nLeft;
                best.threshold = last ? Infinity : prev / 2 + v / 2;
                best.missingGoToLeft = nMissing === 0 ? nLeft > nRight : missingLeft;
              }
            }
          }
        }
        if (last) break;
        for (let c = 0; c < K; c++) left[c] += sums[b * K + c];
        nLeft += counts[b];
        prev = v;
      }
    }
    return bestProxy;
  }
}
