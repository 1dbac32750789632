import { DataError, ValidationError } from "../core/errors.js";
import { toLabels, type Label } from "../core/labels.js";
import { checkRandomState } from "../core/random-state.js";
import { resolveSplitSizes, type SplitSize } from "./split-sizes.js";
import { numSamples, type SplitInput } from "./splitter.js";
import { stratifiedShuffleSplits } from "./stratified-shuffle-split.js";
import { rowCount, takeRows, type RowIndexable } from "./take-rows.js";

export interface TrainTestSplitOptions {
  /** Test rows: a fraction in (0, 1) or a count. Default 0.25 when trainSize is also unset. */
  testSize?: SplitSize | null;
  /** Train rows: a fraction or a count. Default: the complement of the test rows. */
  trainSize?: SplitSize | null;
  /** Seed of the shuffle. Default null (not reproducible). */
  randomState?: number | null;
  /** Shuffle before splitting. Default true. */
  shuffle?: boolean;
  /** Labels to stratify on (keeps their proportions on both sides). Default null. */
  stratify?: readonly Label[] | null;
}

/** The result of `trainTestSplit`: row indices of both sides and a helper to cut data by them. */
export interface TrainTestSplit {
  readonly train: Int32Array;
  readonly test: Int32Array;
  /** `[trainRows, testRows]` of a Frame, Matrix, row array, label array or typed array. */
  take<T extends RowIndexable>(data: T): [T, T];
}

const OPTION_NAMES: readonly string[] = ["testSize", "trainSize", "randomState", "shuffle", "stratify"] satisfies (keyof TrainTestSplitOptions)[];

/**
 * scikit-learn's `train_test_split` as index arrays: without `stratify` the test rows are the
 * head of one permutation and the train rows what follows; with it, one StratifiedShuffleSplit.
 */
export function trainTestSplit(X: SplitInput, options: TrainTestSplitOptions = {}): TrainTestSplit {
  const owner = "trainTestSplit";
  const n = numSamples(X, owner);
  if (n === 0) throw new DataError(`${owner}: X has 0 rows`);
  const unknown = Object.keys(options).find((key) => !OPTION_NAMES.includes(key));
  if (unknown !== undefined) throw new ValidationError(`${owner}: unknown option ${JSON.stringify(unknown)}; valid ones are ${OPTION_NAMES.join(", ")}`, [{ path: unknown, message: "unknown option" }]);
  const { testSize = null, trainSize = null, randomState = null, shuffle = true, stratify = null } = options;
  if (typeof shuffle !== "boolean") throw new ValidationError(`${owner}: shuffle must be true or false`, [{ path: "shuffle", message: "must be a boolean" }]);
  if (randomState !== null && !(Number.isInteger(randomState) && randomState >= 0 && randomState <= 0xffffffff)) {
    throw new ValidationError(`${owner}: randomState must be an integer in [0, 4294967295] or null`, [{ path: "randomState", message: "invalid seed" }]);
  }
  const { nTrain, nTest } = resolveSplitSizes(owner, n, testSize, trainSize, 0.25);
  let train: Int32Array;
  let test: Int32Array;
  if (!shuffle) {
    if (stratify !== null) throw new ValidationError(`${owner}: a stratified split needs shuffle: true`, [{ path: "stratify", message: "requires shuffle" }]);
    train = Int32Array.from({ length: nTrain }, (_, i) => i);
    test = Int32Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else if (stratify !== null) {
    const labels = toLabels(stratify, n, { estimator: owner, method: "stratify" });
    ({ train, test } = stratifiedShuffleSplits(labels, nTrain, nTest, 1, randomState, owner).next().value!);
  } else {
    const perm = checkRandomState(randomState).permutation(n);
    test = perm.slice(0, nTest);
    train = perm.slice(nTest, nTest + nTrain);
  }
  return {
    train,
    test,
    take<T extends RowIndexable>(data: T): [T, T] {
      if (rowCount(data) !== n) throw new DataError(`${owner}.take: the data has ${rowCount(data)} rows but the split was made for ${n}`);
      return [takeRows(data, train), takeRows(data, test)];
    },
  };
}
