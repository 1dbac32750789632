import type { JsonValue } from "../core/json.js";
import { compareLabels, type Label } from "../core/labels.js";
import type { StateReader } from "../core/state-codec.js";

/** Fitted classes as JSON: a plain array of strings or of finite numbers. */
export function encodeClasses(classes: readonly Label[]): JsonValue {
  return [...classes];
}

/** Reads stored classes: all strings or all finite numbers, sorted and distinct, at least `min`. */
export function readClasses(reader: StateReader, key: string, { min = 1 }: { min?: number } = {}): Label[] {
  const raw = reader.raw(key);
  if (!Array.isArray(raw) || raw.length < min) reader.fail(key, `must be an array of at least ${min} class label(s)`);
  // the first class sets the type, so that a bad entry is named as the one that breaks it
  const classes: Label[] = typeof raw[0] === "string" ? reader.strings(key, {}) : reader.numbers(key);
  for (let k = 1; k < classes.length; k++) {
    if (compareLabels(classes[k - 1], classes[k]) >= 0) reader.fail(`${key}[${k}]`, "breaks the sorted order of distinct classes");
  }
  return classes;
}
