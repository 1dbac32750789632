import type { ParallelRunner } from "../../src/core/parallel.js";
import { WORKER_TASKS } from "../../src/node/worker-tasks.js";

/**
 * A ParallelRunner that runs the worker tasks on this thread, reporting results in reverse
 * payload order (as uneven workers might), and records every run.
 */
export class InlineRunner implements ParallelRunner {
  readonly runs: { task: string; payloads: number }[] = [];

  constructor(readonly size = 2) {}

  async run<R>(task: string, shared: unknown, payloads: readonly unknown[], _jobs: number, onResult?: (index: number, result: R) => void): Promise<R[]> {
    this.runs.push({ task, payloads: payloads.length });
    const fn = WORKER_TASKS.get(task)?.run;
    if (fn === undefined) throw new Error(`InlineRunner: unknown task ${task}`);
    const results = new Array<R>(payloads.length);
    for (let i = payloads.length - 1; i >= 0; i--) {
      await Promise.resolve();
      results[i] = fn(shared, payloads[i]) as R;
      onResult?.(i, results[i]);
    }
    return results;
  }
}
