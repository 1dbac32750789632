import { describe, expect, it } from "vitest";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { sealModel } from "./checksum.js";
import { isTabkitError } from "./errors.js";
import type { ModelJSON } from "./json.js";
import { createRegistry, deserializeModel, type ModelCodec } from "./model-loader.js";

const fitted = () => new StandardScaler().fit([[1, 2], [3, 5], [4, 4]]);

function serializationMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(isTabkitError(error, "SERIALIZATION_ERROR")).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a SerializationError");
}

describe("deserializeModel", () => {
  const registry = createRegistry([StandardScaler]);

  it("rebuilds a model from text or object", () => {
    const json = fitted().toJSON();
    const fromText = deserializeModel(JSON.stringify(json), registry) as StandardScaler;
    const fromObject = deserializeModel(JSON.parse(JSON.stringify(json)), registry) as StandardScaler;
    expect(Array.from(fromText.mean!)).toEqual(Array.from(fitted().mean!));
    expect(fromObject.toJSON()).toEqual(json);
  });

  it("explains what is wrong", () => {
    const json = fitted().toJSON();
    expect(serializationMessage(() => deserializeModel("{", registry))).toContain("not valid JSON");
    expect(serializationMessage(() => deserializeModel({ ...json, kind: "Forest" }, registry))).toContain('unknown kind "Forest"; this loader knows StandardScaler');
    expect(serializationMessage(() => deserializeModel({ ...json, schemaVersion: 9 }, registry))).toContain("upgrade tabkit to load it");
    expect(serializationMessage(() => deserializeModel({ ...json, checksum: "x" }, registry))).toContain("fails its checksum");
    expect(serializationMessage(() => deserializeModel(sealModel({ ...json, params: { withMean: "yes" } }), registry))).toContain("withMean");
    expect(serializationMessage(() => deserializeModel(JSON.stringify(json), registry, { maxLength: 10 }))).toContain("over the limit");
  });

  it("migrates documents of an older schema version through the codec", () => {
    const old = { ...fitted().toJSON(), schemaVersion: 1 };
    const codec: ModelCodec = {
      kind: "StandardScaler",
      schemaVersion: 2,
      create: (params) => new StandardScaler(params as object),
      migrate: (document: ModelJSON) => ({ ...document, schemaVersion: 2 }),
    };
    expect(deserializeModel(old, createRegistry([codec])).kind).toBe("StandardScaler");
    const noMigration = createRegistry([{ ...codec, migrate: undefined }]);
    expect(serializationMessage(() => deserializeModel(old, noMigration))).toContain("can no longer read");
  });

  it("refuses to register a kind twice", () => {
    expect(() => createRegistry([StandardScaler, StandardScaler])).toThrow(/registered twice/);
  });
});
