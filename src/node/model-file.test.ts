import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTabkitError } from "../core/errors.js";
import type { Estimator } from "../core/estimator.js";
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

  it("loads a file that starts with a UTF-8 byte-order mark", async () => {
    const path = join(directory(), "bom.json");
    const model = new StandardScaler().fit([[1], [3]]);
    writeFileSync(path, "\ufeff" + JSON.stringify(model.toJSON()));
    expect((await loadModelFile<StandardScaler>(path)).mean).toEqual(model.mean);
  });

  it("names saveModel and the target when the write fails", async () => {
    const dir = directory();
    const target = join(dir, "model.json");
    mkdirSync(target);
    const model = new StandardScaler().fit([[1], [3]]);
    await expect(saveModel(target, model)).rejects.toSatisfy(
      (e) => isTabkitError(e, "SERIALIZATION_ERROR") && (e as Error).message === `saveModel: cannot write ${JSON.stringify(target)}: it is a directory (EISDIR)`,
    );
    expect(readdirSync(dir)).toEqual(["model.json"]);
  });

  it("refuses a model that is not an estimator, or a missing path, with a ValidationError", async () => {
    const path = join(directory(), "m.json");
    for (const model of [{}, null]) {
      await expect(saveModel(path, model as unknown as Estimator<object, unknown>)).rejects.toSatisfy(
        (e) => isTabkitError(e, "VALIDATION_ERROR") && /^saveModel: model must be a tabkit estimator/.test((e as Error).message),
      );
    }
    await expect(saveModel(undefined as unknown as string, new StandardScaler())).rejects.toSatisfy(
      (e) => isTabkitError(e, "VALIDATION_ERROR") && (e as Error).message.startsWith("saveModel: path must be a non-empty string, got undefined"),
    );
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });

  it("reads a CSV file into a Frame", async () => {
    const path = join(directory(), "data.csv");
    writeFileSync(path, "a,b\n1,x\n,y\n");
    const frame = await readCsvFile(path);
    expect(frame.kindOf("a")).toBe("numeric");
    expect(frame.column("b")).toEqual(["x", "y"]);
  });
});
