import { DataError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { boolean, integer, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState, type RandomState } from "../core/random-state.js";
import { typeOfTarget } from "../core/type-of-target.js";
import { checkShuffleSeed, checkSplitsAgainstRows, numSamples, splitLabels, splitsFromFolds, splitterParams, type Split, type SplitInput, type SplitOptions, type Splitter } from "./splitter.js";

export interface StratifiedKFoldParams {
  /** Number of folds, at least 2. Default 5. */
  nSplits: number;
  /** Shuffle each class's fold assignment. Default false. */
  shuffle: boolean;
  /** Seed of the shuffle (only with `shuffle: true`). Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<StratifiedKFoldParams> = {
  nSplits: param(5, integer({ min: 2 })),
  shuffle: param(false, boolean()),
  randomState: param(null, seed()),
};

/**
 * scikit-learn's `StratifiedKFold`: every fold keeps the class proportions. Classes are
 * numbered by first appearance, per-fold counts come from a round robin over the sorted codes,
 * and each class's fold numbers are laid over its rows in order (shuffled when asked).
 */
export class StratifiedKFold implements Splitter {
  readonly splitter = "StratifiedKFold";
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly randomState: number | null;

  constructor(params?: Partial<StratifiedKFoldParams>) {
    const p = splitterParams("StratifiedKFold", SCHEMA, params);
    checkShuffleSeed("StratifiedKFold", p.shuffle, p.randomState);
    this.nSplits = p.nSplits;
    this.shuffle = p.shuffle;
    this.randomState = p.randomState;
  }

  *split(X: SplitInput, y?: readonly Label[] | null, _groups?: readonly Label[] | null, options: SplitOptions = {}): Generator<Split> {
    const n = numSamples(X, "StratifiedKFold");
    const labels = splitLabels(y, n, "StratifiedKFold", "y");
    checkSplitsAgainstRows("StratifiedKFold", this.nSplits, n);
    const rng = this.shuffle ? checkRandomState(this.randomState) : null;
    yield* splitsFromFolds(stratifiedFolds(labels, this.nSplits, rng, "StratifiedKFold", options.onWarning), this.nSplits);
  }

  getNSplits(): number {
    return this.nSplits;
  }

  get stratified(): boolean {
    return true;
  }
}

/** The test fold of every row; `rng` null means no shuffling. Warns, as scikit-learn, when a class has fewer members than nSplits. */
export function stratifiedFolds(labels: readonly Label[], nSplits: number, rng: RandomState | null, owner: string, onWarning?: (message: string) => void): Int32Array {
  const n = labels.length;
  const codeOf = new Map<Label, number>();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let code = codeOf.get(labels[i]);
    if (code === undefined) {
      code = codeOf.size;
      codeOf.set(labels[i], code);
    }
    codes[i] = code;
  }
  // As scikit-learn: non-integral numbers are a continuous target, not classes to keep in
  // proportion. The distinct labels tell it, without another pass over y.
  if (typeOfTarget([...codeOf.keys()]) === "continuous") {
    throw new DataError(`${owner}.split: y is continuous (it holds non-integer numbers, or whole numbers beyond int64); stratifying needs binary or multiclass labels, use KFold for a continuous target`);
  }
  const nClasses = codeOf.size;
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < n; i++) counts[codes[i]]++;
  if (counts.every((c) => nSplits > c)) {
    const largest = Math.max(...counts);
    throw new DataError(`${owner}.split: nSplits=${nSplits} is greater than the number of members of every class (the largest class has ${largest}); use fewer splits`);
  }
  const least = Math.min(...counts);
  if (least < nSplits) onWarning?.(`${owner}.split: the least populated class in y has only ${least} member(s), which is less than nSplits=${nSplits}`);
  // Round robin over the sorted codes: position p of the sorted sequence goes to fold p mod k.
  const allocation = new Int32Array(nSplits * nClasses);
  let position = 0;
  for (let c = 0; c < nClasses; c++) {
    for (let m = 0; m < counts[c]; m++, position++) allocation[(position % nSplits) * nClasses + c]++;
  }
  const folds = new Int32Array(n);
  const cursor = new Int32Array(nClasses);
  const perClass: Int32Array[] = [];
  for (let c = 0; c < nClasses; c++) {
    const assigned = new Int32Array(counts[c]);
    let k = 0;
    for (let f = 0; f < nSplits; f++) for (let m = 0; m < allocation[f * nClasses + c]; m++) assigned[k++] = f;
    if (rng !== null) rng.shuffle(assigned);
    perClass.push(assigned);
  }
  for (let i = 0; i < n; i++) folds[i] = perClass[codes[i]][cursor[codes[i]]++];
  return folds;
}
