import { DataError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { respondsTo } from "../core/responds-to.js";

/** Which output of the classifier is thresholded. */
export type ResponseMethod = "auto" | "predict_proba" | "decision_function";

/** The classifier methods threshold classifiers use. */
export interface BinaryClassifierLike {
  readonly classes: Label[];
  fit(X: unknown, y: readonly Label[]): unknown;
  predictProba?(X: unknown): Matrix;
  decisionFunction?(X: unknown): Float64Array | Matrix;
}

/** The method "auto" resolves to: predict_proba when the estimator has it, else decision_function. */
export function resolveResponseMethod(estimator: unknown, method: ResponseMethod, owner: string): "predict_proba" | "decision_function" {
  const e = estimator as BinaryClassifierLike;
  const has = (m: string) => respondsTo(e, m === "predict_proba" ? "predictProba" : "decisionFunction");
  const kind = (estimator as { kind?: string }).kind ?? "?";
  if (method === "auto" && !has("predict_proba") && !has("decision_function")) {
    throw new DataError(`${owner}: the estimator (${kind}) has neither predictProba nor decisionFunction; threshold tuning needs a binary classifier that has one of them`);
  }
  const chosen = method === "auto" ? (has("predict_proba") ? "predict_proba" : "decision_function") : method;
  if (!has(chosen)) throw new DataError(`${owner}: the estimator (${kind}) has no ${chosen === "predict_proba" ? "predictProba" : "decisionFunction"} method`);
  return chosen;
}

/** The positive class: `posLabel` when given (it must be a class), else the larger class. */
export function positiveLabel(classes: readonly Label[], posLabel: Label | null, owner: string): Label {
  if (classes.length !== 2) {
    throw new DataError(`${owner}: threshold tuning needs a binary target; the classifier has ${classes.length} class(es) (${classes.map((c) => JSON.stringify(c)).join(", ")})`);
  }
  if (posLabel === null) return classes[1];
  if (!classes.includes(posLabel)) throw new DataError(`${owner}: posLabel=${JSON.stringify(posLabel)} is not a valid label; it should be one of ${classes.map((c) => JSON.stringify(c)).join(", ")}`);
  return posLabel;
}

/**
 * scikit-learn's `_get_response_values_binary`: the probability of the positive class, or the
 * decision function (negated when the positive class is the smaller one).
 */
export function binaryScores(estimator: unknown, X: unknown, method: "predict_proba" | "decision_function", pos: Label, owner: string): Float64Array {
  const e = estimator as BinaryClassifierLike;
  const classes = e.classes;
  const index = classes.indexOf(pos);
  if (method === "predict_proba") return e.predictProba!(X).column(index);
  const raw = e.decisionFunction!(X);
  if (raw instanceof Matrix) throw new DataError(`${owner}: decisionFunction returned ${raw.cols} columns; a binary classifier returns one score per row`);
  return index === 0 ? raw.map((v) => -v) : Float64Array.from(raw);
}

/** Labels from scores: `score >= threshold` gives the positive class, else the other one. */
export function labelsAtThreshold(scores: Float64Array, threshold: number, classes: readonly Label[], pos: Label): Label[] {
  const neg = classes[0] === pos ? classes[1] : classes[0];
  const out = new Array<Label>(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] >= threshold ? pos : neg;
  return out;
}
