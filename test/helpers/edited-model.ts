import { sealModel } from "../../src/core/checksum.js";
import type { JsonObject, ModelJSON } from "../../src/core/json.js";
import { loadModel, type LoadModelOptions } from "../../src/load-model.js";

type Node = Record<string | number, unknown>;

/**
 * For loader tests: the saved document with its state patched (and `params` merged into its
 * params) and the checksum recomputed, as someone editing the file would; as read back from JSON.
 */
export function edited(json: ModelJSON, patch: (state: JsonObject) => JsonObject, params: JsonObject = {}): unknown {
  const state = patch(structuredClone(json.state!));
  return JSON.parse(JSON.stringify(sealModel({ ...json, params: { ...json.params, ...params }, state })));
}

/** The model's document `edited` with the state value at `path` replaced; returns the action that loads it. */
export function loadEdited(model: { toJSON(): ModelJSON }, path: readonly (string | number)[], value: unknown, options?: LoadModelOptions): () => unknown {
  const document = edited(model.toJSON(), (state) => {
    let node = state as Node;
    for (const key of path.slice(0, -1)) node = node[key] as Node;
    node[path[path.length - 1]] = value;
    return state;
  });
  return () => loadModel(document, options);
}
