import { fork, type ChildProcess } from "node:child_process";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { toWorkerError, type WorkerErrorData } from "./worker-error.js";
import { WORKER_TASKS } from "./worker-tasks.js";

/** What the pool sends a worker. */
export type ToWorker = { type: "shared"; run: number; shared: unknown } | { type: "task"; run: number; task: string; index: number; payload: unknown } | { type: "end"; run: number };
/** What a worker says: that it has started and serves tasks, then one message per task. */
export type FromWorker = { type: "ready" } | { type: "result"; run: number; index: number; result: unknown } | { type: "error"; run: number; index: number; error: WorkerErrorData };

/** How a pool's workers run: threads of this process, or child processes of their own. */
export type WorkerKind = "threads" | "processes";

/** One worker of a pool, whichever its kind. */
export interface PoolWorker {
  send(message: ToWorker): void;
  /** Keeps the process alive while the worker has work (`unref`: lets it exit while idle). */
  ref(): void;
  unref(): void;
  terminate(): Promise<void>;
}

/** What a worker tells its pool: a message, or that it died (then it sends nothing more). */
export interface WorkerListener {
  message(message: FromWorker): void;
  failure(error: Error): void;
}

const THREAD_FLAG = "tabkitWorkerPool";
const PROCESS_FLAG = "TABKIT_WORKER_POOL_PROCESS";

/** Starts a worker of the given kind that loads `script` (a file that imports this module). */
export function startPoolWorker(kind: WorkerKind, script: string | URL, listener: WorkerListener): PoolWorker {
  return kind === "threads" ? startThread(script, listener) : startProcess(script, listener);
}

function startThread(script: string | URL, listener: WorkerListener): PoolWorker {
  const worker = new Worker(script, { workerData: { [THREAD_FLAG]: true } });
  let ended = false;
  const end = (error: Error): void => {
    if (ended) return;
    ended = true;
    listener.failure(error);
  };
  worker.on("message", (message: FromWorker) => listener.message(message));
  worker.on("error", end);
  // a script that loads without serving tasks ends its thread without an error
  worker.on("exit", (code) => end(new Error(`WorkerPool: a worker thread exited (code ${code})`)));
  return {
    send: (message) => worker.postMessage(message),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: async () => {
      ended = true;
      await worker.terminate();
    },
  };
}

/**
 * A child process on the same script, talking over its IPC channel with the structured clone
 * algorithm (typed arrays and errors survive as with threads, copied instead of moved). Of the
 * parent's options it gets only the heap sizes (see {@link heapSizeOptions}); NODE_OPTIONS comes
 * with the environment.
 */
function startProcess(script: string | URL, listener: WorkerListener): PoolWorker {
  const child: ChildProcess = fork(script, [], { serialization: "advanced", execArgv: heapSizeOptions(process.execArgv), env: { ...process.env, [PROCESS_FLAG]: "1" } });
  let ended = false;
  child.on("message", (message) => listener.message(message as FromWorker));
  // 'error' comes when the process cannot start (send errors go to send's callback below)
  child.on("error", (error) => {
    if (ended) return;
    ended = true;
    listener.failure(error);
  });
  child.on("exit", (code, signal) => {
    if (ended) return;
    ended = true;
    listener.failure(new Error(`WorkerPool: a worker process exited (${signal === null ? `code ${String(code)}` : `signal ${signal}`})`));
  });
  // the IPC channel holds the event loop too; its ref/unref is not in the public types
  const channel = (): { ref(): void; unref(): void } | undefined => child.channel as unknown as { ref(): void; unref(): void } | undefined;
  return {
    // a message to a process that has just died fails here; its 'exit' reports why
    send: (message) => child.send(message, () => undefined),
    ref: () => {
      child.ref();
      channel()?.ref();
    },
    unref: () => {
      child.unref();
      channel()?.unref();
    },
    terminate: () =>
      new Promise<void>((resolve) => {
        ended = true;
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else {
          // an idle worker is unref'd: without this the caller's process could end before 'exit'
          child.ref();
          child.once("exit", () => resolve());
          child.kill();
        }
      }),
  };
}

/**
 * The heap-size options among a process's `execArgv` (`--max-old-space-size=N`,
 * `--max-semi-space-size=N`, with - or _): worker threads share them, V8's flags being per
 * process, so worker processes are given them too. Nothing else is passed on: the script is plain
 * JavaScript, and a debugger port or a loader of the parent's would not fit a second process.
 */
function heapSizeOptions(execArgv: readonly string[]): string[] {
  return execArgv.filter((option) => /^--max[-_](old|semi)[-_]space[-_]size=/.test(option));
}

/** The worker side: keeps the shared data of each run in progress and answers task messages. */
function serveTasks(port: { listen(handler: (message: ToWorker) => void): void; post(message: FromWorker): void }): void {
  const shared = new Map<number, unknown>();
  port.post({ type: "ready" });
  port.listen((message) => {
    if (message.type === "shared") shared.set(message.run, message.shared);
    else if (message.type === "end") shared.delete(message.run);
    else {
      try {
        const task = WORKER_TASKS.get(message.task)!;
        const result = task.run(shared.get(message.run), message.payload);
        // Copied, not transferred: a transfer detaches the worker's buffers, and after the first
        // detached buffer V8 checks every typed array access in that worker (300 trees on two
        // threads took 1.63 s transferring, 1.40 s copying).
        port.post({ type: "result", run: message.run, index: message.index, result });
      } catch (error) {
        port.post({ type: "error", run: message.run, index: message.index, error: toWorkerError(error) });
      }
    }
  });
}

// Only a thread or process started by a pool serves tasks; importing this module does nothing otherwise.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[THREAD_FLAG] === true) {
  serveTasks({ listen: (handler) => parentPort!.on("message", handler), post: (message) => parentPort!.postMessage(message) });
} else if (process.env[PROCESS_FLAG] === "1" && process.send !== undefined) {
  // not passed on to processes this one may start
  delete process.env[PROCESS_FLAG];
  serveTasks({ listen: (handler) => process.on("message", handler), post: (message) => process.send!(message) });
}
