import type { BestSplitter, SplitRecord } from "./best-splitter.js";
import { entropyOf, giniOf, type ClassificationCriterion } from "./criterion.js";
import type { FeatureRanks } from "./rank-sort.js";
import { CONSTANT, FEATURE_THRESHOLD, HISTOGRAM, SORTED } from "./split-constants.js";

/**
 * Split search without sorting, for classification with exact (integer) sums: the node's class
 * weights are summed per value rank (a bitset marks the ranks present), then the present ranks are
 * visited in order. It visits the same candidate boundaries in the same order as scikit-learn's
 * sorted scan (values closer than 1e-7 merged, the "NaN right" pass with its all-values-left
 * candidate, then the "NaN left" pass), computes each proxy with the same formula from the same
 * exact sums, and so picks the same split. Used unless the feature has far more distinct values
 * than the node has rows. Class weights per rank are kept as 32-bit integers, so the builder
 * uses it only when the total weight is below 2^31.
 */
export class RankHistogram {
  private readonly y: Int32Array;
  private readonly nClasses: number;
  private readonly entropy: boolean;
  private readonly counts: Int32Array;
  /** weighted class counts per rank: integers, as this search only runs with integer weights */
  private readonly sums: Int32Array;
  private readonly present: Int32Array;
  private readonly missing: Float64Array;
  private readonly total: Float64Array;
  private readonly left: Float64Array;
  private readonly right: Float64Array;
  private minRank = 0;
  private maxRank = -1;
  private nMissing = 0;
  private bestProxy = -Infinity;

  constructor(
    private readonly ranks: FeatureRanks,
    criterion: ClassificationCriterion,
    rows: number,
  ) {
    this.y = criterion.codes;
    this.nClasses = criterion.nClasses;
    this.entropy = criterion.entropy;
    this.counts = new Int32Array(rows);
    this.sums = new Int32Array(rows * this.nClasses);
    this.present = new Int32Array((rows >> 5) + 1);
    this.missing = new Float64Array(this.nClasses);
    this.total = new Float64Array(this.nClasses);
    this.left = new Float64Array(this.nClasses);
    this.right = new Float64Array(this.nClasses);
  }

  /**
   * Classifies the feature at the splitter's node: SORTED when the feature has so many distinct
   * values that a sort of the node's rows is cheaper, else fills the histogram in one pass and
   * returns CONSTANT or HISTOGRAM. Counts, sums and the bitset are all zero between uses.
   */
  prepare(splitter: BestSplitter, feature: number): number {
    const { start, end, samples, weights } = splitter;
    const n = end - start;
    const off = this.ranks.offsets[feature];
    if (this.ranks.offsets[feature + 1] - off > 64 * n) return SORTED;
    const rank = this.ranks.rank;
    const missingRank = this.ranks.missing;
    const base = feature * splitter.data.rows;
    const K = this.nClasses;
    const { counts, sums, missing, y, present } = this;
    missing.fill(0);
    let minR = 0x7fffffff;
    let maxR = -1;
    let nMissing = 0;
    for (let p = start; p < end; p++) {
      const s = samples[p];
      const r = rank[base + s];
      const w = weights === null ? 1 : weights[s];
      if (r === missingRank) {
        missing[y[s]] += w;
        nMissing++;
      } else {
        counts[r]++;
        sums[r * K + y[s]] += w;
        present[r >> 5] |= 1 << (r & 31);
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
      }
    }
    this.minRank = minR;
    this.maxRank = maxR;
    this.nMissing = nMissing;
    if (nMissing === n) return CONSTANT;
    const table = this.ranks.values;
    if (nMissing === 0 && table[off + maxR] <= Math.fround(table[off + minR] + FEATURE_THRESHOLD)) {
      this.clear();
      return CONSTANT;
    }
    return HISTOGRAM;
  }

  /** Restores the all-zero state over the touched ranks. */
  private clear(): void {
    if (this.maxRank < 0) return;
    const K = this.nClasses;
    const { counts, sums, present } = this;
    for (let word = this.minRank >> 5, last = this.maxRank >> 5; word <= last; word++) {
      let bits = present[word];
      while (bits !== 0) {
        const r = (word << 5) | (31 - Math.clz32(bits & -bits));
        bits &= bits - 1;
        counts[r] = 0;
        for (let c = 0; c < K; c++) sums[r * K + c] = 0;
      }
      present[word] = 0;
    }
  }

  /** Scans the prepared histogram; updates `best` and returns the best proxy so far. */
  scan(splitter: BestSplitter, feature: number, best: SplitRecord, bestProxy: number): number {
    const K = this.nClasses;
    const { counts, sums, missing, total, left, present } = this;
    const table = this.ranks.values;
    const off = this.ranks.offsets[feature];
    const nMissing = this.nMissing;
    const firstWord = this.minRank >> 5;
    const lastWord = this.maxRank >> 5;
    this.bestProxy = bestProxy;
    // the node's class totals, as the criterion summed them (exact integers either way)
    (splitter.criterion as ClassificationCriterion).copyTotals(total);
    const minLeaf = splitter.minSamplesLeaf;
    const maxLeft = splitter.end - splitter.start - minLeaf;
    const passes = nMissing > 0 ? 2 : 1;
    for (let pass = 0; pass < passes; pass++) {
      const missingLeft = pass === 1;
      if (missingLeft) left.set(missing);
      else left.fill(0);
      let nLeft = missingLeft ? nMissing : 0;
      let prev = NaN;
      for (let word = firstWord; word <= lastWord; word++) {
        let bits = present[word];
        while (bits !== 0) {
          const r = (word << 5) | (31 - Math.clz32(bits & -bits));
          bits &= bits - 1;
          const v = table[off + r];
          // a boundary between the previous present value and this one, unless they are within 1e-7
          if (prev === prev && nLeft >= minLeaf && nLeft <= maxLeft && v > Math.fround(prev + FEATURE_THRESHOLD)) this.consider(splitter, feature, best, nLeft, prev / 2 + v / 2, missingLeft);
          for (let c = 0; c < K; c++) left[c] += sums[r * K + c];
          nLeft += counts[r];
          prev = v;
        }
      }
      // NaN rows alone on the right: the threshold +Infinity keeps every value on the left
      if (nMissing > 0 && !missingLeft) this.consider(splitter, feature, best, nLeft, Infinity, false);
    }
    this.clear();
    return this.bestProxy;
  }

  /** Evaluates one candidate with `nLeft` rows (and the `left` class sums) going left. */
  private consider(splitter: BestSplitter, feature: number, best: SplitRecord, nLeft: number, threshold: number, missingLeft: boolean): void {
    const n = splitter.end - splitter.start;
    const nRight = n - nLeft;
    if (nLeft < splitter.minSamplesLeaf || nRight < splitter.minSamplesLeaf) return;
    const K = this.nClasses;
    const { left, right, total } = this;
    let wLeft = 0;
    for (let c = 0; c < K; c++) wLeft += left[c];
    const wRight = splitter.criterion.weightedNNodeSamples - wLeft;
    if (wLeft < splitter.minWeightLeaf || wRight < splitter.minWeightLeaf) return;
    for (let c = 0; c < K; c++) right[c] = total[c] - left[c];
    let proxy: number;
    if (K === 2 && !this.entropy) {
      // giniOf inlined for two classes (same operations in the same order)
      const l0 = left[0];
      const l1 = left[1];
      const r0 = right[0];
      const r1 = right[1];
      const impLeft = 1 - (0 + l0 * l0 + l1 * l1) / (wLeft * wLeft);
      const impRight = 1 - (0 + r0 * r0 + r1 * r1) / (wRight * wRight);
      proxy = -wRight * impRight - wLeft * impLeft;
    } else {
      const impLeft = this.entropy ? entropyOf(left, wLeft) : giniOf(left, wLeft);
      const impRight = this.entropy ? entropyOf(right, wRight) : giniOf(right, wRight);
      proxy = -wRight * impRight - wLeft * impLeft;
    }
    if (proxy > this.bestProxy) {
      this.bestProxy = proxy;
      best.feature = feature;
      best.pos = splitter.start + nLeft;
      best.threshold = threshold;
      best.missingGoToLeft = this.nMissing === 0 ? nLeft > nRight : missingLeft;
    }
  }
}
