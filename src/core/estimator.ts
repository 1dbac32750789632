import { modelChecksum } from "./checksum.js";
import { describeSite, NotFittedError, SerializationError, type ErrorSite } from "./errors.js";
import { MODEL_FORMAT, type JsonObject, type JsonValue, type ModelJSON } from "./json.js";
import { resolveParams, type ParamSchema } from "./params.js";
import { encodeNumber, StateReader } from "./state-codec.js";
import { LIBRARY_VERSION } from "./version.js";

/** What a codec needs to rebuild nested models (children of composites). */
export interface LoadContext {
  load(json: unknown, path: string): Estimator<object, unknown>;
}

/**
 * The static side every estimator class has: its stable kind, its state schema version and, once
 * that version has moved on, how a document of an older version is upgraded.
 */
export interface EstimatorClass<M extends Estimator<object, unknown> = Estimator<object, unknown>> {
  new (params?: never): M;
  readonly kind: string;
  readonly schemaVersion: number;
  readonly migrate?: (document: ModelJSON) => ModelJSON;
}

/**
 * The base of every estimator: frozen, validated params; one fitted-state slot that is swapped
 * in only when fit succeeds; cloning; and the JSON document of `DESIGN.md` §6.
 *
 * Subclasses declare `static kind`, `static schemaVersion`, a param schema, and how to encode
 * and decode their fitted state.
 */
export abstract class Estimator<P extends object, S> {
  readonly params: Readonly<P>;
  #state: S | undefined;

  protected constructor(schema: ParamSchema<P>, params: Partial<P> | undefined) {
    this.params = resolveParams((this.constructor as unknown as { kind: string }).kind, schema, params);
  }

  /** The stable name of this estimator's class, used in messages and saved models. */
  get kind(): string {
    return (this.constructor as unknown as { kind: string }).kind;
  }

  /** A new, unfitted estimator with these params changed. */
  withParams(patch: Partial<P>): this {
    const Ctor = this.constructor as new (params: Partial<P>) => this;
    return new Ctor({ ...this.params, ...patch });
  }

  /** A new, unfitted estimator with the same params (child estimators are cloned too). */
  clone(): this {
    const Ctor = this.constructor as new (params: Partial<P>) => this;
    return new Ctor(cloneParamValue(this.params) as Partial<P>);
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  /** The fitted state; NotFittedError naming `method` before fit. */
  protected fitted(method: string): S {
    if (this.#state === undefined) throw new NotFittedError(this.kind, method);
    return this.#state;
  }

  /** Swaps in a complete new state; called last in fit, so a failed fit keeps the old one. */
  protected commit(state: S): this {
    this.#state = state;
    return this;
  }

  /** A site for error messages: `Kind.method` plus column and row. */
  protected site(method: string, column?: string, row?: number): ErrorSite {
    return { estimator: this.kind, method, column, row };
  }

  /** Formats a message as `Kind.method: message`. */
  protected message(method: string, text: string): string {
    return describeSite(this.site(method), text);
  }

  protected abstract encodeState(state: S): JsonObject;
  protected abstract decodeState(reader: StateReader, context: LoadContext): S;

  /** The versioned JSON document of this estimator (state null when unfitted). */
  toJSON(): ModelJSON {
    const Ctor = this.constructor as unknown as EstimatorClass;
    const params = encodeParamValue(this.params) as JsonObject;
    const state = this.#state === undefined ? null : this.encodeState(this.#state);
    return {
      format: MODEL_FORMAT,
      schemaVersion: Ctor.schemaVersion,
      libraryVersion: LIBRARY_VERSION,
      kind: this.kind,
      params,
      state,
      checksum: modelChecksum(params, state),
    };
  }

  /** @internal Used by the loader: checks and installs a stored state. */
  restoreState(state: unknown, context: LoadContext): this {
    if (state === null) return this;
    return this.commit(this.decodeState(new StateReader(state, `${this.kind}.state`), context));
  }
}

/** True for any tabkit estimator (duck-typed so that copies of the package interoperate). */
export function isEstimator(value: unknown): value is Estimator<object, unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function" &&
    typeof (value as { clone?: unknown }).clone === "function" &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    typeof (value as { params?: unknown }).params === "object"
  );
}

function cloneParamValue(value: unknown): unknown {
  if (isEstimator(value)) return value.clone();
  if (Array.isArray(value)) return value.map(cloneParamValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneParamValue(v)]));
  }
  return value;
}

/** Params as JSON: child estimators nest as `{ "$model": document }`, non-finite numbers are tagged. */
export function encodeParamValue(value: unknown): JsonValue {
  if (isEstimator(value)) return { $model: value.toJSON() as unknown as JsonObject };
  if (typeof value === "number") return encodeNumber(value);
  if (Array.isArray(value)) return value.map(encodeParamValue);
  if (value !== null && typeof value === "object") {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = encodeParamValue(item);
    return out;
  }
  if (value === undefined) return null;
  if (typeof value === "function") throw new SerializationError("toJSON: a parameter holds a function, which cannot be saved; use a named function registry");
  return value as JsonValue;
}
