import { ValidationError } from "./errors.js";
import type { ProgressOptions } from "./fit-progress.js";

/**
 * Runs named tasks on other threads (the worker pool of `tabkit/node` implements it). The core
 * never depends on a platform: estimators take a runner as an option and fall back to the same
 * sequential code without one.
 */
export interface ParallelRunner {
  /** Number of workers available. */
  readonly size: number;
  /**
   * Calls task `task` with (`shared`, payload) for every payload on at most `jobs` workers;
   * resolves to the results in payload order. `shared` is sent once per worker. `onResult`, when
   * given, is called as each payload's result arrives (in completion order). A task that throws
   * rejects the promise with an error of the same type, message and tabkit `code`.
   */
  run<R>(task: string, shared: unknown, payloads: readonly unknown[], jobs: number, onResult?: (index: number, result: R) => void): Promise<R[]>;
}

/** The options of every `fitAsync`: where heavy work may run, and who hears of its progress. */
export interface AsyncFitOptions extends ProgressOptions {
  /**
   * Runs heavy work (batches of forest trees) on other threads, e.g. the `WorkerPool` of
   * `tabkit/node`; absent: on this thread. Results are the same either way.
   */
  parallel?: ParallelRunner;
}

/**
 * Checks a `fitAsync`'s `parallel` option before any work starts, so that `{}` or a string is a
 * ValidationError naming the option rather than a TypeError from deep inside the fit. `owner`
 * is the `Kind.fitAsync` the message starts with.
 */
export function checkParallel(parallel: unknown, owner: string): ParallelRunner | undefined {
  if (parallel === undefined) return undefined;
  const runner = parallel as Partial<ParallelRunner> | null;
  if (typeof runner?.run !== "function" || !Number.isInteger(runner.size) || runner.size! < 1) {
    const got = typeof parallel === "object" && parallel !== null ? `an object with keys ${JSON.stringify(Object.keys(parallel))}` : (JSON.stringify(parallel) ?? String(parallel));
    throw new ValidationError(`${owner}: options.parallel must be a parallel runner, an object with run(task, shared, payloads, jobs) and a worker count size >= 1 (e.g. a WorkerPool from tabkit/node), got ${got}`, [
      { path: "parallel", message: "must be a ParallelRunner (run and size), e.g. a WorkerPool" },
    ]);
  }
  return runner as ParallelRunner;
}
