import { anyOf, boolean, integer, nullable, number, param } from "../../core/params.js";
import { GROWTH_SCHEMA, type TreeGrowthParams } from "./grow-tree.js";

/** Params every forest has on top of the tree growth params. */
export interface ForestParams extends TreeGrowthParams {
  /** Number of trees. Default 100. */
  nEstimators: number;
  /** Grow each tree on a bootstrap sample. Default true. */
  bootstrap: boolean;
  /** Rows drawn per tree: null (all n), a count, or a fraction of n (of the total weight with weights). */
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

/** scikit-learn's `_get_n_samples_bootstrap`: a fractional maxSamples is relative to the total weight. */
export function bootstrapSize(maxSamples: number | null, rows: number, weightTotal: number): number {
  if (maxSamples === null) return rows;
  if (Number.isInteger(maxSamples)) return maxSamples;
  return Math.max(Math.floor(maxSamples * weightTotal), 1);
}
