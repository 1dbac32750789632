import { FOREST_TREES_TASK } from "../models/tree/run-forest.js";
import { growForestTrees, type ForestPlan } from "../models/tree/forest-plan.js";

/** A task pool workers can run: `run` maps (shared data sent once per run, one payload) to a result, copied back to the caller. */
export interface WorkerTask {
  run(shared: unknown, payload: unknown): unknown;
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
    },
  ],
]);
