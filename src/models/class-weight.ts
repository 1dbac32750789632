import { DataError, type ErrorSite } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { nullable, anyOf, oneOf, recordOf, number, type ParamCheck } from "../core/params.js";

/** scikit-learn's `class_weight`: "balanced", a weight per class label, or null for none. */
export type ClassWeight = "balanced" | Readonly<Record<string, number>> | null;

/** Param check for `classWeight`. */
export const classWeightCheck = (): ParamCheck => nullable(anyOf(oneOf("balanced"), recordOf(number({ min: 0 }))));

/**
 * One weight per class (`classes` sorted, `codes` each row's class index), as scikit-learn's
 * `compute_class_weight`: "balanced" gives `total / (nClasses * classTotal)` with totals taken
 * over `sampleWeight` when given; a record maps labels (as text: `{ "1": 3 }` for label 1)
 * to weights, and classes it omits weigh 1. A record key naming no class is a DataError.
 */
export function computeClassWeight(
  classWeight: ClassWeight,
  classes: readonly Label[],
  codes: Int32Array,
  sampleWeight: Float64Array | undefined,
  site: ErrorSite,
): Float64Array {
  const weight = new Float64Array(classes.length).fill(1);
  if (classWeight === null) return weight;
  if (classWeight === "balanced") {
    const totals = new Float64Array(classes.length);
    for (let i = 0; i < codes.length; i++) totals[codes[i]] += sampleWeight === undefined ? 1 : sampleWeight[i];
    let total = 0;
    for (let k = 0; k < totals.length; k++) total += totals[k];
    for (let k = 0; k < totals.length; k++) {
      if (!(totals[k] > 0)) throw DataError.at(site, `class ${JSON.stringify(String(classes[k]))} has a total sample weight of 0, so "balanced" class weights are undefined`);
      weight[k] = total / (classes.length * totals[k]);
    }
    return weight;
  }
  const index = new Map(classes.map((label, k) => [String(label), k]));
  for (const [key, value] of Object.entries(classWeight)) {
    const k = index.get(key);
    if (k === undefined) {
      throw DataError.at(site, `classWeight names class ${JSON.stringify(key)}, which is not in y (classes: ${classes.map((c) => JSON.stringify(String(c))).join(", ")})`);
    }
    weight[k] = value;
  }
  return weight;
}

/** Per-row weights: each row's class weight (`perClass[codes[i]]`), times its sample weight when given. */
export function weightRows(perClass: Float64Array, codes: Int32Array, sampleWeight: Float64Array | undefined): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < out.length; i++) out[i] = sampleWeight === undefined ? perClass[codes[i]] : sampleWeight[i] * perClass[codes[i]];
  return out;
}

/** How a classifier's row weights are named in messages. */
export function weightSource(classWeight: ClassWeight): string {
  return classWeight === null ? "sampleWeight" : "sampleWeight × classWeight";
}
