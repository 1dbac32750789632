import { decodeBase64, encodeBase64 } from "./base64.js";
import { SerializationError } from "./errors.js";
import type { JsonObject, JsonValue } from "./json.js";

/** The most elements one stored array may declare; larger documents are refused. */
export const MAX_ARRAY_LENGTH = 1 << 28;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;
type TypedArrayClass<T extends TypedArray> = { new (length: number): T; new (buffer: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

const TAGS = { f64: Float64Array, f32: Float32Array, i32: Int32Array, u32: Uint32Array, u8: Uint8Array } as const;
type Tag = keyof typeof TAGS;

function toLittleEndianBytes(array: TypedArray): Uint8Array {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  if (LITTLE_ENDIAN || array.BYTES_PER_ELEMENT === 1) return bytes;
  const out = new Uint8Array(bytes.length);
  const size = array.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += size) for (let k = 0; k < size; k++) out[i + k] = bytes[i + size - 1 - k];
  return out;
}

function encodeTyped(tag: Tag, array: TypedArray): JsonObject {
  return { [`$${tag}`]: encodeBase64(toLittleEndianBytes(array)) };
}

/** A Float64Array as little-endian base64: exact, compact, and NaN/±Infinity survive bit for bit. */
export const encodeFloat64Array = (array: Float64Array): JsonObject => encodeTyped("f64", array);
export const encodeFloat32Array = (array: Float32Array): JsonObject => encodeTyped("f32", array);
export const encodeInt32Array = (array: Int32Array): JsonObject => encodeTyped("i32", array);
export const encodeUint8Array = (array: Uint8Array): JsonObject => encodeTyped("u8", array);

/** A number as JSON: finite values as themselves; NaN, ±Infinity and -0 as tagged strings. */
export function encodeNumber(value: number): JsonValue {
  if (Number.isNaN(value)) return { $number: "NaN" };
  if (value === Infinity) return { $number: "Infinity" };
  if (value === -Infinity) return { $number: "-Infinity" };
  if (Object.is(value, -0)) return { $number: "-0" };
  return value;
}

const NUMBER_TAGS: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };

/** Keys that must never appear in a loaded document: they could reach Object.prototype. */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Reads a stored state object with a path-aware check on every value, so a malformed document
 * is refused with a SerializationError that says where, and never yields a broken model.
 */
export class StateReader {
  constructor(
    private readonly value: unknown,
    private readonly path: string,
  ) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) this.fail("", "must be an object");
  }

  private get obj(): Record<string, unknown> {
    return this.value as Record<string, unknown>;
  }

  fail(key: string, message: string): never {
    throw new SerializationError(`loadModel: ${key === "" ? this.path : `${this.path}.${key}`} ${message}`);
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.obj, key) && this.obj[key] !== undefined;
  }

  raw(key: string): unknown {
    if (!this.has(key)) this.fail(key, "is missing");
    return this.obj[key];
  }

  /** A nested object, read with its own reader. */
  object(key: string): StateReader {
    return new StateReader(this.raw(key), `${this.path}.${key}`);
  }

  /** A list of nested objects. */
  objects(key: string, { length }: { length?: number } = {}): StateReader[] {
    const value = this.raw(key);
    if (!Array.isArray(value)) this.fail(key, "must be an array");
    this.checkLength(key, value.length, length);
    return value.map((item, i) => new StateReader(item, `${this.path}.${key}[${i}]`));
  }

  number(key: string, { finite = true, min = -Infinity, max = Infinity }: { finite?: boolean; min?: number; max?: number } = {}): number {
    const value = decodeNumber(this.raw(key));
    if (value === undefined) this.fail(key, "must be a number");
    if (finite && !Number.isFinite(value)) this.fail(key, "must be finite");
    if (value < min || value > max) this.fail(key, `must be within [${min}, ${max}]`);
    return value;
  }

  integer(key: string, { min = -Infinity, max = Infinity }: { min?: number; max?: number } = {}): number {
    const value = this.number(key, { min, max });
    if (!Number.isInteger(value)) this.fail(key, "must be an integer");
    return value;
  }

  boolean(key: string): boolean {
    const value = this.raw(key);
    if (typeof value !== "boolean") this.fail(key, "must be true or false");
    return value;
  }

  string(key: string): string {
    const value = this.raw(key);
    if (typeof value !== "string") this.fail(key, "must be a string");
    return value;
  }

  /** An array of strings (nulls allowed when `nullable`). */
  strings(key: string, options: { length?: number; nullable?: false }): string[];
  strings(key: string, options: { length?: number; nullable: true }): (string | null)[];
  strings(key: string, { length, nullable = false }: { length?: number; nullable?: boolean } = {}): (string | null)[] {
    const value = this.raw(key);
    if (!Array.isArray(value)) this.fail(key, "must be an array of strings");
    this.checkLength(key, value.length, length);
    value.forEach((item, i) => {
      if (typeof item !== "string" && !(nullable && item === null)) this.fail(`${key}[${i}]`, "must be a string");
    });
    return value as (string | null)[];
  }

  /** An array of plain numbers (tagged non-finite values allowed when `finite` is false). */
  numbers(key: string, { length, finite = true }: { length?: number; finite?: boolean } = {}): number[] {
    const value = this.raw(key);
    if (!Array.isArray(value)) this.fail(key, "must be an array of numbers");
    this.checkLength(key, value.length, length);
    return value.map((item, i) => {
      const n = decodeNumber(item);
      if (n === undefined || (finite && !Number.isFinite(n))) this.fail(`${key}[${i}]`, finite ? "must be a finite number" : "must be a number");
      return n;
    });
  }

  f64(key: string, options: TypedOptions = {}): Float64Array {
    return this.typed(key, "f64", options);
  }
  f32(key: string, options: TypedOptions = {}): Float32Array {
    return this.typed(key, "f32", options);
  }
  i32(key: string, options: TypedOptions = {}): Int32Array {
    return this.typed(key, "i32", options);
  }
  u8(key: string, options: TypedOptions = {}): Uint8Array {
    return this.typed(key, "u8", options);
  }

  private typed<T extends Tag>(key: string, tag: T, { length, finite = false, min, max }: TypedOptions): InstanceType<(typeof TAGS)[T]> {
    const value = this.raw(key);
    const text = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[`$${tag}`] : undefined;
    if (typeof text !== "string" || Object.keys(value as object).length !== 1) this.fail(key, `must be a { "$${tag}": base64 } array`);
    const Ctor = TAGS[tag] as unknown as TypedArrayClass<TypedArray>;
    if ((text.length / 4) * 3 > MAX_ARRAY_LENGTH * Ctor.BYTES_PER_ELEMENT) this.fail(key, "is larger than the loader allows");
    const bytes = decodeBase64(text);
    if (bytes === undefined) this.fail(key, "is not valid base64");
    if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) this.fail(key, `has ${bytes.length} bytes, not a whole number of ${tag} values`);
    if (!LITTLE_ENDIAN) {
      const size = Ctor.BYTES_PER_ELEMENT;
      for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
    }
    const array = new Ctor(bytes.buffer as ArrayBuffer);
    this.checkLength(key, array.length, length);
    for (let i = 0; i < array.length; i++) {
      const v = array[i];
      if (finite && !Number.isFinite(v)) this.fail(`${key}[${i}]`, "must be finite");
      if ((min !== undefined && v < min) || (max !== undefined && v > max)) this.fail(`${key}[${i}]`, `must be within [${min ?? "-inf"}, ${max ?? "inf"}]`);
    }
    return array as InstanceType<(typeof TAGS)[T]>;
  }

  private checkLength(key: string, actual: number, expected: number | undefined): void {
    if (actual > MAX_ARRAY_LENGTH) this.fail(key, "is larger than the loader allows");
    if (expected !== undefined && actual !== expected) this.fail(key, `must have ${expected} elements, has ${actual}`);
  }
}

export interface TypedOptions {
  length?: number;
  finite?: boolean;
  min?: number;
  max?: number;
}

/** The inverse of `encodeNumber`; undefined when `value` is neither a number nor a number tag. */
export function decodeNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const tag = (value as Record<string, unknown>).$number;
    if (keys.length === 1 && typeof tag === "string" && Object.prototype.hasOwnProperty.call(NUMBER_TAGS, tag)) return NUMBER_TAGS[tag];
  }
  return undefined;
}
