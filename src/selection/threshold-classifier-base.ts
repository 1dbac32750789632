import { DataError } from "../core/errors.js";
import { Estimator } from "../core/estimator.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import type { Matrix } from "../core/matrix.js";
import { respondsTo, type ConditionalMethods } from "../core/responds-to.js";
import type { StateReader } from "../core/state-codec.js";
import { binaryScores, labelsAtThreshold, type BinaryClassifierLike } from "./binary-response.js";

/** The fitted parts every threshold classifier has. */
export interface ThresholdState {
  estimator: Estimator<object, unknown>;
  method: "predict_proba" | "decision_function";
  posLabel: Label;
  threshold: number;
}

/**
 * Shared predict path of FixedThresholdClassifier and TunedThresholdClassifierCV: threshold the
 * fitted estimator's positive-class score; probabilities and decision values pass through.
 */
export abstract class ThresholdClassifierBase<P extends object, S extends ThresholdState> extends Estimator<P, S> implements ConditionalMethods {
  predict(X: unknown): Label[] {
    const { estimator, method, posLabel, threshold } = this.fitted("predict");
    const classes = (estimator as unknown as BinaryClassifierLike).classes;
    return labelsAtThreshold(binaryScores(estimator, X, method, posLabel, `${this.kind}.predict`), threshold, classes, posLabel);
  }

  predictProba(X: unknown): Matrix {
    return this.delegate("predictProba", X) as Matrix;
  }

  decisionFunction(X: unknown): Float64Array | Matrix {
    return this.delegate("decisionFunction", X) as Float64Array | Matrix;
  }

  get classes(): Label[] {
    return [...(this.fitted("classes").estimator as unknown as BinaryClassifierLike).classes];
  }

  /** The fitted classifier whose scores are thresholded. */
  get estimator(): Estimator<object, unknown> {
    return this.fitted("estimator").estimator;
  }

  /**
   * Whether the classifier can answer `method` (`ConditionalMethods`): probabilities and decision
   * values when its estimator (fitted, else the one in params) can, as scikit-learn's.
   */
  respondsTo(method: string): boolean {
    if (method !== "predictProba" && method !== "decisionFunction") return true;
    const inner = this.isFitted ? this.fitted(method).estimator : (this.params as { estimator?: unknown }).estimator;
    return respondsTo(inner, method);
  }

  /** Calls the fitted estimator's `method`; one it lacks is a DataError (scikit-learn: an AttributeError), not a TypeError. */
  private delegate(method: "predictProba" | "decisionFunction", X: unknown): unknown {
    const { estimator } = this.fitted(method);
    if (!respondsTo(estimator, method)) throw new DataError(this.message(method, `the estimator (${estimator.kind}) has no ${method} method`));
    return (estimator as unknown as Record<string, (X: unknown) => unknown>)[method](X);
  }

  protected encodeThreshold(state: ThresholdState): JsonObject {
    return { estimator: state.estimator.toJSON() as unknown as JsonObject, method: state.method, posLabel: state.posLabel, threshold: state.threshold };
  }

  protected decodeThreshold(reader: StateReader, estimator: Estimator<object, unknown>): ThresholdState {
    const method = reader.string("method");
    if (method !== "predict_proba" && method !== "decision_function") reader.fail("method", 'must be "predict_proba" or "decision_function"');
    const posLabel = reader.raw("posLabel");
    const classes = (estimator as unknown as BinaryClassifierLike).classes;
    if (!classes.includes(posLabel as Label)) reader.fail("posLabel", "must be one of the estimator's classes");
    return { estimator, method, posLabel: posLabel as Label, threshold: reader.number("threshold") };
  }
}
