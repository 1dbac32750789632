import { sealModel } from "../core/checksum.js";
import type { JsonObject, ModelJSON } from "../core/json.js";
import { loadModel, type LoadModelOptions } from "../load-model.js";

type Node = Record<string | number, unknown>;

/**
 * For loader tests: the model's saved document with the state value at `path` replaced and the
 * checksum recomputed, as someone editing the file would; returns the action that loads it.
 */
export function loadEdited(model: { toJSON(): ModelJSON }, path: readonly (string | number)[], value: unknown, options?: LoadModelOptions): () => unknown {
  const json = model.toJSON();
  const state = structuredClone(json.state) as Node;
  let node = state;
  for (const key of path.slice(0, -1)) node = node[key] as Node;
  node[path[path.length - 1]] = value;
  return () => loadModel(sealModel({ ...json, state: state as JsonObject }), options);
}
