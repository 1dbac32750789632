/**
 * One progress report of a long fit. Each distinct `task` is one piece of work that advances from
 * 0 to `total`, so a command-line tool can draw one bar or line per task: a task's first report
 * has `done === 0`, `done` never decreases, and its last report has `done === total`.
 *
 * ```ts
 * { task: "classifier › fold 2/5 › trees", path: ["classifier", "fold 2/5", "trees"], done: 250, total: 1000 }
 * ```
 */
export interface FitProgress {
  /** Where the work sits, outermost first, joined with " › ". */
  readonly task: string;
  /** The same place as segments; its length is the nesting depth. */
  readonly path: readonly string[];
  /** Units finished so far (trees, folds, steps...: the last segment says which). */
  readonly done: number;
  /** Units in all. */
  readonly total: number;
}

/** Receives the progress reports of a fit. */
export type ProgressListener = (progress: FitProgress) => void;

/** The progress option every long fit takes. */
export interface ProgressOptions {
  /** Called as parts of the fit finish (see {@link FitProgress}); never called when absent. */
  onProgress?: ProgressListener;
}

/** The separator of `FitProgress.task`. */
export const TASK_SEPARATOR = " › ";

/**
 * A listener for the work done inside `segment` (a named step, a fold, a refit): its reports reach
 * `listener` with `segment` put in front of their path.
 */
export function progressWithin(listener: ProgressListener | undefined, segment: string): ProgressListener | undefined {
  if (listener === undefined) return undefined;
  return (progress) => listener({ task: segment + TASK_SEPARATOR + progress.task, path: [segment, ...progress.path], done: progress.done, total: progress.total });
}

/** Counts the finished units of one task and reports them: `done: 0` when created, then every advance. */
export class ProgressCounter {
  private done = 0;

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly name: string,
    readonly total: number,
  ) {
    this.report();
  }

  /** Marks `units` more as finished (never past `total`). */
  advance(units = 1): void {
    if (this.listener === undefined || units <= 0) return;
    this.done = Math.min(this.total, this.done + units);
    this.report();
  }

  private report(): void {
    this.listener?.({ task: this.name, path: [this.name], done: this.done, total: this.total });
  }
}
