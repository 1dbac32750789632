import type { Estimator, LoadContext } from "../core/estimator.js";
import type { ParamCheck } from "../core/params.js";
import type { StateReader } from "../core/state-codec.js";

/** Param check for a class label: a finite number or a string. */
export const labelCheck = (): ParamCheck => (value) =>
  typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? undefined : `must be a class label (a number or a string), got ${String(value)}`;

/** Loads a stored fitted child model and checks it is of the kind the params declare. */
export function decodeChild(reader: StateReader, key: string, spec: Estimator<object, unknown> | null, context: LoadContext, owner: string): Estimator<object, unknown> {
  const child = context.load(reader.raw(key), `${owner}.state.${key}`);
  if (spec !== null && child.kind !== spec.kind) reader.fail(key, `is a ${child.kind} but params declare a ${spec.kind}`);
  if (!child.isFitted) reader.fail(key, "is not fitted");
  return child;
}
