import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { ValidationError } from "../core/errors.js";
import type { ParallelRunner } from "../core/parallel.js";
import { fromWorkerError, toWorkerError, type WorkerErrorData } from "./worker-error.js";
import { WORKER_TASKS } from "./worker-tasks.js";

type ToWorker = { type: "shared"; run: number; shared: unknown } | { type: "task"; run: number; task: string; index: number; payload: unknown } | { type: "end"; run: number };
type FromWorker = { type: "result"; run: number; index: number; result: unknown } | { type: "error"; run: number; index: number; error: WorkerErrorData };

const WORKER_FLAG = "tabkitWorkerPool";

/**
 * A small pool of worker threads running the named tasks of `worker-tasks.ts`. `run` sends the
 * shared data once to each worker it uses, hands payloads out one at a time as workers finish
 * (so uneven tasks balance), and resolves to the results in payload order. A task that throws
 * rejects the run with the worker's error rebuilt here: same type, message and tabkit `code`.
 * Idle workers do not keep the process alive; `close()` ends them.
 *
 * ```ts
 * const pool = new WorkerPool(2);
 * await pipeline.fitAsync(X, y, { parallel: pool, onProgress });   // forests use nJobs workers at most
 * await pool.close();
 * ```
 */
export class WorkerPool implements ParallelRunner {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private nextRun = 0;
  private busy = false;

  /** @param size worker threads (default: the machine's available parallelism) */
  constructor(size: number = availableParallelism(), private readonly script: string | URL = defaultScript()) {
    if (!Number.isInteger(size) || size < 1) throw new ValidationError(`WorkerPool: size must be a positive integer, got ${String(size)}`, [{ path: "size", message: "must be a positive integer" }]);
    this.size = size;
  }

  async run<R>(task: string, shared: unknown, payloads: readonly unknown[], jobs: number, onResult?: (index: number, result: R) => void): Promise<R[]> {
    if (!WORKER_TASKS.has(task)) throw new ValidationError(`WorkerPool.run: unknown task "${task}"`);
    if (this.busy) throw new ValidationError("WorkerPool.run: the pool is already running a task; wait for it or use another pool");
    const n = Math.max(1, Math.min(jobs, this.size, payloads.length));
    while (this.workers.length < n) this.workers.push(new Worker(this.script, { workerData: { [WORKER_FLAG]: true } }));
    const run = this.nextRun++;
    const results = new Array<R>(payloads.length);
    let next = 0;
    let done = 0;
    this.busy = true;
    try {
      await new Promise<void>((resolve, reject) => {
        if (payloads.length === 0) return resolve();
        const active = this.workers.slice(0, n);
        const cleanup = () => {
          for (const worker of active) {
            worker.off("message", onMessage);
            worker.off("error", onError);
            worker.postMessage({ type: "end", run } satisfies ToWorker);
            worker.unref();
          }
        };
        const give = (worker: Worker) => {
          if (next >= payloads.length) return;
          const index = next++;
          worker.postMessage({ type: "task", run, task, index, payload: payloads[index] } satisfies ToWorker);
        };
        const onError = (error: Error) => {
          cleanup();
          reject(error);
        };
        const onMessage = function (this: Worker, message: FromWorker) {
          if (message.run !== run) return;
          if (message.type === "error") {
            cleanup();
            reject(fromWorkerError(message.error));
            return;
          }
          results[message.index] = message.result as R;
          done++;
          try {
            onResult?.(message.index, message.result as R);
          } catch (error) {
            cleanup();
            reject(error);
            return;
          }
          if (done === payloads.length) {
            cleanup();
            resolve();
          } else give(this);
        };
        for (const worker of active) {
          worker.ref();
          worker.on("message", onMessage);
          worker.on("error", onError);
          worker.postMessage({ type: "shared", run, shared } satisfies ToWorker);
          give(worker);
        }
      });
    } finally {
      this.busy = false;
    }
    return results;
  }

  /** Ends every worker. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** This module's own file: workers load it and serve tasks (see the guard below). */
function defaultScript(): string {
  return typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);
}

/** The worker side: keeps the shared data of the current run and answers task messages. */
function serveTasks(): void {
  let shared: { run: number; data: unknown } | undefined;
  parentPort!.on("message", (message: ToWorker) => {
    if (message.type === "shared") shared = { run: message.run, data: message.shared };
    else if (message.type === "end") shared = undefined;
    else {
      try {
        const task = WORKER_TASKS.get(message.task)!;
        const result = task.run(shared?.run === message.run ? shared.data : undefined, message.payload);
        parentPort!.postMessage({ type: "result", run: message.run, index: message.index, result } satisfies FromWorker, task.buffers(result));
      } catch (error) {
        parentPort!.postMessage({ type: "error", run: message.run, index: message.index, error: toWorkerError(error) } satisfies FromWorker);
      }
    }
  });
}

// Only a thread started by WorkerPool serves tasks; importing this module does nothing otherwise.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) serveTasks();
