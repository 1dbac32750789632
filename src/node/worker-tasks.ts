import { FOREST_TREES_TASK } from "../models/tree/run-forest.js";
import { growForestTrees, type ForestPlan } from "../models/tree/forest-plan.js";
import { treeBuffers, type TreeStructure } from "../models/tree/tree-structure.js";

/**
 * A task pool workers can run: `run` maps (shared data sent once per run, one payload) to a
 * result; `buffers` lists the result's buffers that the worker no longer needs, which are moved
 * to the calling thread instead of copied.
 */
export interface WorkerTask {
  run(shared: unknown, payload: unknown): unknown;
  buffers(result: unknown): ArrayBuffer[];
}

/**
 * The tasks pool workers can run, by name. Modules that parallelise add their entry here
 * (cross-validation and searches can reuse the pool).
 */
export const WORKER_TASKS: ReadonlyMap<string, WorkerTask> = new Map([
  [
    FOREST_TREES_TASK,
    {
      run: (plan: unknown, range: unknown) => growForestTrees(plan as ForestPlan, (range as [number, number])[0], (range as [number, number])[1]),
      buffers: (trees: unknown) => (trees as TreeStructure[]).flatMap(treeBuffers),
    },
  ],
]);
