import { ProgressCounter, type ProgressListener } from "../../core/fit-progress.js";
import type { AsyncFitOptions } from "../../core/parallel.js";
import type { FitOptions } from "../fit-options.js";
import { growForestTrees, type ForestPlan } from "./forest-plan.js";
import type { TreeStructure } from "./tree-structure.js";

/** Options of a forest's `fit` and `fitAsync` (`parallel` is used by `fitAsync` only). */
export interface ForestFitOptions extends FitOptions, AsyncFitOptions {}

/** The task name worker pools map to {@link growForestTrees}. */
export const FOREST_TREES_TASK = "forest-trees";

/** The name of a forest's progress task. */
const TREES = "trees";

/**
 * Batches of a forest with a listener or on workers: progress every 1% of the trees, and batches
 * small enough that at the end of a forest no worker waits long for the last one.
 */
const BATCHES = 100;

/** Batches per worker, at least, when workers are so many that 1% of the trees would not balance them. */
const BATCHES_PER_WORKER = 8;

/**
 * Grows every tree of the plan on this thread, in order; with a listener, in batches whose
 * completion is reported as the task "trees".
 */
export function growForest(plan: ForestPlan, onProgress: ProgressListener | undefined): TreeStructure[] {
  const nTrees = plan.seeds.length;
  if (onProgress === undefined) return growForestTrees(plan, 0, nTrees);
  const progress = new ProgressCounter(onProgress, TREES, nTrees);
  const trees: TreeStructure[] = [];
  for (const [from, to] of treeBatches(nTrees, BATCHES)) {
    for (const tree of growForestTrees(plan, from, to)) trees.push(tree);
    progress.advance(to - from);
  }
  return trees;
}

/**
 * Grows every tree of the plan, in contiguous batches spread over `nJobs` workers when
 * `options.parallel` is given, reporting finished batches as the task "trees". Each tree depends
 * only on the plan and its index, so the result is the same trees in the same order for any
 * `nJobs` and any runner.
 */
export async function runForest(plan: ForestPlan, nJobs: number | null, options: AsyncFitOptions): Promise<TreeStructure[]> {
  const nTrees = plan.seeds.length;
  const { parallel, onProgress } = options;
  const jobs = parallel === undefined ? 1 : nJobs === -1 ? parallel.size : Math.min(nJobs ?? 1, parallel.size);
  if (parallel === undefined || jobs <= 1 || nTrees === 1) return growForest(plan, onProgress);
  const ranges = treeBatches(nTrees, Math.max(BATCHES, jobs * BATCHES_PER_WORKER));
  const progress = new ProgressCounter(onProgress, TREES, nTrees);
  const onResult = onProgress === undefined ? undefined : (index: number) => progress.advance(ranges[index][1] - ranges[index][0]);
  const results = await parallel.run<TreeStructure[]>(FOREST_TREES_TASK, plan, ranges, jobs, onResult);
  return results.flat();
}

/** `[from, to)` ranges splitting `nTrees` trees into at most `count` contiguous batches of near-equal size. */
export function treeBatches(nTrees: number, count: number): [number, number][] {
  const batches = Math.max(1, Math.min(nTrees, count));
  const ranges: [number, number][] = [];
  for (let b = 0; b < batches; b++) ranges.push([Math.floor((b * nTrees) / batches), Math.floor(((b + 1) * nTrees) / batches)]);
  return ranges;
}
