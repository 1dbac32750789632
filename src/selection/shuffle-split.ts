import type { Label } from "../core/labels.js";
import { integer, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { resolveSplitSizes, splitSize, type SplitSize } from "./split-sizes.js";
import { numSamples, splitterParams, type Split, type SplitInput, type Splitter } from "./splitter.js";

export interface ShuffleSplitParams {
  /** Number of random splits. Default 10. */
  nSplits: number;
  /** Test rows: a fraction in (0, 1) or a count (null: 0.1 unless trainSize is set). Default null. */
  testSize: SplitSize | null;
  /** Train rows: a fraction or a count (null: the complement of the test rows). Default null. */
  trainSize: SplitSize | null;
  /** Seed of the permutations. Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<ShuffleSplitParams> = {
  nSplits: param(10, integer({ min: 1 })),
  testSize: param(null, splitSize()),
  trainSize: param(null, splitSize()),
  randomState: param(null, seed()),
};

/** scikit-learn's `ShuffleSplit`: per split, test = the head of a permutation, train = what follows. */
export class ShuffleSplit implements Splitter {
  readonly splitter = "ShuffleSplit";
  readonly nSplits: number;
  readonly testSize: SplitSize | null;
  readonly trainSize: SplitSize | null;
  readonly randomState: number | null;

  constructor(params?: Partial<ShuffleSplitParams>) {
    const p = splitterParams("ShuffleSplit", SCHEMA, params);
    this.nSplits = p.nSplits;
    this.testSize = p.testSize;
    this.trainSize = p.trainSize;
    this.randomState = p.randomState;
  }

  *split(X: SplitInput, _y?: readonly Label[] | null, _groups?: readonly Label[] | null): Generator<Split> {
    const n = numSamples(X, "ShuffleSplit");
    const { nTrain, nTest } = resolveSplitSizes("ShuffleSplit", n, this.testSize, this.trainSize, 0.1);
    const rng = checkRandomState(this.randomState);
    for (let s = 0; s < this.nSplits; s++) {
      const perm = rng.permutation(n);
      yield { train: perm.slice(nTest, nTest + nTrain), test: perm.slice(0, nTest) };
    }
  }

  getNSplits(): number {
    return this.nSplits;
  }

  get stratified(): boolean {
    return false;
  }
}
