import { runFit, runFitAsync, type FitProcedure } from "../core/child-fit.js";
import { ValidationError } from "../core/errors.js";
import type { ProgressOptions } from "../core/fit-progress.js";
import type { LoadContext } from "../core/estimator.js";
import type { Estimator } from "../core/estimator.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import type { AsyncFitOptions } from "../core/parallel.js";
import { anyOf, nullable, number, oneOf, param, type ParamSchema } from "../core/params.js";
import type { StateReader } from "../core/state-codec.js";
import { estimatorCheck } from "../compose/steps.js";
import { positiveLabel, resolveResponseMethod, type BinaryClassifierLike, type ResponseMethod } from "./binary-response.js";
import { decodeChild, labelCheck } from "./child-model.js";
import { ThresholdClassifierBase, type ThresholdState } from "./threshold-classifier-base.js";

export interface FixedThresholdClassifierParams {
  /** The binary classifier whose output is thresholded (required to fit). */
  estimator: Estimator<object, unknown> | null;
  /** The decision threshold; "auto" is 0.5 for probabilities and 0 for decision functions. Default "auto". */
  threshold: "auto" | number;
  /** The class predicted at or above the threshold (null: the larger class). Default null. */
  posLabel: Label | null;
  /** Which output to threshold. Default "auto" (predict_proba if available). */
  responseMethod: ResponseMethod;
}

const SCHEMA: ParamSchema<FixedThresholdClassifierParams> = {
  estimator: param(null, nullable(estimatorCheck())),
  threshold: param("auto", anyOf(oneOf("auto"), number())),
  posLabel: param(null, nullable(labelCheck())),
  responseMethod: param("auto", oneOf("auto", "predict_proba", "decision_function")),
};

/**
 * scikit-learn's `FixedThresholdClassifier`: fits a clone of the estimator and predicts the
 * positive class wherever its score is at or above a fixed threshold. The estimator's progress
 * reports (`onProgress`) pass through unchanged.
 */
export class FixedThresholdClassifier extends ThresholdClassifierBase<FixedThresholdClassifierParams, ThresholdState> {
  static readonly kind = "FixedThresholdClassifier";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<FixedThresholdClassifierParams>) {
    super(SCHEMA, params);
  }

  fit(X: unknown, y: readonly Label[], options: ProgressOptions = {}): this {
    return runFit(this.fitProcedure(X, y), options);
  }

  /** As `fit`, fitting the estimator through its `fitAsync` where it has one, with `options.parallel`. */
  async fitAsync(X: unknown, y: readonly Label[], options: AsyncFitOptions = {}): Promise<this> {
    return runFitAsync(this.fitProcedure(X, y), options, `${this.kind}.fitAsync`);
  }

  private *fitProcedure(X: unknown, y: readonly Label[]): FitProcedure<this> {
    const spec = this.params.estimator;
    if (spec === null) throw new ValidationError(this.message("fit", "estimator is null; pass the classifier to threshold"), [{ path: "estimator", message: "required" }]);
    const estimator = spec.clone();
    yield { child: estimator, X, y };
    const owner = `${this.kind}.fit`;
    const method = resolveResponseMethod(estimator, this.params.responseMethod, owner);
    const posLabel = positiveLabel((estimator as unknown as BinaryClassifierLike).classes, this.params.posLabel, owner);
    const threshold = this.params.threshold === "auto" ? (method === "predict_proba" ? 0.5 : 0) : this.params.threshold;
    return this.commit({ estimator, method, posLabel, threshold });
  }

  protected encodeState(state: ThresholdState): JsonObject {
    return this.encodeThreshold(state);
  }

  protected decodeState(reader: StateReader, context: LoadContext): ThresholdState {
    return this.decodeThreshold(reader, decodeChild(reader, "estimator", this.params.estimator, context, this.kind));
  }
}
