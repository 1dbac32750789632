import { ProgressCounter, type ProgressListener } from "../../core/fit-progress.js";
import type { AsyncFitOptions } from "../../core/parallel.js";
import type { FitOptions } from "../fit-options.js";
import { ForestAssembly, type AssembledForest } from "./forest-assembly.js";
import { growForestTrees, type ForestPlan } from "./forest-plan.js";
import type { TreeStructure } from "./tree-structure.js";

/** Options of a forest's `fit` and `fitAsync` (`parallel` is used by `fitAsync` only). */
export interface ForestFitOptions extends FitOptions, AsyncFitOptions {}

/** The task name worker pools map to {@link growForestTrees}. */
export const FOREST_TREES_TASK = "forest-trees";

/** The name of a forest's progress task. */
const TREES = "trees";

/** Batches of a forest with a listener: progress every 1% of the trees. */
const BATCHES = 100;

/** Trees per batch on workers, at most: small enough that at the end of a forest no worker waits long for the last one. */
const TREES_PER_WORKER_BATCH = 4;


/**
 * Grows every tree of the plan on this thread, in order; with a listener, in batches whose
 * completion is reported as the task "trees".
 */
export function growForest(plan: ForestPlan, onProgress: ProgressListener | undefined): AssembledForest {
  const nTrees = plan.seeds.length;
  const assembly = new ForestAssembly(plan);
  const progress = new ProgressCounter(onProgress, TREES, nTrees);
  for (const [from, to] of treeBatches(nTrees, onProgress === undefined ? 1 : BATCHES)) {
    assembly.add(from, growForestTrees(plan, from, to));
    progress.advance(to - from);
  }
  return assembly.finish();
}

/**
 * Grows every tree of the plan, in contiguous batches spread over `nJobs` workers when
 * `options.parallel` is given (one worker for `nJobs` 1, so the calling thread stays free),
 * reporting finished batches as the task "trees" and assembling each as it arrives. Each tree
 * depends only on the plan and its index, so the result is the same trees in the same order for
 * any `nJobs` and any runner.
 */
export async function runForest(plan: ForestPlan, nJobs: number | null, options: AsyncFitOptions): Promise<AssembledForest> {
  const nTrees = plan.seeds.length;
  const { parallel, onProgress } = options;
  const jobs = parallel === undefined ? 1 : nJobs === -1 ? parallel.size : Math.min(nJobs ?? 1, parallel.size);
  if (parallel === undefined || nTrees === 1) return growForest(plan, onProgress);
  const ranges = treeBatches(nTrees, Math.max(Math.ceil(nTrees / TREES_PER_WORKER_BATCH), jobs));
  const progress = new ProgressCounter(onProgress, TREES, nTrees);
  const assembly = new ForestAssembly(plan);
  await parallel.run<TreeStructure[]>(FOREST_TREES_TASK, plan, ranges, jobs, (index, trees) => {
    assembly.add(ranges[index][0], trees);
    progress.advance(ranges[index][1] - ranges[index][0]);
  });
  return assembly.finish();
}

/** `[from, to)` ranges splitting `nTrees` trees into at most `count` contiguous batches of near-equal size. */
export function treeBatches(nTrees: number, count: number): [number, number][] {
  const batches = Math.max(1, Math.min(nTrees, count));
  const ranges: [number, number][] = [];
  for (let b = 0; b < batches; b++) ranges.push([Math.floor((b * nTrees) / batches), Math.floor(((b + 1) * nTrees) / batches)]);
  return ranges;
}
