import { isTabkitError, SerializationError, showValue } from "./errors.js";
import type { Estimator, EstimatorClass, LoadContext } from "./estimator.js";
import { modelChecksum } from "./checksum.js";
import { MODEL_FORMAT, type JsonObject, type JsonValue, type ModelJSON } from "./json.js";
import { decodeNumber, FORBIDDEN_KEYS, MAX_ARRAY_LENGTH } from "./state-codec.js";

/** How one kind is rebuilt: its class, plus migrations from older schema versions. */
export interface ModelCodec {
  readonly kind: string;
  readonly schemaVersion: number;
  readonly create: (params: unknown) => Estimator<object, unknown>;
  /** Upgrades a document of an older schemaVersion to the current one. */
  readonly migrate?: (document: ModelJSON) => ModelJSON;
}

/** Which kinds a loader accepts: an explicit map, never a lookup by arbitrary name. */
export type ModelRegistry = ReadonlyMap<string, ModelCodec>;

/** The codec of an estimator class, with its migration from older schema versions if it has one. */
export function codecOf(Ctor: EstimatorClass): ModelCodec {
  return { kind: Ctor.kind, schemaVersion: Ctor.schemaVersion, create: (params) => new Ctor(params as never), migrate: Ctor.migrate };
}

/** A registry of the given classes or codecs; duplicate kinds are a programming error. */
export function createRegistry(entries: readonly (EstimatorClass | ModelCodec)[]): ModelRegistry {
  const map = new Map<string, ModelCodec>();
  for (const entry of entries) {
    const codec = "create" in entry ? entry : codecOf(entry);
    if (map.has(codec.kind)) throw new Error(`createRegistry: kind "${codec.kind}" registered twice`);
    map.set(codec.kind, codec);
  }
  return map;
}

export interface LoadLimits {
  /** The longest document text accepted, in characters. Default 1 GiB. */
  maxLength?: number;
  /** The deepest nesting of objects and arrays accepted. Default 64. */
  maxDepth?: number;
}

/**
 * Rebuilds a model from its JSON document (text or parsed). Checks, in order: it parses; no key
 * can reach a prototype; nesting and size are under the limits; the format tag; a known kind;
 * a schemaVersion this library can read (older ones are migrated); params pass the class's own
 * validation; the state passes the class's checks. Anything wrong is a SerializationError.
 */
export function deserializeModel(input: unknown, registry: ModelRegistry, limits: LoadLimits = {}): Estimator<object, unknown> {
  const maxLength = limits.maxLength ?? 1 << 30;
  const maxDepth = limits.maxDepth ?? 64;
  let document: unknown = input;
  if (typeof input === "string") {
    if (input.length > maxLength) throw new SerializationError(`loadModel: the document is ${input.length} characters, over the limit of ${maxLength}`);
    try {
      document = JSON.parse(input);
    } catch (cause) {
      throw new SerializationError(`loadModel: the text is not valid JSON (${(cause as Error).message})`, { cause });
    }
  }
  checkStructure(document, maxDepth);
  const context: LoadContext = {
    load: (json, path) => loadDocument(json, path, registry, context),
  };
  return loadDocument(document, "model", registry, context);
}

function loadDocument(json: unknown, path: string, registry: ModelRegistry, context: LoadContext): Estimator<object, unknown> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new SerializationError(`loadModel: ${path} must be a model object`);
  let doc = json as Record<string, unknown>;
  if (doc.format !== MODEL_FORMAT) throw new SerializationError(`loadModel: ${path}.format must be "${MODEL_FORMAT}", got ${showValue(doc.format)}`);
  if (typeof doc.kind !== "string") throw new SerializationError(`loadModel: ${path}.kind must be a string`);
  const codec = registry.get(doc.kind);
  if (codec === undefined) {
    throw new SerializationError(`loadModel: ${path} is of unknown kind ${JSON.stringify(doc.kind)}; this loader knows ${[...registry.keys()].join(", ") || "no kinds"}`);
  }
  const version = doc.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new SerializationError(`loadModel: ${path}.schemaVersion must be a positive integer, got ${showValue(version)}`);
  }
  if (doc.checksum !== modelChecksum(doc.params as JsonObject, (doc.state ?? null) as JsonValue)) {
    throw new SerializationError(`loadModel: ${path} (${doc.kind}) fails its checksum: the document was changed or damaged after it was saved`);
  }
  if (version > codec.schemaVersion) {
    throw new SerializationError(
      `loadModel: ${path} is a ${doc.kind} saved with schemaVersion ${version} (tabkit ${showValue(doc.libraryVersion)}); ` +
        `this tabkit reads up to schemaVersion ${codec.schemaVersion}: upgrade tabkit to load it`,
    );
  }
  if (version < codec.schemaVersion) {
    if (codec.migrate === undefined) throw new SerializationError(`loadModel: ${path} has schemaVersion ${version}, which this tabkit can no longer read`);
    doc = codec.migrate(doc as unknown as ModelJSON) as unknown as Record<string, unknown>;
  }
  if (doc.params === null || typeof doc.params !== "object" || Array.isArray(doc.params)) throw new SerializationError(`loadModel: ${path}.params must be an object`);
  try {
    const params = decodeParamValue(doc.params, `${path}.params`, context);
    const model = codec.create(params);
    return model.restoreState(doc.state ?? null, context);
  } catch (error) {
    if (error instanceof SerializationError) throw error;
    const reason = isTabkitError(error) || error instanceof Error ? error.message : String(error);
    throw new SerializationError(`loadModel: ${path} (${doc.kind}) could not be rebuilt: ${reason}`, { cause: error });
  }
}

function decodeParamValue(value: unknown, path: string, context: LoadContext): unknown {
  if (Array.isArray(value)) return value.map((item, i) => decodeParamValue(item, `${path}[${i}]`, context));
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (Object.keys(record).length === 1 && "$model" in record) return context.load(record.$model, path);
    const number = decodeNumber(value);
    if (number !== undefined) return number;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = decodeParamValue(item, `${path}.${key}`, context);
    return out;
  }
  return value;
}

/** Rejects prototype keys, deep nesting and oversized arrays anywhere in the document, iteratively. */
function checkStructure(root: unknown, maxDepth: number): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > maxDepth) throw new SerializationError(`loadModel: the document nests deeper than ${maxDepth} levels`);
    if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_LENGTH) throw new SerializationError("loadModel: an array is larger than the loader allows");
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new SerializationError(`loadModel: the document contains the forbidden key "${key}"`);
      stack.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
}

