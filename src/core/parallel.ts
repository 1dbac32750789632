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
   * resolves to the results in payload order. `shared` is sent once per worker.
   */
  run<R>(task: string, shared: unknown, payloads: readonly unknown[], jobs: number): Promise<R[]>;
}
