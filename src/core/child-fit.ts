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
  /**
   * Go on with the procedure while the child fits; the procedure yields {@link FitDone} for the
   * child before it uses it, and receives the child's error there. {@link runFitAsync} lets the
   * fit's parallel work (forest trees on a pool) overlap the procedure's own work, such as
   * scoring the previous fold; {@link runFit} fits at once. Default false: wait for the fit.
   */
  readonly overlap?: boolean;
}

/** Waits for the overlapped fit of `fitted` (see {@link ChildFit.overlap}); its error is thrown here. */
export interface FitDone {
  readonly fitted: object;
}

/** What a {@link FitProcedure} yields: a child to fit, or an overlapped fit to wait for. */
export type FitRequest = ChildFit | FitDone;

/**
 * A composite's fit written once for both `fit` and `fitAsync`: a generator that yields each child
 * to fit and resumes when that child is fitted, or by throwing the child's error. {@link runFit}
 * and {@link runFitAsync} carry it out, so both fit the same children in the same order on the
 * same data, and give identical results; state is committed only when the procedure returns.
 */
export type FitProcedure<R> = Generator<FitRequest, R, undefined>;

/** How a fit ended: undefined when it succeeded. */
type Outcome = { error: unknown } | undefined;

/** Carries out a procedure on this thread: each child through its synchronous `fit`. */
export function runFit<R>(procedure: FitProcedure<R>, options: ProgressOptions = {}): R {
  // errors of overlapped fits, held until the procedure waits for the child
  const held = new Map<object, Outcome>();
  let step = procedure.next();
  while (!step.done) {
    const request = step.value;
    let outcome: Outcome;
    if ("fitted" in request) {
      outcome = held.get(request.fitted);
      held.delete(request.fitted);
    } else {
      try {
        callFit(request.child, "fit", request.X, request.y, childOptions(request, options.onProgress));
      } catch (error) {
        outcome = { error };
      }
      if (request.overlap === true) {
        held.set(request.child, outcome);
        outcome = undefined;
      }
    }
    step = outcome === undefined ? procedure.next() : procedure.throw(outcome.error);
  }
  return step.value;
}

/**
 * Carries out a procedure with {@link fitChild}: children that have `fitAsync` may use
 * `options.parallel`, and overlapped fits run while the procedure goes on. Whatever the
 * procedure's end, it settles only when every fit it started has.
 */
export async function runFitAsync<R>(procedure: FitProcedure<R>, options: AsyncFitOptions = {}): Promise<R> {
  const running = new Map<object, Promise<Outcome>>();
  const fit = (request: ChildFit): Promise<Outcome> =>
    fitChild(request.child, request.X, request.y, { ...childOptions(request, options.onProgress), parallel: options.parallel }).then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
  try {
    let step = procedure.next();
    while (!step.done) {
      const request = step.value;
      let outcome: Outcome;
      if ("fitted" in request) {
        outcome = await running.get(request.fitted);
        running.delete(request.fitted);
      } else if (request.overlap === true) running.set(request.child, fit(request));
      else outcome = await fit(request);
      step = outcome === undefined ? procedure.next() : procedure.throw(outcome.error);
    }
    return step.value;
  } finally {
    await Promise.all(running.values());
  }
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
