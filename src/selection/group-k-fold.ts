import { DataError } from "../core/errors.js";
import { encodeLabels, type Label } from "../core/labels.js";
import { boolean, integer, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import { checkShuffleSeed, checkSplitsAgainstRows, consecutiveFolds, numSamples, splitLabels, splitsFromFolds, splitterParams, type Split, type SplitInput, type Splitter } from "./splitter.js";

export interface GroupKFoldParams {
  /** Number of folds, at least 2. Default 5. */
  nSplits: number;
  /** Shuffle the groups and cut them into near-equal counts instead of balancing rows. Default false. */
  shuffle: boolean;
  /** Seed of the shuffle (only with `shuffle: true`). Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<GroupKFoldParams> = {
  nSplits: param(5, integer({ min: 2 })),
  shuffle: param(false, boolean()),
  randomState: param(null, seed()),
};

/**
 * scikit-learn's `GroupKFold`: no group is split between train and test. Without shuffling,
 * groups go largest first (ties: the later sorted group first) to the fold with the fewest rows.
 */
export class GroupKFold implements Splitter {
  readonly splitter = "GroupKFold";
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly randomState: number | null;

  constructor(params?: Partial<GroupKFoldParams>) {
    const p = splitterParams("GroupKFold", SCHEMA, params);
    checkShuffleSeed("GroupKFold", p.shuffle, p.randomState);
    this.nSplits = p.nSplits;
    this.shuffle = p.shuffle;
    this.randomState = p.randomState;
  }

  *split(X: SplitInput, _y?: readonly Label[] | null, groups?: readonly Label[] | null): Generator<Split> {
    const n = numSamples(X, "GroupKFold");
    const labels = splitLabels(groups, n, "GroupKFold", "groups");
    checkSplitsAgainstRows("GroupKFold", this.nSplits, n);
    const { classes, codes } = encodeLabels(labels);
    const nGroups = classes.length;
    const k = this.nSplits;
    if (k > nGroups) throw new DataError(`GroupKFold.split: cannot have nSplits=${k} greater than the number of groups (${nGroups})`);
    const foldOfGroup = new Int32Array(nGroups);
    if (this.shuffle) {
      // np.array_split of the permuted groups: the first nGroups mod k chunks are one larger.
      foldOfGroup.set(consecutiveFolds(checkRandomState(this.randomState).permutation(nGroups), k));
    } else {
      const sizes = new Float64Array(nGroups);
      for (let i = 0; i < n; i++) sizes[codes[i]]++;
      // Stable ascending argsort, then reversed: largest first, equal sizes in descending group order.
      const order = Array.from({ length: nGroups }, (_, g) => g).sort((a, b) => sizes[a] - sizes[b] || a - b).reverse();
      const load = new Float64Array(k);
      for (const g of order) {
        let lightest = 0;
        for (let f = 1; f < k; f++) if (load[f] < load[lightest]) lightest = f;
        load[lightest] += sizes[g];
        foldOfGroup[g] = lightest;
      }
    }
    const folds = new Int32Array(n);
    for (let i = 0; i < n; i++) folds[i] = foldOfGroup[codes[i]];
    yield* splitsFromFolds(folds, k);
  }

  getNSplits(): number {
    return this.nSplits;
  }

  get stratified(): boolean {
    return false;
  }
}
