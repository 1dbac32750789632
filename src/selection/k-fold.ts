import { checkRandomState, indexRange } from "../core/random-state.js";
import type { Label } from "../core/labels.js";
import { boolean, integer, param, seed, type ParamSchema } from "../core/params.js";
import { checkShuffleSeed, checkSplitsAgainstRows, consecutiveFolds, numSamples, splitsFromFolds, splitterParams, type Split, type SplitInput, type Splitter } from "./splitter.js";

export interface KFoldParams {
  /** Number of folds, at least 2. Default 5. */
  nSplits: number;
  /** Shuffle the rows before cutting them into folds. Default false. */
  shuffle: boolean;
  /** Seed of the shuffle (only with `shuffle: true`). Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<KFoldParams> = {
  nSplits: param(5, integer({ min: 2 })),
  shuffle: param(false, boolean()),
  randomState: param(null, seed()),
};

/**
 * scikit-learn's `KFold`: consecutive folds of (optionally shuffled) rows; the first
 * `n mod k` folds get one extra row. Train and test indices come out ascending.
 */
export class KFold implements Splitter {
  readonly splitter = "KFold";
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly randomState: number | null;

  constructor(params?: Partial<KFoldParams>) {
    const p = splitterParams("KFold", SCHEMA, params);
    checkShuffleSeed("KFold", p.shuffle, p.randomState);
    this.nSplits = p.nSplits;
    this.shuffle = p.shuffle;
    this.randomState = p.randomState;
  }

  *split(X: SplitInput, _y?: readonly Label[] | null, _groups?: readonly Label[] | null): Generator<Split> {
    const n = numSamples(X, "KFold");
    checkSplitsAgainstRows("KFold", this.nSplits, n);
    const order = indexRange(n);
    if (this.shuffle) checkRandomState(this.randomState).shuffle(order);
    yield* splitsFromFolds(consecutiveFolds(order, this.nSplits), this.nSplits);
  }

  getNSplits(): number {
    return this.nSplits;
  }

  get stratified(): boolean {
    return false;
  }
}
