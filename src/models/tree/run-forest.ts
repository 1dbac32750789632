import type { ParallelRunner } from "../../core/parallel.js";
import type { FitOptions } from "../fit-options.js";
import { growForestTrees, type ForestPlan } from "./forest-plan.js";
import type { TreeStructure } from "./tree-structure.js";

/** Options of a forest's `fitAsync`. */
export interface ForestFitOptions extends FitOptions {
  /** Runs batches of trees elsewhere (the worker pool of `tabkit/node`); absent: on this thread. */
  parallel?: ParallelRunner;
}

/** The task name worker pools map to {@link growForestTrees}. */
export const FOREST_TREES_TASK = "forest-trees";

/**
 * Grows every tree of the plan, in contiguous batches spread over `nJobs` workers when a runner
 * is given. Each tree depends only on the plan and its index, so the result is the same trees
 * in the same order for any `nJobs`.
 */
export async function runForest(plan: ForestPlan, nJobs: number | null, parallel: ParallelRunner | undefined): Promise<TreeStructure[]> {
  const nTrees = plan.seeds.length;
  if (parallel === undefined) return growForestTrees(plan, 0, nTrees);
  const jobs = nJobs === -1 ? parallel.size : Math.min(nJobs ?? 1, parallel.size);
  if (jobs <= 1 || nTrees === 1) return growForestTrees(plan, 0, nTrees);
  const batches = Math.min(nTrees, jobs * 4);
  const ranges: [number, number][] = [];
  for (let b = 0; b < batches; b++) ranges.push([Math.floor((b * nTrees) / batches), Math.floor(((b + 1) * nTrees) / batches)]);
  const results = await parallel.run<TreeStructure[]>(FOREST_TREES_TASK, plan, ranges, jobs);
  return results.flat();
}
