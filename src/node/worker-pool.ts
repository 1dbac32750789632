import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { ValidationError } from "../core/errors.js";
import type { ParallelRunner } from "../core/parallel.js";
import { startPoolWorker, type FromWorker, type PoolWorker, type WorkerKind } from "./pool-workers.js";
import { fromWorkerError } from "./worker-error.js";
import { WORKER_TASKS } from "./worker-tasks.js";

/** How a `WorkerPool` runs its workers. */
export interface WorkerPoolOptions {
  /**
   * "threads" (the default): worker threads of this process. "processes": child processes, which
   * cost more to start (a Node process each) and copy results instead of moving them, but on the
   * 2-core VM of the benchmarks grow forests about 10% faster than two threads of one process.
   */
  kind?: WorkerKind;
  /** The file workers load; by default this module's own (set it when a bundler moves tabkit/node). */
  script?: string | URL;
}

/** One call of `run`: its payloads, results and the workers that hold its shared data. */
interface Run {
  readonly id: number;
  readonly task: string;
  readonly shared: unknown;
  readonly payloads: readonly unknown[];
  readonly jobs: number;
  readonly results: unknown[];
  readonly onResult: ((index: number, result: unknown) => void) | undefined;
  readonly resolve: (results: unknown[]) => void;
  readonly reject: (error: unknown) => void;
  /** workers that were sent the shared data (at most `jobs`) */
  readonly workers: Set<PoolWorker>;
  next: number;
  done: number;
  inFlight: number;
  failed: boolean;
}

/**
 * A small pool of workers — threads, or with `kind: "processes"` child processes — running the
 * named tasks of `worker-tasks.ts`. `run` sends the shared data once to each worker it uses,
 * hands payloads out one at a time as workers finish (so uneven tasks balance), and resolves to
 * the results in payload order. Several runs may be
 * in progress at once: a free worker takes the next payload of the oldest run that may still use
 * it, so a caller can queue the next fit's work while it handles the last one's results. A task
 * that throws rejects its run with the worker's error rebuilt here: same type, message and
 * tabkit `code`. A worker that dies (a crashed or killed process) fails only the run it was
 * working for and is replaced. Idle workers do not keep the process alive; `close()` ends them.
 *
 * ```ts
 * const pool = new WorkerPool(2);                       // or new WorkerPool(2, { kind: "processes" })
 * await pipeline.fitAsync(X, y, { parallel: pool, onProgress });   // forests use nJobs workers at most
 * await pool.close();
 * ```
 */
export class WorkerPool implements ParallelRunner {
  readonly size: number;
  readonly kind: WorkerKind;
  private readonly script: string | URL;
  private readonly workers: PoolWorker[] = [];
  /** what each worker is doing: the run of its current payload, or undefined when idle */
  private readonly busyWith = new Map<PoolWorker, Run>();
  /** runs with payloads not yet handed out or results not yet back, oldest first */
  private readonly runs: Run[] = [];
  private nextRun = 0;
  private closed = false;
  /** workers that have said they serve tasks */
  private readonly ready = new Set<PoolWorker>();
  /** set when a worker died before it could serve: the pool's workers cannot start, so none is started again */
  private startFailure: Error | null = null;

  /**
   * Starts the workers at once, so that they have loaded the library by the time the first run
   * needs them (a fit usually has preprocessing to do first).
   * @param size workers (default: the machine's available parallelism)
   */
  constructor(size: number = availableParallelism(), options: WorkerPoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new ValidationError(`WorkerPool: size must be a positive integer, got ${String(size)}`, [{ path: "size", message: "must be a positive integer" }]);
    const kind = options.kind ?? "threads";
    if (kind !== "threads" && kind !== "processes") throw new ValidationError(`WorkerPool: kind must be "threads" or "processes", got ${JSON.stringify(kind)}`, [{ path: "kind", message: 'must be "threads" or "processes"' }]);
    this.size = size;
    this.kind = kind;
    this.script = options.script ?? defaultScript();
    for (let i = 0; i < size; i++) this.workers.push(this.startWorker());
  }

  run<R>(task: string, shared: unknown, payloads: readonly unknown[], jobs: number, onResult?: (index: number, result: R) => void): Promise<R[]> {
    if (!WORKER_TASKS.has(task)) return Promise.reject(new ValidationError(`WorkerPool.run: unknown task "${task}"`));
    if (this.closed) return Promise.reject(new ValidationError("WorkerPool.run: the pool is closed"));
    if (this.startFailure !== null) return Promise.reject(this.startFailure);
    if (payloads.length === 0) return Promise.resolve([]);
    const n = Math.max(1, Math.min(jobs, this.size, payloads.length));
    return new Promise<R[]>((resolve, reject) => {
      const run: Run = {
        id: this.nextRun++,
        task,
        shared,
        payloads,
        jobs: n,
        results: new Array<unknown>(payloads.length),
        onResult: onResult as Run["onResult"],
        resolve: resolve as Run["resolve"],
        reject,
        workers: new Set(),
        next: 0,
        done: 0,
        inFlight: 0,
        failed: false,
      };
      this.runs.push(run);
      this.dispatch();
    });
  }

  /** Ends every worker; runs still in progress are rejected. The pool cannot be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    for (const run of [...this.runs]) this.fail(run, new ValidationError("WorkerPool.close: the pool was closed while a run was in progress"));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private startWorker(): PoolWorker {
    const worker: PoolWorker = startPoolWorker(this.kind, this.script, {
      message: (message) => this.receive(worker, message),
      failure: (error) => this.lose(worker, error),
    });
    worker.unref();
    return worker;
  }

  /**
   * A worker died. It takes its current payload with it: that run fails, the others go on
   * elsewhere, and a new worker takes its place — unless it died before it ever served, when
   * replacements would fail the same way (a script that does not load, a process that cannot
   * start): then every run fails, now and later.
   */
  private lose(worker: PoolWorker, error: Error): void {
    const run = this.busyWith.get(worker);
    this.busyWith.delete(worker);
    const at = this.workers.indexOf(worker);
    if (at < 0) return; // closed
    this.workers.splice(at, 1);
    for (const r of this.runs) r.workers.delete(worker);
    if (!this.ready.delete(worker)) this.startFailure = new ValidationError(`WorkerPool: a worker ${this.kind === "threads" ? "thread" : "process"} could not start (${error.message}); is ${String(this.script)} a file of tabkit/node?`);
    if (run !== undefined) {
      run.inFlight--;
      if (run.failed) this.retireIfIdle(run);
      else this.fail(run, this.startFailure ?? error);
    }
    if (this.startFailure !== null) {
      for (const r of [...this.runs]) this.fail(r, this.startFailure);
      return;
    }
    this.workers.push(this.startWorker());
    this.dispatch();
  }

  /** Gives every idle worker the next payload of the oldest run that may use it. */
  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.busyWith.has(worker)) continue;
      const run = this.runs.find((r) => r.next < r.payloads.length && (r.workers.has(worker) || r.workers.size < r.jobs));
      if (run === undefined) continue;
      if (!run.workers.has(worker)) {
        run.workers.add(worker);
        worker.send({ type: "shared", run: run.id, shared: run.shared });
      }
      const index = run.next++;
      run.inFlight++;
      this.busyWith.set(worker, run);
      worker.ref();
      worker.send({ type: "task", run: run.id, task: run.task, index, payload: run.payloads[index] });
    }
  }

  private receive(worker: PoolWorker, message: FromWorker): void {
    if (message.type === "ready") {
      this.ready.add(worker);
      return;
    }
    const run = this.busyWith.get(worker);
    this.busyWith.delete(worker);
    worker.unref();
    if (run === undefined || run.id !== message.run) return;
    run.inFlight--;
    if (run.failed) this.retireIfIdle(run);
    else if (message.type === "error") this.fail(run, fromWorkerError(message.error));
    else {
      run.results[message.index] = message.result;
      run.done++;
      try {
        run.onResult?.(message.index, message.result);
      } catch (error) {
        this.fail(run, error);
      }
      if (!run.failed && run.done === run.payloads.length) {
        this.retire(run);
        run.resolve(run.results);
      }
    }
    this.dispatch();
  }

  /** Rejects the run once; payloads not handed out are dropped, results still on their way ignored. */
  private fail(run: Run, error: unknown): void {
    if (run.failed) return;
    run.failed = true;
    run.next = run.payloads.length;
    run.reject(error);
    this.retireIfIdle(run);
  }

  private retireIfIdle(run: Run): void {
    if (run.inFlight === 0) this.retire(run);
  }

  /** Forgets the run here and in its workers. */
  private retire(run: Run): void {
    const at = this.runs.indexOf(run);
    if (at >= 0) this.runs.splice(at, 1);
    for (const worker of run.workers) worker.send({ type: "end", run: run.id });
  }
}

/** This module's own file: workers load it, which imports the task-serving side (pool-workers.ts). */
function defaultScript(): string {
  return typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);
}

