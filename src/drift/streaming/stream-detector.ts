import { DataError, SerializationError } from "../../core/errors.js";
import type { JsonObject } from "../../core/json.js";
import { FORBIDDEN_KEYS, StateReader } from "../../core/state-codec.js";

/** The JSON document of a streaming detector. */
export interface StreamDetectorJSON {
  format: "tabkit/stream-detector";
  kind: string;
  schemaVersion: number;
  params: JsonObject;
  state: JsonObject;
}

export const STREAM_FORMAT = "tabkit/stream-detector";

/** What ADWIN, Page-Hinkley and DDM share: one value in at a time, a drift flag out. */
export interface StreamDetector {
  /** Feeds one value; returns true when this value completes a detected change. */
  update(value: number): boolean;
  /** Whether the last update detected a change. */
  readonly driftDetected: boolean;
  /** Forgets everything seen (params are kept). */
  reset(): void;
  toJSON(): StreamDetectorJSON;
}

/**
 * Largest magnitude `update` accepts: the running sums and squared deviations of 2^53 such values
 * stay far below the largest double, so the state can never overflow into Infinity or NaN.
 */
const MAX_STREAM_VALUE = 1e100;

/** Validates an update value (a finite number of magnitude at most MAX_STREAM_VALUE), naming the detector. */
export function checkValue(kind: string, value: number): void {
  if (typeof value !== "number" || !(Math.abs(value) <= MAX_STREAM_VALUE)) {
    throw new DataError(`${kind}.update: the value must be a finite number within ±${MAX_STREAM_VALUE}, got ${String(value)}`);
  }
}

/** Wraps params and state in the versioned document. */
export function streamDocument(kind: string, schemaVersion: number, params: JsonObject, state: JsonObject): StreamDetectorJSON {
  return { format: STREAM_FORMAT, kind, schemaVersion, params, state };
}

/** Parses (text or object) and checks the envelope; returns readers for params and state. */
export function readStreamDocument(json: unknown, kind: string, schemaVersion: number): { params: StateReader; state: StateReader } {
  let doc = json;
  if (typeof json === "string") {
    try {
      doc = JSON.parse(json);
    } catch (error) {
      throw new SerializationError(`${kind}.fromJSON: the text is not valid JSON`, { cause: error });
    }
  }
  rejectForbiddenKeys(doc, kind, 0);
  const reader = new StateReader(doc, kind);
  if (reader.string("format") !== STREAM_FORMAT) reader.fail("format", `must be "${STREAM_FORMAT}"`);
  if (reader.string("kind") !== kind) reader.fail("kind", `must be "${kind}"`);
  const version = reader.integer("schemaVersion", { min: 1 });
  if (version > schemaVersion) reader.fail("schemaVersion", `is ${version}, newer than this library reads (${schemaVersion})`);
  return { params: reader.object("params"), state: reader.object("state") };
}

function rejectForbiddenKeys(value: unknown, kind: string, depth: number): void {
  if (depth > 64) throw new SerializationError(`${kind}.fromJSON: the document is nested too deeply`);
  if (value === null || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new SerializationError(`${kind}.fromJSON: the key "${key}" is not allowed`);
    rejectForbiddenKeys((value as Record<string, unknown>)[key], kind, depth + 1);
  }
}
