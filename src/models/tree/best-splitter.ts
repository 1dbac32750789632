import { TreeRng } from "../../core/tree-rng.js";
import { ClassificationCriterion, type Criterion } from "./criterion.js";
import type { FeatureRanks } from "./feature-ranks.js";
import { simultaneousSort } from "./introsort.js";
import { RankSplitSearch } from "./rank-split-search.js";
import { FEATURE_THRESHOLD } from "./split-constants.js";
import type { TreeData } from "./tree-data.js";

/** The best split found at a node (scikit-learn's `SplitRecord`). */
export interface SplitRecord {
  feature: number;
  /** samples[start, pos) go left */
  pos: number;
  threshold: number;
  improvement: number;
  impurityLeft: number;
  impurityRight: number;
  missingGoToLeft: boolean;
}

export function emptySplit(): SplitRecord {
  return { feature: 0, pos: 0, threshold: 0, improvement: -Infinity, impurityLeft: Infinity, impurityRight: Infinity, missingGoToLeft: false };
}

/**
 * scikit-learn's `BestSplitter` with the dense partitioner: features drawn without replacement
 * by the tree xorshift over one `features` array shared by every node of the build, samples
 * sorted per feature with the ported introsort, NaN rows kept at the end (or moved to the front
 * for the "missing go left" pass), candidates between float32 values more than 1e-7 apart.
 */
export class BestSplitter {
  /** indices of rows with non-zero weight; each node owns a contiguous range */
  readonly samples: Int32Array;
  readonly nSamples: number;
  readonly weightedNSamples: number;
  private readonly features: Int32Array;
  private readonly constantFeatures: Int32Array;
  private readonly values: Float32Array;
  private readonly swapSamples: Int32Array;
  private readonly swapValues: Float32Array;
  private readonly rng: TreeRng;
  /** the order-free search, when no sum depends on the order of rows; nodes then keep their rows ascending */
  private readonly rankSearch: RankSplitSearch | null;
  private readonly best = emptySplit();
  /** the current node is samples[start, end) */
  start = 0;
  end = 0;
  private nMissing = 0;

  constructor(
    readonly data: TreeData,
    readonly criterion: Criterion,
    readonly weights: Float64Array | null,
    private readonly maxFeatures: number,
    readonly minSamplesLeaf: number,
    readonly minWeightLeaf: number,
    seed: number,
    /** set only for classification when every weighted class count is an exact integer (see grow-tree.ts `exactSums`) */
    ranks: FeatureRanks | null = null,
  ) {
    this.rng = new TreeRng(seed);
    const n = data.rows;
    const samples = new Int32Array(n);
    let j = 0;
    let weighted = 0;
    for (let i = 0; i < n; i++) {
      if (weights === null || weights[i] !== 0) samples[j++] = i;
      weighted += weights === null ? 1 : weights[i];
    }
    this.samples = samples.subarray(0, j);
    this.nSamples = j;
    this.weightedNSamples = weighted;
    this.features = new Int32Array(data.cols);
    for (let f = 0; f < data.cols; f++) this.features[f] = f;
    this.constantFeatures = new Int32Array(data.cols);
    this.rankSearch = ranks !== null && criterion instanceof ClassificationCriterion ? new RankSplitSearch(ranks, criterion, weights, n) : null;
    // the sorted search's buffers (the rank search needs none of them)
    const sortedRows = this.rankSearch === null ? n : 0;
    this.values = new Float32Array(sortedRows);
    this.swapSamples = new Int32Array(sortedRows);
    this.swapValues = new Float32Array(sortedRows);
  }

  /** Starts a node on samples[start, end); returns its weighted size. */
  nodeReset(start: number, end: number): number {
    this.start = start;
    this.end = end;
    this.criterion.init(this.weights, this.weightedNSamples, this.samples, start, end);
    return this.criterion.weightedNNodeSamples;
  }

  /**
   * Searches the best split of the current node (`impurity` is the node's). Returns the split
   * (pos == end when none) and, in `constants.count`, the known-constant count for the children.
   */
  nodeSplit(impurity: number, constants: { count: number }): SplitRecord {
    const { features, constantFeatures, values, criterion, maxFeatures, minSamplesLeaf, minWeightLeaf, rng, rankSearch } = this;
    const start = this.start;
    const end = this.end;
    const nFeatures = features.length;
    const best = this.best;
    best.impurityLeft = Infinity;
    best.impurityRight = Infinity;
    best.pos = end;
    best.feature = 0;
    best.threshold = 0;
    best.improvement = -Infinity;
    best.missingGoToLeft = false;
    let bestProxy = -Infinity;
    let fi = nFeatures;
    let nVisited = 0;
    let nFound = 0;
    let nDrawn = 0;
    const nKnown = constants.count;
    let nTotal = nKnown;
    while (fi > nTotal && (nVisited < maxFeatures || nVisited <= nFound + nDrawn)) {
      nVisited++;
      let fj = rng.int(nDrawn, fi - nFound);
      if (fj < nKnown) {
        const t = features[nDrawn];
        features[nDrawn] = features[fj];
        features[fj] = t;
        nDrawn++;
        continue;
      }
      fj += nFound;
      const feature = features[fj];
      let constant: boolean;
      if (rankSearch !== null) constant = !rankSearch.prepare(this, feature);
      else {
        this.sortFeature(feature);
        const endNonMissing = end - this.nMissing;
        constant = endNonMissing === start || (this.nMissing === 0 && values[endNonMissing - 1] <= Math.fround(values[start] + FEATURE_THRESHOLD));
      }
      if (constant) {
        features[fj] = features[nTotal];
        features[nTotal] = feature;
        nFound++;
        nTotal++;
        continue;
      }
      fi--;
      features[fj] = features[fi];
      features[fi] = feature;
      if (rankSearch !== null) {
        bestProxy = rankSearch.scan(this, feature, best, bestProxy);
        continue;
      }
      const nMissing = this.nMissing;
      const endNonMissing = end - nMissing;
      const nSearches = nMissing !== 0 ? 2 : 1;
      for (let pass = 0; pass < nSearches; pass++) {
        const missingLeft = pass === 1;
        if (missingLeft) this.shiftMissingLeft();
        criterion.reset();
        const stop = missingLeft ? end : endNonMissing;
        let p = start;
        while (p < end) {
          // next_p: the next boundary between values more than FEATURE_THRESHOLD apart
          let pPrev: number;
          if (p === endNonMissing && !missingLeft) {
            p = end;
            pPrev = end;
          } else {
            if (missingLeft && p === start) p = start + nMissing;
            p++;
            while (p < stop && values[p] <= Math.fround(values[p - 1] + FEATURE_THRESHOLD)) p++;
            pPrev = p - 1;
          }
          if (p === end) continue;
          const nLeft = p - start;
          const nRight = end - p;
          if (nLeft < minSamplesLeaf || nRight < minSamplesLeaf) continue;
          criterion.update(p);
          if (criterion.weightedNLeft < minWeightLeaf || criterion.weightedNRight < minWeightLeaf) continue;
          const proxy = criterion.proxyImpurityImprovement();
          if (proxy > bestProxy) {
            bestProxy = proxy;
            best.feature = feature;
            best.pos = p;
            // NaN <= Infinity is false, so an infinite threshold sends exactly the missing rows right
            best.threshold = p === endNonMissing && !missingLeft ? Infinity : values[pPrev] / 2 + values[p] / 2;
            best.missingGoToLeft = nMissing === 0 ? nLeft > nRight : missingLeft;
          }
        }
      }
    }
    if (best.pos < end) {
      if (rankSearch !== null) rankSearch.partition(this, best);
      else this.partitionFinal(best);
      criterion.reset();
      criterion.update(best.pos);
      criterion.childrenImpurity();
      best.impurityLeft = criterion.impurityLeft;
      best.impurityRight = criterion.impurityRight;
      best.improvement = criterion.impurityImprovement(impurity, best.impurityLeft, best.impurityRight);
    }
    // known constants keep their original order for siblings and children
    // (plain loops: a subarray view per node costs more than these few copies)
    for (let f = 0; f < nKnown; f++) features[f] = constantFeatures[f];
    for (let f = nKnown; f < nTotal; f++) constantFeatures[f] = features[f];
    constants.count = nTotal;
    return best;
  }

  /** Copies feature values of the node, NaN rows swapped to the end, and sorts the rest. */
  private sortFeature(feature: number): void {
    const { samples, values, start, end } = this;
    const col = this.data.x;
    const offset = feature * this.data.rows;
    let nMissing = 0;
    if (this.data.hasNaN !== null && this.data.hasNaN[feature] === 1) {
      let i = start;
      let currentEnd = end - 1;
      while (i <= currentEnd) {
        if (Number.isNaN(col[offset + samples[currentEnd]])) {
          nMissing++;
          currentEnd--;
          continue;
        }
        if (Number.isNaN(col[offset + samples[i]])) {
          const t = samples[i];
          samples[i] = samples[currentEnd];
          samples[currentEnd] = t;
          nMissing++;
          currentEnd--;
        }
        values[i] = col[offset + samples[i]];
        i++;
      }
    } else {
      for (let i = start; i < end; i++) values[i] = col[offset + samples[i]];
    }
    simultaneousSort(values, samples, start, end - start - nMissing);
    this.nMissing = nMissing;
  }

  /** Moves the trailing NaN block to the front, keeping the order inside both blocks. */
  private shiftMissingLeft(): void {
    const { start, end } = this;
    const nonMissing = end - start - this.nMissing;
    rotate(this.samples, this.swapSamples, start, end, nonMissing);
    rotate(this.values, this.swapValues, start, end, nonMissing);
  }

  /** scikit-learn's `partition_samples_final`: one swap pass, NaN rows follow the split's flag. */
  private partitionFinal(split: SplitRecord): void {
    const { samples } = this;
    const col = this.data.x;
    const offset = split.feature * this.data.rows;
    const threshold = split.threshold;
    const nanLeft = split.missingGoToLeft;
    let lo = this.start;
    let hi = this.end;
    while (lo < hi) {
      const v = col[offset + samples[lo]];
      if (Number.isNaN(v) ? nanLeft : v <= threshold) lo++;
      else {
        hi--;
        const t = samples[lo];
        samples[lo] = samples[hi];
        samples[hi] = t;
      }
    }
  }
}

/** Swaps array[start, start + n) and array[start + n, end), preserving order within each. */
function rotate(array: Int32Array | Float32Array, buffer: Int32Array | Float32Array, start: number, end: number, n: number): void {
  const tail = end - start - n;
  buffer.set(array.subarray(start + n, end), 0);
  array.copyWithin(start + tail, start, start + n);
  array.set(buffer.subarray(0, tail), start);
}
