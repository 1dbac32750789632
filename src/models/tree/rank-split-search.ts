import type { BestSplitter, SplitRecord } from "./best-splitter.js";
import { entropyOf, giniOf, type ClassificationCriterion } from "./criterion.js";
import type { FeatureRanks } from "./feature-ranks.js";
import { FEATURE_THRESHOLD } from "./split-constants.js";

/** Above this many distinct values per node row, a node's rows are sorted rather than histogrammed. */
const SPARSE_RATIO = 64;

/** Up to this many keys, a node's keys are insertion-sorted rather than by the native sort. */
const INSERTION_SORT_KEYS = 24;

/**
 * The large buffers of a search. Searches leave `histogram`, `present` and `packed` cleared and
 * rewrite the rest per tree, so the trees of one forest, grown one after another on a thread,
 * share one set instead of allocating (and garbage-collecting) it per tree.
 */
interface SearchBuffers {
  readonly weightClass: Int32Array;
  readonly histogram: Int32Array;
  readonly present: Int32Array;
  readonly keys: Int32Array;
  readonly runs: Int32Array;
  packed: Float64Array | null;
  packedAddend: Float64Array | null;
}

const buffersOfForest = new WeakMap<FeatureRanks, SearchBuffers>();

/** The buffers for searches over `ranks` with `rows` rows and the given stride: the forest's set when it fits. */
function searchBuffers(ranks: FeatureRanks, rows: number, strideBits: number, packable: boolean): SearchBuffers {
  let buffers = buffersOfForest.get(ranks);
  if (buffers === undefined || buffers.weightClass.length !== rows || buffers.histogram.length !== rows << strideBits) {
    buffers = {
      weightClass: new Int32Array(rows),
      histogram: new Int32Array(rows << strideBits),
      present: new Int32Array((rows >> 5) + 1),
      keys: new Int32Array(rows),
      runs: new Int32Array(rows << strideBits),
      packed: null,
      packedAddend: null,
    };
    buffersOfForest.set(ranks, buffers);
  }
  if (packable && buffers.packed === null) {
    buffers.packed = new Float64Array(rows);
    buffers.packedAddend = new Float64Array(rows);
  }
  return buffers;
}

/**
 * Split search without scikit-learn's sort, for classification with exact (integer) sums. The
 * node's rows are grouped by value rank into runs — one per distinct value present, ascending,
 * each with its row count and class weights — either through a histogram over all ranks (a
 * bitset marks those present) or, when the feature has far more values than the node has rows,
 * by sorting keys that pack (rank, weight, class); for two-class gini on a feature without NaN
 * the histogram packs each rank's count and class weights into one double and is scanned
 * directly instead. The runs are then scanned in order: the same
 * candidate boundaries as scikit-learn's sorted scan (values closer than 1e-7 merged, the "NaN
 * right" pass with its all-values-left candidate, then the "NaN left" pass), each proxy computed
 * with the same formula from the same exact sums, so the same split wins. Class weights are
 * 32-bit integers with the class code packed below each row's weight, so the builder uses this
 * only when they fit (grow-tree.ts `exactSums`).
 */
export class RankSplitSearch {
  private readonly nClasses: number;
  private readonly entropy: boolean;
  /** per row: (weight << classBits) | class */
  private readonly weightClass: Int32Array;
  private readonly classBits: number;
  private readonly classMask: number;
  /** bits of the largest weightClass entry */
  private readonly weightClassBits: number;
  /** entries per rank in `histogram` and per run in `runs`: [rank, count, class weights...], padded to a power of two */
  private readonly strideBits: number;
  private readonly histogram: Int32Array;
  private readonly present: Int32Array;
  private readonly keys: Int32Array;
  private readonly runs: Int32Array;
  private nRuns = 0;
  /**
   * Two-class gini only, when the sums fit: per rank, count * 2^(2 fieldBits) + w1 * 2^fieldBits + w0
   * (exact integers below 2^53, so adding packed rows adds each field), and each row's addend.
   */
  private readonly packed: Float64Array | null;
  private readonly packedAddend: Float64Array | null;
  /** the packed fields' units: a row and a class-1 weight of 1 */
  private readonly countUnit: number;
  private readonly w1Unit: number;
  /** the node's sums are in `packed` and `runs` is not filled */
  private inPacked = false;
  private nMissing = 0;
  private readonly missing: Float64Array;
  private readonly total: Float64Array;
  private readonly left: Float64Array;
  private readonly right: Float64Array;
  private bestProxy = -Infinity;
  /** the best split so far sends rows up to this rank left (NaN rows as its flag says) */
  private bestLeftRank = 0;

  constructor(
    private readonly ranks: FeatureRanks,
    criterion: ClassificationCriterion,
    weights: Float64Array | null,
    rows: number,
  ) {
    const K = criterion.nClasses;
    this.nClasses = K;
    this.entropy = criterion.entropy;
    this.classBits = 32 - Math.clz32(K - 1);
    this.classMask = (1 << this.classBits) - 1;
    this.strideBits = 32 - Math.clz32(K + 1);
    let totalWeight = 0;
    if (weights === null) totalWeight = rows;
    else for (let i = 0; i < rows; i++) totalWeight += weights[i];
    // a field holds any node's row count and class weight; three fields must fit in a double's 53 bits
    const fieldBits = 32 - Math.clz32(Math.max(rows, totalWeight));
    this.countUnit = 2 ** (2 * fieldBits);
    this.w1Unit = 2 ** fieldBits;
    const packable = K === 2 && !this.entropy && 3 * fieldBits <= 53;
    const buffers = searchBuffers(ranks, rows, this.strideBits, packable);
    this.weightClass = buffers.weightClass;
    this.histogram = buffers.histogram;
    this.present = buffers.present;
    this.keys = buffers.keys;
    this.runs = buffers.runs;
    this.packed = packable ? buffers.packed : null;
    this.packedAddend = packable ? buffers.packedAddend : null;
    let maxWeightClass = 0;
    // below 2^31: the builder checks that the total weight times 2^classBits is (grow-tree.ts `exactSums`)
    for (let i = 0; i < rows; i++) {
      const packed = (weights === null ? 1 : weights[i]) * 2 ** this.classBits + criterion.codes[i];
      this.weightClass[i] = packed;
      maxWeightClass = Math.max(maxWeightClass, packed);
    }
    if (this.packedAddend !== null) {
      const classUnit = [1, this.w1Unit];
      for (let i = 0; i < rows; i++) this.packedAddend[i] = this.countUnit + (weights === null ? 1 : weights[i]) * classUnit[criterion.codes[i]];
    }
    this.weightClassBits = 32 - Math.clz32(maxWeightClass);
    this.missing = new Float64Array(K);
    this.total = new Float64Array(K);
    this.left = new Float64Array(K);
    this.right = new Float64Array(K);
  }

  /**
   * Groups the splitter's node rows by the rank of `feature` into runs; returns false when the
   * feature is constant in the node (every row NaN, or all values within 1e-7 and no NaN).
   */
  prepare(splitter: BestSplitter, feature: number): boolean {
    const n = splitter.end - splitter.start;
    const { offsets, missing } = this.ranks;
    const off = offsets[feature];
    const nDistinct = offsets[feature + 1] - off;
    const hasNaN = splitter.data.hasNaN !== null && splitter.data.hasNaN[feature] === 1;
    const rankBits = 32 - Math.clz32(hasNaN ? missing : nDistinct - 1);
    // NaN sums are read only when the node has NaN rows (plain loop: cheaper than a builtin call per feature)
    if (hasNaN) for (let c = 0; c < this.nClasses; c++) this.missing[c] = 0;
    if (!hasNaN && this.allOneRank(splitter, feature)) return false;
    const table = this.ranks.values;
    const sparse = nDistinct > SPARSE_RATIO * n && rankBits + this.weightClassBits <= 31;
    this.inPacked = !sparse && this.packed !== null && !hasNaN;
    if (sparse) {
      this.sortRuns(splitter, feature);
      if (this.nRuns === 0) return false;
      const lastRank = this.runs[(this.nRuns - 1) << this.strideBits];
      return this.nMissing > 0 || table[off + lastRank] > Math.fround(table[off + this.runs[0]] + FEATURE_THRESHOLD);
    }
    if (this.inPacked) this.fillPacked(splitter, feature);
    else this.fillHistogram(splitter, feature);
    const present = this.present;
    let first = 0;
    let last = (nDistinct - 1) >> 5;
    while (first <= last && present[first] === 0) first++;
    if (first > last) return false;
    while (present[last] === 0) last--;
    const lowest = (first << 5) | (31 - Math.clz32(present[first] & -present[first]));
    const highest = (last << 5) | (31 - Math.clz32(present[last]));
    const constant = this.nMissing === 0 && table[off + highest] <= Math.fround(table[off + lowest] + FEATURE_THRESHOLD);
    if (constant && this.inPacked) this.clearPacked(first, last);
    else if (!this.inPacked) this.collectRuns(feature);
    return !constant;
  }

  /**
   * True when every row of the node has the same rank of `feature`: a constant feature is found
   * without filling a histogram, and any other usually after its first few rows.
   */
  private allOneRank(splitter: BestSplitter, feature: number): boolean {
    const { start, end, samples } = splitter;
    const rank = this.ranks.rank;
    const base = feature * splitter.data.rows;
    const first = rank[base + samples[start]];
    let p = start + 1;
    while (p < end && rank[base + samples[p]] === first) p++;
    return p === end;
  }

  /** Adds every non-NaN row of the node to the histogram of its rank (and the bitset); NaN rows to `missing`. */
  private fillHistogram(splitter: BestSplitter, feature: number): void {
    const { start, end, samples } = splitter;
    const { histogram, present, weightClass, classBits, classMask, strideBits, missing } = this;
    const rank = this.ranks.rank;
    const missingRank = this.ranks.missing;
    const base = feature * splitter.data.rows;
    let nMissing = 0;
    for (let p = start; p < end; p++) {
      const s = samples[p];
      const r = rank[base + s];
      const wc = weightClass[s];
      if (r === missingRank) {
        missing[wc & classMask] += wc >>> classBits;
        nMissing++;
        continue;
      }
      const h = r << strideBits;
      histogram[h + 1]++;
      histogram[h + 2 + (wc & classMask)] += wc >>> classBits;
      present[r >> 5] |= 1 << (r & 31);
    }
    this.nMissing = nMissing;
  }

  /** {@link fillHistogram} into the packed two-class sums, for a feature without NaN. */
  private fillPacked(splitter: BestSplitter, feature: number): void {
    const present = this.present;
    const packed = this.packed!;
    const addend = this.packedAddend!;
    const rank = this.ranks.rank;
    const base = feature * splitter.data.rows;
    const { start, end, samples } = splitter;
    // set before the loop: code after a loop that V8 optimizes while it runs has no type feedback yet
    this.nMissing = 0;
    for (let p = start; p < end; p++) {
      const s = samples[p];
      const r = rank[base + s];
      packed[r] += addend[s];
      present[r >> 5] |= 1 << (r & 31);
    }
  }

  /** Zeroes the packed sums and bitset words from `first` to `last` (a constant feature's). */
  private clearPacked(first: number, last: number): void {
    const { present } = this;
    const packed = this.packed!;
    for (let word = first; word <= last; word++) {
      let bits = present[word];
      present[word] = 0;
      while (bits !== 0) {
        packed[(word << 5) | (31 - Math.clz32(bits & -bits))] = 0;
        bits &= bits - 1;
      }
    }
  }

  /** Collects the histogram's present ranks in order into runs, clearing the histogram and bitset. */
  private collectRuns(feature: number): void {
    const { histogram, present, runs, strideBits } = this;
    const stride = 1 << strideBits;
    let o = 0;
    // every word of the feature's ranks: cheaper than tracking the node's lowest and highest rank per row
    const nDistinct = this.ranks.offsets[feature + 1] - this.ranks.offsets[feature];
    for (let word = 0, last = (nDistinct - 1) >> 5; word <= last; word++) {
      let bits = present[word];
      present[word] = 0;
      while (bits !== 0) {
        const r = (word << 5) | (31 - Math.clz32(bits & -bits));
        bits &= bits - 1;
        const h = r << strideBits;
        runs[o] = r;
        for (let k = 1; k < stride; k++) {
          runs[o + k] = histogram[h + k];
          histogram[h + k] = 0;
        }
        o += stride;
      }
    }
    this.nRuns = o >> strideBits;
  }

  /** Sorts packed (rank, weight, class) keys of the node's rows and merges equal ranks into runs. */
  private sortRuns(splitter: BestSplitter, feature: number): void {
    const { start, end, samples } = splitter;
    const { runs, weightClass, classBits, classMask, strideBits, missing } = this;
    const K = this.nClasses;
    const n = end - start;
    const rank = this.ranks.rank;
    const missingRank = this.ranks.missing;
    const base = feature * splitter.data.rows;
    const shift = this.weightClassBits;
    const keys = this.keys;
    for (let i = 0; i < n; i++) {
      const s = samples[start + i];
      keys[i] = (rank[base + s] << shift) | weightClass[s];
    }
    // insertion sort for a few keys; the engine's native sort beyond (its call costs more than sorting a few)
    if (n <= INSERTION_SORT_KEYS) insertionSort(keys, n);
    else keys.subarray(0, n).sort();
    const mask = (1 << shift) - 1;
    let o = -(1 << strideBits);
    let previous = -1;
    let nMissing = 0;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const r = key >>> shift;
      const wc = key & mask;
      if (r === missingRank) {
        missing[wc & classMask] += wc >>> classBits;
        nMissing++;
        continue;
      }
      if (r !== previous) {
        o += 1 << strideBits;
        runs[o] = r;
        runs[o + 1] = 0;
        for (let c = 0; c < K; c++) runs[o + 2 + c] = 0;
        previous = r;
      }
      runs[o + 1]++;
      runs[o + 2 + (wc & classMask)] += wc >>> classBits;
    }
    this.nMissing = nMissing;
    this.nRuns = (o >> strideBits) + 1;
  }

  /** Scans the prepared runs; updates `best` and returns the best proxy so far. */
  scan(splitter: BestSplitter, feature: number, best: SplitRecord, bestProxy: number): number {
    this.bestProxy = bestProxy;
    // the node's class totals, as the criterion summed them (exact integers either way)
    (splitter.criterion as ClassificationCriterion).copyTotals(this.total);
    if (this.inPacked) {
      this.scanPackedTwoClassGini(splitter, feature, best);
      return this.bestProxy;
    }
    const passes = this.nMissing > 0 ? 2 : 1;
    for (let pass = 0; pass < passes; pass++) {
      const missingLeft = pass === 1;
      if (this.nClasses === 2 && !this.entropy) this.scanTwoClassGini(splitter, feature, best, missingLeft);
      else this.scanRuns(splitter, feature, best, missingLeft);
      // NaN rows alone on the right: the threshold +Infinity keeps every value on the left
      if (!missingLeft && this.nMissing > 0) {
        for (let c = 0; c < this.nClasses; c++) this.left[c] = this.total[c] - this.missing[c];
        this.consider(splitter, feature, best, splitter.end - splitter.start - this.nMissing, this.runs[(this.nRuns - 1) << this.strideBits], -1, false);
      }
    }
    return this.bestProxy;
  }

  /** One pass over the runs, any criterion: each candidate boundary goes through {@link consider}. */
  private scanRuns(splitter: BestSplitter, feature: number, best: SplitRecord, missingLeft: boolean): void {
    const K = this.nClasses;
    const { runs, left, strideBits } = this;
    const table = this.ranks.values;
    const off = this.ranks.offsets[feature];
    const minLeaf = splitter.minSamplesLeaf;
    const maxLeft = splitter.end - splitter.start - minLeaf;
    if (missingLeft) left.set(this.missing);
    else left.fill(0);
    let nLeft = missingLeft ? this.nMissing : 0;
    let prevRank = -1;
    for (let o = 0, last = this.nRuns << strideBits; o < last; o += 1 << strideBits) {
      const r = runs[o];
      // a boundary between the previous present value and this one, unless they are within 1e-7
      if (prevRank >= 0 && nLeft >= minLeaf && nLeft <= maxLeft && table[off + r] > Math.fround(table[off + prevRank] + FEATURE_THRESHOLD)) this.consider(splitter, feature, best, nLeft, prevRank, r, missingLeft);
      for (let c = 0; c < K; c++) left[c] += runs[o + 2 + c];
      nLeft += runs[o + 1];
      prevRank = r;
    }
  }

  /**
   * {@link scanRuns} for gini with two classes, the sums kept in locals: the same candidates and
   * the same operations in the same order as {@link consider}. Values are read only to merge
   * near-equal neighbours (where `nearNext` flags one) and for a new best threshold.
   */
  private scanTwoClassGini(splitter: BestSplitter, feature: number, best: SplitRecord, missingLeft: boolean): void {
    const { runs, strideBits } = this;
    const stride = 1 << strideBits;
    const table = this.ranks.values;
    const off = this.ranks.offsets[feature];
    const nearNext = this.ranks.nearNext;
    const minLeaf = splitter.minSamplesLeaf;
    const maxLeft = splitter.end - splitter.start - minLeaf;
    const nodeWeight = splitter.criterion.weightedNNodeSamples;
    const minWeightLeaf = splitter.minWeightLeaf;
    const [total0, total1] = this.total;
    let l0 = missingLeft ? this.missing[0] : 0;
    let l1 = missingLeft ? this.missing[1] : 0;
    let nLeft = missingLeft ? this.nMissing : 0;
    let bestProxy = this.bestProxy;
    // the best boundary of this feature: recorded once at the end, not at every improvement
    let bestNLeft = 0;
    let bestLeftRank = -1;
    let bestRightRank = 0;
    let prevRank = -1;
    for (let o = 0, last = this.nRuns << strideBits; o < last; o += stride) {
      const r = runs[o];
      if (prevRank >= 0 && nLeft >= minLeaf && nLeft <= maxLeft && (nearNext[off + prevRank] === 0 || table[off + r] > Math.fround(table[off + prevRank] + FEATURE_THRESHOLD))) {
        const proxy = twoClassGiniProxy(l0, l1, total0, total1, nodeWeight, minWeightLeaf);
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestNLeft = nLeft;
          bestLeftRank = prevRank;
          bestRightRank = r;
        }
      }
      l0 += runs[o + 2];
      l1 += runs[o + 3];
      nLeft += runs[o + 1];
      prevRank = r;
    }
    this.bestProxy = bestProxy;
    if (bestLeftRank >= 0) this.record(splitter, best, feature, bestNLeft, bestLeftRank, bestRightRank, missingLeft);
  }

  /**
   * {@link scanTwoClassGini} reading the present ranks from the bitset and their sums from the
   * packed histogram (clearing both as it goes), so that no runs are written. The left side's
   * packed sums are unpacked into their exact integer fields only where a candidate is weighed.
   */
  private scanPackedTwoClassGini(splitter: BestSplitter, feature: number, best: SplitRecord): void {
    const { present } = this;
    const packed = this.packed!;
    const table = this.ranks.values;
    const off = this.ranks.offsets[feature];
    const nearNext = this.ranks.nearNext;
    const minLeaf = splitter.minSamplesLeaf;
    const maxLeft = splitter.end - splitter.start - minLeaf;
    const nodeWeight = splitter.criterion.weightedNNodeSamples;
    const minWeightLeaf = splitter.minWeightLeaf;
    const [total0, total1] = this.total;
    const { countUnit, w1Unit } = this;
    const perCount = 1 / countUnit;
    const perW1 = 1 / w1Unit;
    let left = 0;
    let bestProxy = this.bestProxy;
    // the best boundary of this feature: recorded once at the end, not at every improvement
    let bestNLeft = 0;
    let bestLeftRank = -1;
    let bestRightRank = 0;
    let prevRank = -1;
    for (let word = 0, last = (this.ranks.offsets[feature + 1] - off - 1) >> 5; word <= last; word++) {
      let bits = present[word];
      present[word] = 0;
      while (bits !== 0) {
        const r = (word << 5) | (31 - Math.clz32(bits & -bits));
        bits &= bits - 1;
        // multiplying by a power of two is exact, so the floors recover each field
        const nLeft = Math.floor(left * perCount);
        if (prevRank >= 0 && nLeft >= minLeaf && nLeft <= maxLeft && (nearNext[off + prevRank] === 0 || table[off + r] > Math.fround(table[off + prevRank] + FEATURE_THRESHOLD))) {
          const weights = left - nLeft * countUnit;
          const l1 = Math.floor(weights * perW1);
          const proxy = twoClassGiniProxy(weights - l1 * w1Unit, l1, total0, total1, nodeWeight, minWeightLeaf);
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestNLeft = nLeft;
            bestLeftRank = prevRank;
            bestRightRank = r;
          }
        }
        left += packed[r];
        packed[r] = 0;
        prevRank = r;
      }
    }
    this.bestProxy = bestProxy;
    if (bestLeftRank >= 0) this.record(splitter, best, feature, bestNLeft, bestLeftRank, bestRightRank, false);
  }

  /**
   * Evaluates one candidate: `nLeft` rows (and the `left` class sums) go left, those with ranks up
   * to `leftRank`; `rightRank` is the next present rank, or -1 when only NaN rows go right.
   */
  private consider(splitter: BestSplitter, feature: number, best: SplitRecord, nLeft: number, leftRank: number, rightRank: number, missingLeft: boolean): void {
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
      proxy = twoClassGiniProxy(left[0], left[1], total[0], total[1], splitter.criterion.weightedNNodeSamples, splitter.minWeightLeaf);
    } else {
      const impLeft = this.entropy ? entropyOf(left, wLeft) : giniOf(left, wLeft);
      const impRight = this.entropy ? entropyOf(right, wRight) : giniOf(right, wRight);
      proxy = -wRight * impRight - wLeft * impLeft;
    }
    if (proxy > this.bestProxy) {
      this.bestProxy = proxy;
      this.record(splitter, best, feature, nLeft, leftRank, rightRank, missingLeft);
    }
  }

  /** Makes the candidate `best`; the threshold is the midpoint of the values either side (+Infinity when only NaN rows go right). */
  private record(splitter: BestSplitter, best: SplitRecord, feature: number, nLeft: number, leftRank: number, rightRank: number, missingLeft: boolean): void {
    const table = this.ranks.values;
    const off = this.ranks.offsets[feature];
    best.feature = feature;
    best.pos = splitter.start + nLeft;
    // NaN <= Infinity is false, so an infinite threshold sends exactly the missing rows right
    best.threshold = rightRank < 0 ? Infinity : table[off + leftRank] / 2 + table[off + rightRank] / 2;
    best.missingGoToLeft = this.nMissing === 0 ? nLeft > splitter.end - splitter.start - nLeft : missingLeft;
    this.bestLeftRank = leftRank;
  }

  /**
   * Splits the node's rows by the best split's ranks as scikit-learn's threshold test would (the
   * threshold lies between the left and the next rank), keeping each side in its ascending row
   * order so that every later gather walks its column front to back. Without NaN rows the side is
   * chosen by arithmetic, not a branch the CPU would mispredict for half of the rows.
   */
  partition(splitter: BestSplitter, best: SplitRecord): void {
    const { start, end, samples } = splitter;
    const rank = this.ranks.rank;
    const base = best.feature * splitter.data.rows;
    const leftRank = this.bestLeftRank;
    // the keys buffer is free between searches: it holds the right side
    const right = this.keys;
    let nLeft = start;
    let nRight = 0;
    if (splitter.data.hasNaN !== null && splitter.data.hasNaN[best.feature] === 1) {
      const missingRank = this.ranks.missing;
      const nanLeft = best.missingGoToLeft;
      for (let p = start; p < end; p++) {
        const s = samples[p];
        const r = rank[base + s];
        if (r === missingRank ? nanLeft : r <= leftRank) samples[nLeft++] = s;
        else right[nRight++] = s;
      }
    } else {
      for (let p = start; p < end; p++) {
        const s = samples[p];
        // 1 when r <= leftRank (both below 2^31)
        const toLeft = ((leftRank - rank[base + s]) >>> 31) ^ 1;
        samples[nLeft] = s;
        right[nRight] = s;
        nLeft += toLeft;
        nRight += toLeft ^ 1;
      }
    }
    for (let k = 0; k < nRight; k++) samples[nLeft + k] = right[k];
  }
}

/**
 * The proxy of a two-class gini candidate with class sums l0, l1 on the left of a node whose class
 * totals are total0, total1 and weight nodeWeight, with giniOf's operations in the same order;
 * -Infinity when a side weighs less than minWeightLeaf.
 */
function twoClassGiniProxy(l0: number, l1: number, total0: number, total1: number, nodeWeight: number, minWeightLeaf: number): number {
  const wLeft = 0 + l0 + l1;
  const wRight = nodeWeight - wLeft;
  if (wLeft < minWeightLeaf || wRight < minWeightLeaf) return -Infinity;
  const r0 = total0 - l0;
  const r1 = total1 - l1;
  const impLeft = 1 - (0 + l0 * l0 + l1 * l1) / (wLeft * wLeft);
  const impRight = 1 - (0 + r0 * r0 + r1 * r1) / (wRight * wRight);
  return -wRight * impRight - wLeft * impLeft;
}

/** Sorts keys[0, n) ascending. */
function insertionSort(keys: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
}
