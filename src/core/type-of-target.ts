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
    if (typeof value === "number" && !Number.isInteger(value)) return "continuous";
    distinct.add(value);
  }
  return distinct.size <= 2 ? "binary" : "multiclass";
}
