import { readFile } from "node:fs/promises";
import type { Estimator } from "../core/estimator.js";
import { SerializationError } from "../core/errors.js";
import { loadModel, type LoadModelOptions } from "../load-model.js";
import { writeFileAtomic } from "./atomic-write.js";

/**
 * Writes a model's JSON document to `path`. The file is written beside the target and renamed
 * into place, so a crash never leaves a half-written model.
 */
export async function saveModel(path: string, model: Estimator<object, unknown>): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(model.toJSON()));
}

/** Reads and validates a model file written by `saveModel`. */
export async function loadModelFile<M extends Estimator<object, unknown> = Estimator<object, unknown>>(path: string, options: LoadModelOptions = {}): Promise<M> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new SerializationError(`loadModelFile: cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
  return loadModel<M>(text, options);
}
