import { ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { typeOfTarget } from "../core/type-of-target.js";
import { GroupKFold } from "./group-k-fold.js";
import { KFold } from "./k-fold.js";
import { RepeatedStratifiedKFold } from "./repeated-stratified-k-fold.js";
import { ShuffleSplit } from "./shuffle-split.js";
import type { Splitter } from "./splitter.js";
import { StratifiedKFold } from "./stratified-k-fold.js";
import { StratifiedShuffleSplit } from "./stratified-shuffle-split.js";
import { TimeSeriesSplit } from "./time-series-split.js";

/** A `cv` option: a fold count, a splitter, or a splitter's plain description (as saved). */
export type CvOption = number | Splitter | Readonly<Record<string, unknown>>;

const SPLITTERS: ReadonlyMap<string, new (params: never) => Splitter> = new Map<string, new (params: never) => Splitter>([
  ["KFold", KFold],
  ["StratifiedKFold", StratifiedKFold],
  ["RepeatedStratifiedKFold", RepeatedStratifiedKFold],
  ["TimeSeriesSplit", TimeSeriesSplit],
  ["GroupKFold", GroupKFold],
  ["ShuffleSplit", ShuffleSplit],
  ["StratifiedShuffleSplit", StratifiedShuffleSplit],
]);

/** True for a splitter instance or its plain description. */
export function isSplitterLike(value: unknown): boolean {
  return value !== null && typeof value === "object" && typeof (value as { splitter?: unknown }).splitter === "string" && SPLITTERS.has((value as { splitter: string }).splitter);
}

/** A param check for `cv`: an integer >= 2, or a splitter (instance or description). */
export const cvCheck =
  ({ allowNull = false }: { allowNull?: boolean } = {}) =>
  (value: unknown): string | undefined => {
    if (value === null && allowNull) return undefined;
    if (typeof value === "number" && Number.isInteger(value) && value >= 2) return undefined;
    if (isSplitterLike(value)) return undefined;
    return `must be an integer >= 2 or a splitter (${[...SPLITTERS.keys()].join(", ")})${allowNull ? " or null" : ""}`;
  };

/** Rebuilds a splitter from its plain description (`{ splitter: "KFold", nSplits: 5, ... }`). */
export function toSplitter(value: unknown, owner: string): Splitter {
  if (!isSplitterLike(value)) throw new ValidationError(`${owner}: cv is not a known splitter`, [{ path: "cv", message: "unknown splitter" }]);
  const { splitter, ...params } = value as { splitter: string } & Record<string, unknown>;
  const Ctor = SPLITTERS.get(splitter)!;
  return new Ctor(params as never);
}

/**
 * scikit-learn's `check_cv`: null means 5; a count gives StratifiedKFold for a classifier with
 * binary or multiclass labels, KFold otherwise; a splitter is used as is.
 */
export function checkCv(cv: CvOption | null, y: readonly Label[] | null | undefined, classifier: boolean, owner: string): Splitter {
  if (cv === null || typeof cv === "number") {
    const nSplits = cv ?? 5;
    const classes = classifier && y !== null && y !== undefined && typeOfTarget(y) !== "continuous";
    return classes ? new StratifiedKFold({ nSplits }) : new KFold({ nSplits });
  }
  return toSplitter(cv, owner);
}
