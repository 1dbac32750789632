import { createRegistry, type ModelRegistry } from "./core/model-loader.js";
import { preprocessingEstimators } from "./preprocessing/index.js";

/** Every estimator class tabkit ships; `loadModel` accepts exactly these kinds. */
export const builtinEstimators = [...preprocessingEstimators] as const;

/** The registry `loadModel` uses unless given another. */
export const builtinRegistry: ModelRegistry = createRegistry(builtinEstimators);
