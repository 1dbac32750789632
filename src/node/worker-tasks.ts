import { FOREST_TREES_TASK } from "../models/tree/run-forest.js";
import { growForestTrees, type ForestPlan } from "../models/tree/forest-plan.js";

/**
 * The tasks pool workers can run, by name: (shared data sent once per run, one payload) → result.
 * Modules that parallelise add their entry here (cross-validation and searches can reuse the pool).
 */
export const WORKER_TASKS: ReadonlyMap<string, (shared: unknown, payload: unknown) => unknown> = new Map([
  [FOREST_TREES_TASK, (plan: unknown, range: unknown) => growForestTrees(plan as ForestPlan, (range as [number, number])[0], (range as [number, number])[1])],
]);
