import { runFit, runFitAsync, type FitProcedure } from "../core/child-fit.js";
import { DataError, inStep, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { ProgressCounter, type ProgressListener, type ProgressOptions } from "../core/fit-progress.js";
import type { Frame } from "../core/frame.js";
import type { TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import type { Matrix } from "../core/matrix.js";
import type { AsyncFitOptions } from "../core/parallel.js";
import { param, type ParamSchema } from "../core/params.js";
import { isClassifier, PREDICTION_METHODS, respondsTo, type ConditionalMethods } from "../core/responds-to.js";
import type { StateReader } from "../core/state-codec.js";
import { callMethod, checkStepNames, estimatorCheck, fitTransformStep, isSampler, type Step } from "./steps.js";

/** A named step; `"passthrough"` (or null) leaves the data unchanged. */
export type PipelineStep = readonly [name: string, estimator: Step | "passthrough" | null];

export interface PipelineParams {
  /** The steps, in order: transformers or samplers, then any estimator last. */
  steps: readonly PipelineStep[];
}

const SCHEMA: ParamSchema<PipelineParams> = {
  steps: param<readonly PipelineStep[]>([], (value) => {
    if (!Array.isArray(value)) return "must be an array of [name, estimator] pairs";
    for (const entry of value) {
      if (!Array.isArray(entry) || entry.length !== 2) return "every step must be a [name, estimator] pair";
      if (entry[1] !== null) {
        const problem = estimatorCheck("passthrough")(entry[1]);
        if (problem !== undefined) return `step ${JSON.stringify(entry[0])} ${problem}`;
      }
    }
    const names = checkStepNames(value.map((entry: PipelineStep) => entry[0]), Object.keys(SCHEMA));
    if (names !== undefined) return names;
    for (const [name, step] of value.slice(0, -1) as PipelineStep[]) {
      if (step === null || step === "passthrough") continue;
      if (!respondsTo(step, "transform") && !isSampler(step)) return `intermediate step ${JSON.stringify(name)} must be a transformer or a sampler`;
      if (step instanceof Pipeline && (step as Pipeline).hasSampler()) return `intermediate step ${JSON.stringify(name)} is a pipeline with a sampler, which cannot be nested`;
    }
    return undefined;
  }),
};

/** Options of `Pipeline.fit`: the sample weights go to the final step. */
export interface PipelineFitOptions extends ProgressOptions {
  /** One weight per row, passed to the final estimator's fit. */
  sampleWeight?: ArrayLike<number>;
}

interface PipelineState {
  /** The fitted clones, aligned with params.steps (null for passthrough steps). */
  steps: (Step | null)[];
}

/**
 * Chains transformers and samplers with a final estimator, as scikit-learn's Pipeline with
 * imbalanced-learn's sampler semantics: while fitting, each intermediate step is fitted through
 * `fitTransform` (samplers through `fitResample`, which also replaces y); at predict time samplers
 * are skipped and each transformer applies `transform`. The steps given in params are cloned, never
 * fitted in place.
 *
 * Progress (`onProgress`): the task "steps" counts fitted steps, and the final step's own tasks
 * sit under its name ("classifier › trees"). `fitAsync` fits the final step through its own
 * `fitAsync` where it has one, so a forest there grows its trees on `options.parallel`.
 */
export class Pipeline extends Estimator<PipelineParams, PipelineState> implements ConditionalMethods {
  static readonly kind = "Pipeline";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<PipelineParams>) {
    super(SCHEMA, params);
  }

  /**
   * Whether the pipeline can answer `method` (`ConditionalMethods`), as scikit-learn's and
   * imbalanced-learn's `available_if`: `predict`, `predictProba` and `decisionFunction` when its last
   * step can; `transform` when that step transforms or is a passthrough or a sampler (skipped);
   * `fitTransform` when it transforms or is a passthrough; `fitResample` when it is a sampler;
   * `classes` (for `isClassifier`) when it is a classifier; its other methods always. Judged on the steps in params, so before fit too.
   */
  respondsTo(method: string): boolean {
    const last = this.params.steps[this.params.steps.length - 1]?.[1];
    const passthrough = last === null || last === "passthrough";
    if (method === "transform") return passthrough || isSampler(last) || respondsTo(last, "transform");
    if (method === "fitTransform") return passthrough || respondsTo(last, "transform") || respondsTo(last, "fitTransform");
    if (method === "fitResample") return !passthrough && isSampler(last);
    if (method === "classes") return !passthrough && isClassifier(last);
    return PREDICTION_METHODS.has(method) ? !passthrough && respondsTo(last, method) : true;
  }

  /** True when any step resamples rows while fitting. */
  hasSampler(): boolean {
    return this.params.steps.some(([, step]) => isSampler(step));
  }

  fit(X: TableInput, y?: readonly Label[] | ArrayLike<number>, options: PipelineFitOptions = {}): this {
    return runFit(this.fitSteps(X, y, options), options);
  }

  /**
   * As `fit` (same result), fitting the final step through its `fitAsync` where it has one, with
   * `options.parallel`; the other steps fit on this thread. Nothing is committed unless every
   * step fits.
   */
  async fitAsync(X: TableInput, y?: readonly Label[] | ArrayLike<number>, options: PipelineFitOptions & AsyncFitOptions = {}): Promise<this> {
    return runFitAsync(this.fitSteps(X, y, options), options, `${this.kind}.fitAsync`);
  }

  private *fitSteps(X: TableInput, y: unknown, options: PipelineFitOptions): FitProcedure<this> {
    const { steps, data, target, progress } = this.fitIntermediate(X, y, options.onProgress);
    const index = steps.length - 1;
    const last = steps[index];
    if (last !== null) {
      if (isSampler(last)) this.inStep("fit", index, () => callMethod(last, "fitResample", data, target));
      else {
        const name = this.params.steps[index][0];
        try {
          yield { child: last, X: data, y: target, options: options.sampleWeight === undefined ? undefined : { sampleWeight: options.sampleWeight }, path: [name] };
        } catch (error) {
          throw inStep(error, this.site("fit"), `step ${JSON.stringify(name)}`, last.kind);
        }
      }
    }
    progress.advance();
    return this.commit({ steps });
  }

  /** Fits every step and returns the last transformer's output on the (resampled) training data. */
  fitTransform(X: TableInput, y?: readonly Label[] | ArrayLike<number>): Frame | Matrix {
    // Checked before fitting anything: a sampler (or a model) last has nothing to transform with.
    const [name, final] = this.params.steps[this.params.steps.length - 1] ?? ["", null];
    if (final !== null && final !== "passthrough" && !respondsTo(final, "transform") && !respondsTo(final, "fitTransform")) {
      const hint = isSampler(final) ? "; it is a sampler: use fitResample for the resampled X and y" : "";
      throw new DataError(this.message("fitTransform", `the last step ${JSON.stringify(name)} (${final.kind}) has no transform${hint}`));
    }
    const { steps, data, target } = this.fitIntermediate(X, y, undefined, "fitTransform");
    const last = steps[steps.length - 1];
    const out = last === null ? data : this.inStep("fitTransform", steps.length - 1, () => fitTransformStep(last, data, target));
    this.commit({ steps });
    return out as Frame | Matrix;
  }

  /** Fits every step; the last must be a sampler. Returns the resampled data. */
  fitResample(X: TableInput, y: readonly Label[]): { X: unknown; y: unknown } {
    const { steps, data, target } = this.fitIntermediate(X, y, undefined, "fitResample");
    const last = steps[steps.length - 1];
    if (last === null || !isSampler(last)) throw new DataError(this.message("fitResample", "the last step is not a sampler"));
    const out = this.inStep("fitResample", steps.length - 1, () => callMethod<{ X: unknown; y: unknown }>(last, "fitResample", data, target));
    this.commit({ steps });
    return out;
  }

  predict(X: TableInput): Label[] | Float64Array {
    return this.finalCall("predict", X);
  }

  predictProba(X: TableInput): Matrix {
    return this.finalCall("predictProba", X);
  }

  decisionFunction(X: TableInput): Float64Array | Matrix {
    return this.finalCall("decisionFunction", X);
  }

  /** Applies every transformer (samplers skipped), the last one included. */
  transform(X: TableInput): Frame | Matrix {
    const state = this.fitted("transform");
    const last = state.steps[state.steps.length - 1];
    const data = this.transformThrough(state.steps.slice(0, -1), X, "transform");
    if (last === null || isSampler(last)) return data as Frame | Matrix;
    if (!respondsTo(last, "transform")) throw new DataError(this.message("transform", `the last step (${last.kind}) has no transform`));
    return this.inStep("transform", state.steps.length - 1, () => callMethod(last, "transform", data));
  }

  /**
   * Names of the output columns of the last transformer. When every step is a passthrough they are
   * `inputFeatures`, as scikit-learn's `get_feature_names_out(input_features)` (ColumnTransformer
   * passes its entries' columns).
   */
  featureNamesOut(inputFeatures?: readonly string[]): string[] {
    const names = this.namesOut(inputFeatures);
    if (names === undefined) throw new DataError(this.message("featureNamesOut", "no step provides feature names"));
    return names;
  }

  /** The last step's names; a nested pipeline of passthroughs hands on the names it got, as a passthrough step does. */
  private namesOut(inputFeatures: readonly string[] | undefined): string[] | undefined {
    const state = this.fitted("featureNamesOut");
    for (let i = state.steps.length - 1; i >= 0; i--) {
      const step = state.steps[i];
      if (step instanceof Pipeline) {
        const names = step.namesOut(undefined);
        if (names !== undefined) return names;
      } else if (step !== null && respondsTo(step, "featureNamesOut")) return callMethod(step, "featureNamesOut");
    }
    return inputFeatures === undefined ? undefined : [...inputFeatures];
  }

  /** The fitted step called `name` (a clone of the one given in params). */
  step<T extends Step = Step>(name: string): T {
    const state = this.fitted("step");
    const index = this.params.steps.findIndex(([stepName]) => stepName === name);
    if (index < 0) throw new DataError(this.message("step", `no step named ${JSON.stringify(name)}; steps are ${this.params.steps.map(([n]) => JSON.stringify(n)).join(", ")}`));
    const step = state.steps[index];
    if (step === null) throw new DataError(this.message("step", `step ${JSON.stringify(name)} is a passthrough`));
    return step as T;
  }

  /** The final estimator's classes. */
  get classes(): Label[] {
    const state = this.fitted("classes");
    const last = state.steps[state.steps.length - 1];
    const classes = last === null ? undefined : (last as unknown as { classes?: Label[] }).classes;
    if (classes === undefined) throw new DataError(this.message("classes", "the last step is not a classifier"));
    return classes;
  }

  /** Fits every step but the last; `progress` counts the steps (task "steps"). */
  private fitIntermediate(X: TableInput, y: unknown, onProgress?: ProgressListener, method = "fit"): { steps: (Step | null)[]; data: unknown; target: unknown; progress: ProgressCounter } {
    if (this.params.steps.length === 0) throw new ValidationError(this.message(method, "the pipeline has no steps; give them as steps: [[name, estimator], ...]"));
    const progress = new ProgressCounter(onProgress, "steps", this.params.steps.length);
    const steps = this.params.steps.map(([, step]) => (step === null || step === "passthrough" ? null : (step.clone() as Step)));
    let data: unknown = X;
    let target: unknown = y;
    steps.slice(0, -1).forEach((step, i) => {
      if (step !== null && isSampler(step)) {
        const resampled = this.inStep(method, i, () => callMethod<{ X: unknown; y: unknown }>(step, "fitResample", data, target));
        data = resampled.X;
        target = resampled.y;
      } else if (step !== null) {
        const input = data;
        data = this.inStep(method, i, () => fitTransformStep(step, input, target));
      }
      progress.advance();
    });
    return { steps, data, target, progress };
  }

  private transformThrough(steps: readonly (Step | null)[], X: unknown, method: string): unknown {
    let data = X;
    steps.forEach((step, i) => {
      if (step === null || isSampler(step)) return;
      if (!respondsTo(step, "transform")) throw new DataError(this.message(method, `step ${step.kind} cannot transform`));
      const input = data;
      data = this.inStep(method, i, () => callMethod(step, "transform", input));
    });
    return data;
  }

  /** Runs step `index`'s method; its error is restated as this step's (class, code, column and row kept). */
  private inStep<T>(method: string, index: number, run: () => T): T {
    try {
      return run();
    } catch (error) {
      const [name, step] = this.params.steps[index];
      throw inStep(error, this.site(method), `step ${JSON.stringify(name)}`, step === null || step === "passthrough" ? "passthrough" : step.kind);
    }
  }

  private finalCall<T>(method: string, X: TableInput): T {
    const state = this.fitted(method);
    const last = state.steps[state.steps.length - 1];
    if (last === null || !respondsTo(last, method)) {
      throw new DataError(this.message(method, `the last step (${last?.kind ?? "passthrough"}) has no ${method}`));
    }
    const data = this.transformThrough(state.steps.slice(0, -1), X, method);
    return this.inStep(method, state.steps.length - 1, () => callMethod<T>(last, method, data));
  }

  protected encodeState(state: PipelineState): JsonObject {
    return { steps: state.steps.map((step) => (step === null ? null : (step.toJSON() as unknown as JsonObject))) };
  }

  protected decodeState(reader: StateReader, context: LoadContext): PipelineState {
    const stored = reader.raw("steps");
    if (!Array.isArray(stored) || stored.length !== this.params.steps.length) reader.fail("steps", `must be an array of ${this.params.steps.length} step documents`);
    const steps = stored.map((doc, i) => {
      const spec = this.params.steps[i][1];
      if (spec === null || spec === "passthrough") {
        if (doc !== null) reader.fail(`steps[${i}]`, "must be null for a passthrough step");
        return null;
      }
      const step = context.load(doc, `${this.kind}.state.steps[${i}]`) as Step;
      if (step.kind !== spec.kind) reader.fail(`steps[${i}]`, `is a ${step.kind} but params declare a ${spec.kind}`);
      if (!step.isFitted) reader.fail(`steps[${i}]`, "is not fitted");
      return step;
    });
    return { steps };
  }
}

/** A Pipeline named after its steps' kinds in lower case, as scikit-learn's `make_pipeline`. */
export function makePipeline(...steps: Step[]): Pipeline {
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.kind.toLowerCase(), (counts.get(step.kind.toLowerCase()) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Pipeline({
    steps: steps.map((step) => {
      const base = step.kind.toLowerCase();
      if (counts.get(base)! === 1) return [base, step] as const;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return [`${base}-${n}`, step] as const;
    }),
  });
}
