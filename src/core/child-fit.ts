import { progressWithin, type ProgressListener, type ProgressOptions } from "./fit-progress.js";
import type { AsyncFitOptions } from "./parallel.js";

/** A composite's request to fit one of its children, yielded by its {@link FitProcedure}. */
export interface ChildFit {
  readonly child: object;
  readonly X: unknown;
  readonly y: unknown;
  /** The child's own fit options (sampleWeight, groups...), passed on unchanged. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Where the child's progress reports sit under the parent's (a step name, "fold 2/5"); default: the parent's place. */
  readonly path?: readonly string[];
}

/**
 * A composite's fit written once for both `fit` and `fitAsync`: a generator that yields each child
 * to fit and resumes when that child is fitted, or by throwing the child's error. {@link runFit}
 * and {@link runFitAsync} carry it out, so both fit the same children in the same order on the
 * same data, and give identical results; state is committed only when the procedure returns.
 */
export type FitProcedure<R> = Generator<ChildFit, R, undefined>;

/** Carries out a procedure on this thread: each child through its synchronous `fit`. */
export function runFit<R>(procedure: FitProcedure<R>, options: ProgressOptions = {}): R {
  let step = procedure.next();
  while (!step.done) {
    let outcome: { error: unknown } | undefined;
    try {
      const request = step.value;
      callFit(request.child, "fit", request.X, request.y, childOptions(request, options.onProgress));
    } catch (error) {
      outcome = { error };
    }
    step = outcome === undefined ? procedure.next() : procedure.throw(outcome.error);
  }
  return step.value;
}

/** Carries out a procedure with {@link fitChild}: children that have `fitAsync` may use `options.parallel`. */
export async function runFitAsync<R>(procedure: FitProcedure<R>, options: AsyncFitOptions = {}): Promise<R> {
  let step = procedure.next();
  while (!step.done) {
    let outcome: { error: unknown } | undefined;
    try {
      const request = step.value;
      await fitChild(request.child, request.X, request.y, { ...childOptions(request, options.onProgress), parallel: options.parallel });
    } catch (error) {
      outcome = { error };
    }
    step = outcome === undefined ? procedure.next() : procedure.throw(outcome.error);
  }
  return step.value;
}

/**
 * Fits `child` through its `fitAsync` when it has one (so it can run work on `options.parallel`
 * and report progress), else through its synchronous `fit`. `options` holds the child's own fit
 * options plus the async ones.
 */
export async function fitChild(child: object, X: unknown, y: unknown, options: AsyncFitOptions & Readonly<Record<string, unknown>> = {}): Promise<void> {
  if (typeof (child as { fitAsync?: unknown }).fitAsync === "function") await callFit(child, "fitAsync", X, y, options);
  else {
    const { parallel: _parallel, ...syncOptions } = options;
    callFit(child, "fit", X, y, syncOptions);
  }
}

function childOptions(request: ChildFit, listener: ProgressListener | undefined): Record<string, unknown> {
  let onProgress = listener;
  for (const segment of request.path ?? []) onProgress = progressWithin(onProgress, segment);
  return { ...request.options, onProgress };
}

function callFit(child: object, method: "fit" | "fitAsync", X: unknown, y: unknown, options: Record<string, unknown>): unknown {
  return (child as Record<string, (X: unknown, y: unknown, options: unknown) => unknown>)[method](X, y, options);
}
