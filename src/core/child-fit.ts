import { progressWithin, type ProgressListener, type ProgressOptions } from "./fit-progress.js";
import { checkParallel, type AsyncFitOptions } from "./parallel.js";

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
   * child before it uses it, and receives the child's error there. With a parallel runner,
   * {@link runFitAsync} starts the fit at once, so its work on the runner (forest trees) overlaps
   * the procedure's own, such as scoring the previous fold; otherwise (and in {@link runFit}) the
   * fit runs when the procedure waits for it, so that no more fitted children are held than
   * without overlap. Default false: fit now and wait.
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
  const deferred = new Map<object, ChildFit>();
  let step = procedure.next();
  while (!step.done) {
    const request = step.value;
    let outcome: Outcome;
    if ("fitted" in request) {
      const fit = deferred.get(request.fitted);
      deferred.delete(request.fitted);
      if (fit !== undefined) outcome = fitHere(fit, options);
    } else if (request.overlap === true) deferred.set(request.child, request);
    else outcome = fitHere(request, options);
    step = outcome === undefined ? procedure.next() : procedure.throw(outcome.error);
  }
  return step.value;
}

function fitHere(request: ChildFit, options: ProgressOptions): Outcome {
  try {
    callFit(request.child, "fit", request.X, request.y, childOptions(request, options.onProgress));
    return undefined;
  } catch (error) {
    return { error };
  }
}

/**
 * Carries out a procedure with {@link fitChild}: children that have `fitAsync` may use
 * `options.parallel`, and with a runner overlapped fits run while the procedure goes on.
 * Whatever the procedure's end, it settles only when every fit it started has. `owner`
 * (`Kind.fitAsync`) starts the message when `options.parallel` is not a runner.
 */
export async function runFitAsync<R>(procedure: FitProcedure<R>, options: AsyncFitOptions, owner: string): Promise<R> {
  checkParallel(options.parallel, owner);
  const running = new Map<object, Promise<Outcome>>();
  const deferred = new Map<object, ChildFit>();
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
        const later = deferred.get(request.fitted);
        deferred.delete(request.fitted);
        outcome = await (later !== undefined ? fit(later) : running.get(request.fitted));
        running.delete(request.fitted);
      } else if (request.overlap !== true) outcome = await fit(request);
      else if (options.parallel === undefined) deferred.set(request.child, request);
      else running.set(request.child, fit(request));
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
