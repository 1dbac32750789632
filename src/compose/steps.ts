import type { Estimator } from "../core/estimator.js";
import { isEstimator } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import type { Matrix } from "../core/matrix.js";
import type { ParamCheck } from "../core/params.js";
import { respondsTo } from "../core/responds-to.js";
import { FORBIDDEN_KEYS } from "../core/state-codec.js";

/** Any estimator a composite can hold; its abilities are found by the methods it has. */
export type Step = Estimator<object, unknown>;
type Callable = (...args: unknown[]) => unknown;

export function callMethod<T>(step: Step, method: string, ...args: unknown[]): T {
  return ((step as unknown as Record<string, Callable>)[method] as Callable).apply(step, args) as T;
}

/** A sampler changes the rows while fitting (`fitResample`) and is skipped at predict time. */
export function isSampler(step: unknown): boolean {
  return respondsTo(step, "fitResample") && !respondsTo(step, "transform");
}

/** Fits a step and returns its output on the same data, through `fitTransform` where it has one. */
export function fitTransformStep(step: Step, X: unknown, y: unknown): Frame | Matrix {
  if (respondsTo(step, "fitTransform")) return callMethod(step, "fitTransform", X, y);
  callMethod(step, "fit", X, y);
  return callMethod(step, "transform", X);
}

/** Param check: a tabkit estimator. */
export const estimatorCheck =
  (...allowedWords: string[]): ParamCheck =>
  (value) =>
    isEstimator(value) || allowedWords.includes(value as string)
      ? undefined
      : `must be a tabkit estimator${allowedWords.length > 0 ? ` or one of ${allowedWords.map((w) => JSON.stringify(w)).join(", ")}` : ""}`;

/**
 * Checks step names: unique, non-empty, without "__" (reserved for nested parameter paths), none
 * equal to one of the owner's `paramNames` (as scikit-learn: `set_params` paths would be ambiguous,
 * and a ColumnTransformer entry named "remainder" would share the remainder's output prefix) nor to a
 * key the model loader refuses ("constructor", "prototype"; names become keys of
 * `transformerWeights` and `outputIndices`).
 */
export function checkStepNames(names: readonly string[], paramNames: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== "string" || name === "") return "every step needs a non-empty string name";
    if (name.includes("__")) return `name ${JSON.stringify(name)} must not contain "__"`;
    if (paramNames.includes(name)) return `name ${JSON.stringify(name)} conflicts with the parameter of the same name; rename the step`;
    if (FORBIDDEN_KEYS.has(name)) return `name ${JSON.stringify(name)} is reserved (saved models refuse it as a key); rename the step`;
    if (seen.has(name)) return `name ${JSON.stringify(name)} is used twice`;
    seen.add(name);
  }
  return undefined;
}
