import { DataError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import type { ParamCheck } from "../core/params.js";

/** Which classes to resample and to what size: imbalanced-learn's `sampling_strategy`. */
export type SamplingStrategy = "auto" | "minority" | "majority" | "not minority" | "not majority" | "all" | number | Readonly<Record<string, number>>;

const WORDS = ["auto", "minority", "majority", "not minority", "not majority", "all"];

/** Param check for a sampling strategy. */
export const samplingStrategyCheck = (): ParamCheck => (value) => {
  if (typeof value === "string") return WORDS.includes(value) ? undefined : `must be one of ${WORDS.map((w) => JSON.stringify(w)).join(", ")}, a ratio in (0, 1], or a record of class -> count`;
  if (typeof value === "number") return value > 0 && value <= 1 ? undefined : `a ratio must be in (0, 1], got ${value}`;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, count] of Object.entries(value)) {
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) return `entry ${JSON.stringify(key)} must be a non-negative integer count, got ${String(count)}`;
    }
    return undefined;
  }
  return "must be a strategy name, a ratio in (0, 1], or a record of class -> count";
};

export type SamplingKind = "over" | "under";

/**
 * imbalanced-learn's `check_sampling_strategy`: per class (sorted label order) the number of rows
 * to generate (over-sampling) or to keep (under-sampling); classes absent from the map are left
 * alone. The majority / minority is the first class with the largest / smallest count.
 */
export function resolveSamplingStrategy(strategy: SamplingStrategy, classes: readonly Label[], counts: Int32Array, kind: SamplingKind, owner: string): Map<number, number> {
  const n = classes.length;
  if (n <= 1) throw new DataError(`${owner}.fitResample: y needs more than 1 class, got ${n}`);
  let majority = 0;
  let minority = 0;
  for (let c = 1; c < n; c++) {
    if (counts[c] > counts[majority]) majority = c;
    if (counts[c] < counts[minority]) minority = c;
  }
  const out = new Map<number, number>();
  const all = (keep: (c: number) => boolean) => {
    for (let c = 0; c < n; c++) if (keep(c)) out.set(c, kind === "over" ? counts[majority] - counts[c] : counts[minority]);
  };
  if (typeof strategy === "string") {
    const word = strategy === "auto" ? (kind === "over" ? "not majority" : "not minority") : strategy;
    if (word === "majority" && kind === "over") throw new DataError(`${owner}: samplingStrategy "majority" cannot be used with an over-sampler`);
    if (word === "minority" && kind === "under") throw new DataError(`${owner}: samplingStrategy "minority" cannot be used with an under-sampler`);
    if (word === "all") all(() => true);
    else if (word === "majority") all((c) => c === majority);
    else if (word === "minority") all((c) => c === minority);
    else if (word === "not majority") all((c) => c !== majority);
    else all((c) => c !== minority);
    return out;
  }
  if (typeof strategy === "number") {
    if (n !== 2) throw new DataError(`${owner}.fitResample: samplingStrategy can be a ratio only for binary targets (got ${n} classes); use a record of class -> count`);
    if (kind === "over") {
      const c = 1 - majority;
      const want = Math.trunc(counts[majority] * strategy - counts[c]);
      if (want <= 0) throw new DataError(`${owner}.fitResample: samplingStrategy=${strategy} would remove minority rows instead of generating new ones; increase the ratio`);
      out.set(c, want);
    } else {
      const c = 1 - minority;
      const keep = Math.trunc(counts[minority] / strategy);
      if (keep > counts[c]) throw new DataError(`${owner}.fitResample: samplingStrategy=${strategy} would need more majority rows than exist; increase the ratio`);
      out.set(c, keep);
    }
    return out;
  }
  const index = new Map(classes.map((label, c) => [String(label), c]));
  for (const [key, desired] of Object.entries(strategy)) {
    const c = index.get(key);
    if (c === undefined) throw new DataError(`${owner}.fitResample: samplingStrategy names class ${JSON.stringify(key)}, which is not in y (classes: ${classes.map((l) => JSON.stringify(l)).join(", ")})`);
    if (kind === "over" && desired < counts[c]) {
      throw new DataError(`${owner}.fitResample: an over-sampler cannot shrink class ${JSON.stringify(key)} from ${counts[c]} to ${desired} rows`);
    }
    if (kind === "under" && desired > counts[c]) {
      throw new DataError(`${owner}.fitResample: an under-sampler cannot grow class ${JSON.stringify(key)} from ${counts[c]} to ${desired} rows`);
    }
    out.set(c, kind === "over" ? desired - counts[c] : desired);
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}
