import { DataError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { integer, nullable, param, type ParamSchema } from "../core/params.js";
import { numSamples, splitterParams, type Split, type SplitInput, type Splitter } from "./splitter.js";

export interface TimeSeriesSplitParams {
  /** Number of splits, at least 2. Default 5. */
  nSplits: number;
  /** Keep at most this many most recent rows for training (null: all). Default null. */
  maxTrainSize: number | null;
  /** Rows per test fold (null: n / (nSplits + 1), floored). Default null. */
  testSize: number | null;
  /** Rows left out between the end of train and the start of test. Default 0. */
  gap: number;
}

const SCHEMA: ParamSchema<TimeSeriesSplitParams> = {
  nSplits: param(5, integer({ min: 2 })),
  maxTrainSize: param(null, nullable(integer({ min: 1 }))),
  testSize: param(null, nullable(integer({ min: 1 }))),
  gap: param(0, integer({ min: 0 })),
};

/**
 * scikit-learn's `TimeSeriesSplit`: test folds are the last `nSplits * testSize` rows cut in
 * order; each trains on the rows before its test fold minus `gap` (the last `maxTrainSize` of them).
 */
export class TimeSeriesSplit implements Splitter {
  readonly splitter = "TimeSeriesSplit";
  readonly nSplits: number;
  readonly maxTrainSize: number | null;
  readonly testSize: number | null;
  readonly gap: number;

  constructor(params?: Partial<TimeSeriesSplitParams>) {
    const p = splitterParams("TimeSeriesSplit", SCHEMA, params);
    this.nSplits = p.nSplits;
    this.maxTrainSize = p.maxTrainSize;
    this.testSize = p.testSize;
    this.gap = p.gap;
  }

  *split(X: SplitInput, _y?: readonly Label[] | null, _groups?: readonly Label[] | null): Generator<Split> {
    const n = numSamples(X, "TimeSeriesSplit");
    const folds = this.nSplits + 1;
    const testSize = this.testSize ?? Math.floor(n / folds);
    if (folds > n) throw new DataError(`TimeSeriesSplit.split: cannot have ${folds} folds (nSplits + 1) with only ${n} samples`);
    if (n - this.gap - testSize * this.nSplits <= 0) {
      throw new DataError(`TimeSeriesSplit.split: too many splits (${this.nSplits}) for ${n} samples with testSize=${testSize} and gap=${this.gap}`);
    }
    for (let testStart = n - this.nSplits * testSize; testStart < n; testStart += testSize) {
      const trainEnd = testStart - this.gap;
      const trainStart = this.maxTrainSize !== null && this.maxTrainSize < trainEnd ? trainEnd - this.maxTrainSize : 0;
      yield { train: range(trainStart, trainEnd), test: range(testStart, Math.min(testStart + testSize, n)) };
    }
  }

  getNSplits(): number {
    return this.nSplits;
  }

  get stratified(): boolean {
    return false;
  }
}

function range(start: number, stop: number): Int32Array {
  const out = new Int32Array(Math.max(0, stop - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
