import { DataError } from "../core/errors.js";
import { encodeLabels, type Label } from "../core/labels.js";
import { integer, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { approximateMode } from "./approximate-mode.js";
import { resolveSplitSizes, splitSize, type SplitSize } from "./split-sizes.js";
import { numSamples, splitLabels, splitterParams, type Split, type SplitInput, type Splitter } from "./splitter.js";

export interface StratifiedShuffleSplitParams {
  /** Number of random splits. Default 10. */
  nSplits: number;
  /** Test rows: a fraction in (0, 1) or a count (null: 0.1 unless trainSize is set). Default null. */
  testSize: SplitSize | null;
  /** Train rows: a fraction or a count (null: the complement). Default null. */
  trainSize: SplitSize | null;
  /** Seed of the draws. Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<StratifiedShuffleSplitParams> = {
  nSplits: param(10, integer({ min: 1 })),
  testSize: param(null, splitSize()),
  trainSize: param(null, splitSize()),
  randomState: param(null, seed()),
};

/**
 * scikit-learn's `StratifiedShuffleSplit` (and `trainTestSplit` with `stratify`): per class
 * counts by approximate mode, a permutation per class in sorted label order, then both sides
 * permuted once more.
 */
export class StratifiedShuffleSplit implements Splitter {
  readonly splitter = "StratifiedShuffleSplit";
  readonly nSplits: number;
  readonly testSize: SplitSize | null;
  readonly trainSize: SplitSize | null;
  readonly randomState: number | null;

  constructor(params?: Partial<StratifiedShuffleSplitParams>) {
    const p = splitterParams("StratifiedShuffleSplit", SCHEMA, params);
    this.nSplits = p.nSplits;
    this.testSize = p.testSize;
    this.trainSize = p.trainSize;
    this.randomState = p.randomState;
  }

  *split(X: SplitInput, y?: readonly Label[] | null, _groups?: readonly Label[] | null): Generator<Split> {
    const owner = "StratifiedShuffleSplit";
    const n = numSamples(X, owner);
    const labels = splitLabels(y, n, owner, "y");
    const { nTrain, nTest } = resolveSplitSizes(owner, n, this.testSize, this.trainSize, 0.1);
    yield* stratifiedShuffleSplits(labels, nTrain, nTest, this.nSplits, this.randomState, owner);
  }

  getNSplits(): number {
    return this.nSplits;
  }

  get stratified(): boolean {
    return true;
  }
}

/** The shared draw of StratifiedShuffleSplit and stratified trainTestSplit. */
export function* stratifiedShuffleSplits(labels: readonly Label[], nTrain: number, nTest: number, nSplits: number, randomState: number | null, owner: string): Generator<Split> {
  const { classes, codes } = encodeLabels(labels);
  const nClasses = classes.length;
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  const few = classes.filter((_, c) => counts[c] < 2);
  if (few.length > 0) {
    throw new DataError(`${owner}: the least populated class(es) ${few.map((c) => JSON.stringify(c)).join(", ")} have only 1 member; stratifying needs at least 2 per class`);
  }
  if (nTrain < nClasses) throw new DataError(`${owner}: the train size (${nTrain}) must be at least the number of classes (${nClasses})`);
  if (nTest < nClasses) throw new DataError(`${owner}: the test size (${nTest}) must be at least the number of classes (${nClasses})`);
  // Rows of each class in ascending order (a stable sort by class code).
  const starts = new Int32Array(nClasses + 1);
  for (let c = 0; c < nClasses; c++) starts[c + 1] = starts[c] + counts[c];
  const byClass = new Int32Array(codes.length);
  const cursor = starts.slice(0, nClasses);
  for (let i = 0; i < codes.length; i++) byClass[cursor[codes[i]]++] = i;
  const rng = checkRandomState(randomState);
  for (let s = 0; s < nSplits; s++) {
    const nI = approximateMode(counts, nTrain, rng);
    const left = counts.map((c, k) => c - nI[k]);
    const tI = approximateMode(left, nTest, rng);
    const train = new Int32Array(nTrain);
    const test = new Int32Array(nTest);
    let a = 0;
    let b = 0;
    for (let c = 0; c < nClasses; c++) {
      const perm = rng.permutation(counts[c]);
      const base = starts[c];
      for (let m = 0; m < nI[c]; m++) train[a++] = byClass[base + perm[m]];
      for (let m = nI[c]; m < nI[c] + tI[c]; m++) test[b++] = byClass[base + perm[m]];
    }
    rng.shuffle(train);
    rng.shuffle(test);
    yield { train, test };
  }
}
