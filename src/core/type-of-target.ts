import type { Label } from "./labels.js";

/** The target kinds scikit-learn's `type_of_target` gives a 1-D target. */
export type TargetType = "binary" | "multiclass" | "continuous";

/**
 * scikit-learn's `type_of_target` for a checked 1-D target (see `toLabels`): numbers with any
 * non-integral value are "continuous"; otherwise at most two distinct values are "binary" and
 * more are "multiclass". Whole-number regression targets therefore count as multiclass.
 */
export function typeOfTarget(y: readonly Label[]): TargetType {
  const distinct = new Set<Label>();
  for (const value of y) {
    if (typeof value === "number" && !isIntegral(value)) return "continuous";
    distinct.add(value);
  }
  return distinct.size <= 2 ? "binary" : "multiclass";
}

/**
 * Whether scikit-learn sees `x` as integral: it compares float y with y cast to int64, and on x86
 * the cast of a value outside [-2^63, 2^63) gives -2^63, so such a value counts as non-integral.
 */
function isIntegral(x: number): boolean {
  return Number.isInteger(x) && x >= -(2 ** 63) && x < 2 ** 63;
}
