import { DataError, ValidationError } from "../core/errors.js";
import type { ParamCheck } from "../core/params.js";

/** A split size: a fraction in (0, 1), or a whole number of rows. */
export type SplitSize = number;

/** Accepts a fraction strictly between 0 and 1 or a positive integer (null allowed). */
export const splitSize = (): ParamCheck => (value) =>
  value === null || (typeof value === "number" && ((value > 0 && value < 1) || (Number.isInteger(value) && value >= 1)))
    ? undefined
    : `must be a fraction in (0, 1), a positive integer row count, or null, got ${String(value)}`;

/**
 * scikit-learn's `_validate_shuffle_split`: the train and test row counts for `n` rows. A
 * fraction of test rounds up, a fraction of train rounds down; a missing size is the complement.
 */
export function resolveSplitSizes(owner: string, n: number, testSize: SplitSize | null, trainSize: SplitSize | null, defaultTestSize: number): { nTrain: number; nTest: number } {
  const test = testSize === null && trainSize === null ? defaultTestSize : testSize;
  const train = trainSize;
  const isFraction = (v: number) => v > 0 && v < 1;
  for (const [name, v] of [["testSize", test], ["trainSize", train]] as const) {
    if (v === null) continue;
    if (typeof v !== "number" || !(isFraction(v) || (Number.isInteger(v) && v >= 1))) {
      throw new ValidationError(`${owner}: ${name}=${JSON.stringify(v)} must be a fraction in (0, 1) or a positive integer`, [{ path: name, message: "invalid size" }]);
    }
    if (!isFraction(v) && v >= n) throw new DataError(`${owner}: ${name}=${v} should be smaller than the number of samples (${n}) or a fraction in (0, 1)`);
  }
  if (test !== null && train !== null && isFraction(test) && isFraction(train) && train + test > 1) {
    throw new ValidationError(`${owner}: testSize + trainSize = ${train + test} must not exceed 1; reduce one of them`, [{ path: "testSize", message: "sum exceeds 1" }]);
  }
  let nTest = test === null ? NaN : isFraction(test) ? Math.ceil(test * n) : test;
  let nTrain = train === null ? NaN : isFraction(train) ? Math.floor(train * n) : train;
  if (train === null) nTrain = n - nTest;
  else if (test === null) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new DataError(`${owner}: train size ${nTrain} plus test size ${nTest} exceeds the number of samples (${n}); reduce testSize and/or trainSize`);
  }
  if (nTrain === 0) throw new DataError(`${owner}: with ${n} samples, testSize=${String(testSize)} and trainSize=${String(trainSize)} the train set would be empty`);
  return { nTrain, nTest };
}
