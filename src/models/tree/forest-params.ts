import { anyOf, boolean, integer, nullable, number, param } from "../../core/params.js";
import { GROWTH_SCHEMA, type TreeGrowthParams } from "./grow-tree.js";

/** Params every forest has on top of the tree growth params. */
export interface ForestParams extends TreeGrowthParams {
  /** Number of trees. Default 100. */
  nEstimators: number;
  /** Grow each tree on a bootstrap sample. Default true. */
  bootstrap: boolean;
  /**
   * Rows drawn per tree: null (all n), a count, or a non-integer fraction of n (of the total weight
   * with weights). `1.0` is the count 1 in JavaScript, not every row as in scikit-learn: use null.
   */
  maxSamples: number | null;
  /** Compute the out-of-bag score at fit. Default false. */
  oobScore: boolean;
  /** Seeds the forest; null draws a fresh seed (not reproducible). */
  randomState: number | null;
  /**
   * Worker threads for `fitAsync` with the Node pool of `tabkit/node` (null or 1: one, -1: all
   * cores). Results are identical for any value; `fit` always runs on the calling thread.
   */
  nJobs: number | null;
}

export const FOREST_SCHEMA = {
  ...GROWTH_SCHEMA,
  nEstimators: param(100, integer({ min: 1, max: 100000 })),
  bootstrap: param(true, boolean()),
  maxSamples: param<number | null>(null, nullable(anyOf(integer({ min: 1 }), number({ min: 0, exclusiveMin: true })))),
  oobScore: param(false, boolean()),
  nJobs: param<number | null>(null, nullable(anyOf(integer({ min: 1 }), integer({ min: -1, max: -1 })))),
};

/**
 * scikit-learn's `_get_n_samples_bootstrap`: a fractional maxSamples is relative to the total
 * weight (`weightTotal`, null without weights), and `warn` hears scikit-learn's warning when that
 * gives few rows; also of a `maxSamples` of 1, which is one row (JavaScript's 1.0 is the integer 1).
 */
export function bootstrapSize(maxSamples: number | null, rows: number, weightTotal: number | null, warn: (message: string) => void): number {
  if (maxSamples === null) return rows;
  if (Number.isInteger(maxSamples)) {
    if (maxSamples === 1) warn("maxSamples: 1 draws a single row per tree (1.0 is the integer 1 in JavaScript); use null to draw as many rows as X has");
    return maxSamples;
  }
  const n = Math.max(Math.floor(maxSamples * (weightTotal ?? rows)), 1);
  // scikit-learn's heuristic for "suspiciously small"
  if (n < Math.max(10, rows ** (1 / 3))) {
    const of = weightTotal === null ? `the number of samples is ${rows}` : `the total sum of sample weights is ${weightTotal}`;
    warn(`using the fractional value maxSamples = ${maxSamples} when ${of} results in a low number (${n}) of bootstrap samples; we recommend passing maxSamples as an integer instead`);
  }
  return n;
}
