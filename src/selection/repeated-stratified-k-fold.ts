import type { Label } from "../core/labels.js";
import { integer, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { checkSplitsAgainstRows, numSamples, splitLabels, splitsFromFolds, splitterParams, type Split, type SplitInput, type SplitOptions, type Splitter } from "./splitter.js";
import { stratifiedFolds } from "./stratified-k-fold.js";

export interface RepeatedStratifiedKFoldParams {
  /** Folds per repetition, at least 2. Default 5. */
  nSplits: number;
  /** Number of repetitions. Default 10. */
  nRepeats: number;
  /** Seed of the one generator shared by every repetition. Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<RepeatedStratifiedKFoldParams> = {
  nSplits: param(5, integer({ min: 2 })),
  nRepeats: param(10, integer({ min: 1 })),
  randomState: param(null, seed()),
};

/**
 * scikit-learn's `RepeatedStratifiedKFold`: `nRepeats` shuffled StratifiedKFold passes that share
 * one generator, so repetition r continues the stream where r - 1 stopped.
 */
export class RepeatedStratifiedKFold implements Splitter {
  readonly splitter = "RepeatedStratifiedKFold";
  readonly nSplits: number;
  readonly nRepeats: number;
  readonly randomState: number | null;

  constructor(params?: Partial<RepeatedStratifiedKFoldParams>) {
    const p = splitterParams("RepeatedStratifiedKFold", SCHEMA, params);
    this.nSplits = p.nSplits;
    this.nRepeats = p.nRepeats;
    this.randomState = p.randomState;
  }

  *split(X: SplitInput, y?: readonly Label[] | null, _groups?: readonly Label[] | null, options: SplitOptions = {}): Generator<Split> {
    const owner = "RepeatedStratifiedKFold";
    const n = numSamples(X, owner);
    const labels = splitLabels(y, n, owner, "y");
    checkSplitsAgainstRows(owner, this.nSplits, n);
    const rng = checkRandomState(this.randomState);
    // Warn once, not once per repetition.
    for (let r = 0; r < this.nRepeats; r++) yield* splitsFromFolds(stratifiedFolds(labels, this.nSplits, rng, owner, r === 0 ? options.onWarning : undefined), this.nSplits);
  }

  getNSplits(): number {
    return this.nSplits * this.nRepeats;
  }

  get stratified(): boolean {
    return true;
  }
}
