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
