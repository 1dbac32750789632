import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTabkitError } from "../core/errors.js";
import type { Matrix } from "../core/matrix.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { readCsvFile } from "./csv-file.js";
import { loadModelFile, saveModel } from "./model-file.js";

const directory = () => mkdtempSync(join(tmpdir(), "tabkit-test-"));

describe("model files", () => {
  it("saves and loads a model with identical outputs, leaving no temporary file", async () => {
    const dir = directory();
    const path = join(dir, "scaler.json");
    const model = new StandardScaler().fit([[1, 5], [2, 9], [4, 1]]);
    await saveModel(path, model);
    expect(readdirSync(dir)).toEqual(["scaler.json"]);
    const loaded = await loadModelFile<StandardScaler>(path);
    const query = [[3, 3]];
    expect(Array.from((loaded.transform(query) as Matrix).data)).toEqual(Array.from((model.transform(query) as Matrix).data));
  });

  it("reports a missing or damaged file as a SerializationError", async () => {
    const dir = directory();
    await expect(loadModelFile(join(dir, "nope.json"))).rejects.toSatisfy((e) => isTabkitError(e, "SERIALIZATION_ERROR") && /cannot read/.test((e as Error).message));
    writeFileSync(join(dir, "bad.json"), '{"format": "tabkit/model"');
    await expect(loadModelFile(join(dir, "bad.json"))).rejects.toSatisfy((e) => isTabkitError(e, "SERIALIZATION_ERROR"));
  });

  it("reads a CSV file into a Frame", async () => {
    const path = join(directory(), "data.csv");
    writeFileSync(path, "a,b\n1,x\n,y\n");
    const frame = await readCsvFile(path);
    expect(frame.kindOf("a")).toBe("numeric");
    expect(frame.column("b")).toEqual(["x", "y"]);
  });
});
