import type { Estimator } from "../core/estimator.js";
import { SerializationError, ValidationError } from "../core/errors.js";
import { loadModel, type LoadModelOptions } from "../load-model.js";
import { writeAtomically } from "./atomic-write.js";
import { checkPath, describeValue, readTextFile } from "./file-io.js";

const serializationError = (message: string, cause: unknown) => new SerializationError(message, { cause });

/**
 * Writes a model's JSON document to `path`. The file is written beside the target, flushed to
 * disk and renamed into place, so a crash or power loss never leaves a half-written model.
 */
export async function saveModel(path: string, model: Estimator<object, unknown>): Promise<void> {
  checkPath("saveModel", path);
  if (typeof (model as { toJSON?: unknown } | null)?.toJSON !== "function") {
    throw new ValidationError(`saveModel: model must be a tabkit estimator (with toJSON), got ${describeValue(model)}`, [{ path: "model", message: "must be a tabkit estimator" }]);
  }
  await writeAtomically("saveModel", path, JSON.stringify(model.toJSON()), serializationError);
}

/** Reads and validates a model file written by `saveModel` (a UTF-8 byte-order mark is ignored). */
export async function loadModelFile<M extends Estimator<object, unknown> = Estimator<object, unknown>>(path: string, options: LoadModelOptions = {}): Promise<M> {
  return loadModel<M>(await readTextFile("loadModelFile", path, serializationError), options);
}
