import type { Estimator } from "./core/estimator.js";
import { deserializeModel, type LoadLimits, type ModelRegistry } from "./core/model-loader.js";
import { builtinRegistry } from "./registry.js";

export interface LoadModelOptions extends LoadLimits {
  /** The kinds to accept; default: every tabkit estimator. */
  registry?: ModelRegistry;
}

/**
 * Rebuilds a saved model from its JSON document (text or parsed object), validating everything
 * on the way; any problem is a SerializationError. Cast the result to the kind you expect, or
 * check `model.kind`.
 */
export function loadModel<M extends Estimator<object, unknown> = Estimator<object, unknown>>(json: unknown, options: LoadModelOptions = {}): M {
  return deserializeModel(json, options.registry ?? builtinRegistry, options) as M;
}
