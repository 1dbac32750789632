import { DataError, showValue, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import type { TableInput } from "../core/input.js";
import { toLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { resolveParams, type ParamSchema } from "../core/params.js";

/** One train/test split: row indices into the data given to `split`. */
export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** What `split` accepts as X: any table, or just the number of rows. */
export type SplitInput = TableInput | number;

/** Options of `split`. */
export interface SplitOptions {
  /** Receives warnings (StratifiedKFold: a class with fewer members than nSplits); they never throw. */
  onWarning?: (message: string) => void;
}

/**
 * A cross-validation splitter. Its own enumerable properties are its plain, JSON-safe
 * description (`splitter` names the class), so an estimator that holds one in its params saves
 * and clones it as data; `toSplitter` rebuilds the instance from that description.
 */
export interface Splitter {
  readonly splitter: string;
  /** The folds (per repetition) or random splits asked for. */
  readonly nSplits: number;
  /** True when every split keeps y's class proportions; a getter, so that it stays out of the description. */
  readonly stratified: boolean;
  split(X: SplitInput, y?: readonly Label[] | null, groups?: readonly Label[] | null, options?: SplitOptions): Generator<Split>;
  getNSplits(X?: SplitInput, y?: readonly Label[] | null, groups?: readonly Label[] | null): number;
}

/** The number of rows of a split input. */
export function numSamples(X: SplitInput, owner: string): number {
  if (typeof X === "number") {
    if (!Number.isInteger(X) || X < 0) throw new DataError(`${owner}.split: X must be a table or a non-negative integer row count, got ${X}`);
    return X;
  }
  if (X instanceof Matrix) return X.rows;
  if (X instanceof Frame) return X.nRows;
  if (Array.isArray(X)) return X.length;
  throw new DataError(`${owner}.split: X must be a Frame, a Matrix, an array of rows or a row count`);
}

/** Checks labels (y or groups): one per row, no missing values, one type throughout. */
export function splitLabels(values: unknown, n: number, owner: string, what: "y" | "groups"): Label[] {
  if (values === undefined || values === null) {
    throw new DataError(`${owner}.split: ${what} is required${what === "groups" ? " (one group label per row)" : " (the class labels to stratify on)"}`);
  }
  if (what === "y") return toLabels(values, n, { estimator: owner, method: "split" });
  if (!Array.isArray(values)) throw new DataError(`${owner}.split: groups must be an array of labels`);
  if (values.length !== n) throw new DataError(`${owner}.split: groups has ${values.length} values but X has ${n} rows`);
  const type = typeof values[0];
  values.forEach((g: unknown, row) => {
    const ok = (typeof g === "string" || (typeof g === "number" && Number.isFinite(g))) && typeof g === type;
    if (!ok) throw new DataError(`${owner}.split: groups value ${showValue(g)} (row ${row}) must be a finite number or a string, of one type throughout`, { row });
  });
  return values as Label[];
}

/** Validates a splitter's params with the shared param machinery (frozen copy). */
export function splitterParams<P extends object>(kind: string, schema: ParamSchema<P>, given: Partial<P> | undefined): Readonly<P> {
  return resolveParams(kind, schema, given);
}

/** Splits from a fold number per row: fold f's test rows and the rest, both ascending. */
export function* splitsFromFolds(folds: Int32Array, nSplits: number): Generator<Split> {
  const sizes = foldSizes(folds, nSplits);
  for (let f = 0; f < nSplits; f++) {
    const test = new Int32Array(sizes[f]);
    const train = new Int32Array(folds.length - sizes[f]);
    splitRows(folds, f, test, train);
    yield { train, test };
  }
}

// Each loop over rows below is alone in its function: see docs/benchmarks.md, "Loops that stay optimized".

/** How many rows each fold holds (rows of fold -1 in none). */
function foldSizes(folds: Int32Array, nSplits: number): Int32Array {
  const sizes = new Int32Array(nSplits);
  for (let i = 0; i < folds.length; i++) if (folds[i] >= 0) sizes[folds[i]]++;
  return sizes;
}

/** The rows of fold f into `test`, every other row into `train`, in order. */
function splitRows(folds: Int32Array, f: number, test: Int32Array, train: Int32Array): void {
  let a = 0;
  let b = 0;
  for (let i = 0; i < folds.length; i++) {
    if (folds[i] === f) test[a++] = i;
    else train[b++] = i;
  }
}

/** scikit-learn's `_BaseKFold` check: at least as many rows as splits. */
export function checkSplitsAgainstRows(owner: string, nSplits: number, n: number): void {
  if (nSplits > n) throw new DataError(`${owner}.split: cannot have nSplits=${nSplits} greater than the number of samples (${n})`);
}

/** scikit-learn refuses a seed when there is nothing to shuffle. */
export function checkShuffleSeed(owner: string, shuffle: boolean, randomState: unknown): void {
  if (!shuffle && randomState !== null && randomState !== undefined) {
    throw new ValidationError(`${owner}: setting randomState has no effect since shuffle is false; leave randomState null or set shuffle: true`, [
      { path: "randomState", message: "requires shuffle: true" },
    ]);
  }
}

/**
 * The fold of every row when `order` is cut into nSplits consecutive runs, the first n % nSplits
 * one row longer, as scikit-learn's KFold cuts rows and GroupKFold (shuffled) cuts groups.
 */
export function consecutiveFolds(order: Int32Array, nSplits: number): Int32Array {
  const n = order.length;
  const folds = new Int32Array(n);
  const base = Math.floor(n / nSplits);
  const extra = n % nSplits;
  let start = 0;
  for (let f = 0; f < nSplits; f++) {
    const stop = start + base + (f < extra ? 1 : 0);
    for (let k = start; k < stop; k++) folds[order[k]] = f;
    start = stop;
  }
  return folds;
}
