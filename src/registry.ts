import { composeEstimators } from "./compose/index.js";
import { createRegistry, type ModelRegistry } from "./core/model-loader.js";
import { driftEstimators } from "./drift/index.js";
import { modelsEstimators } from "./models/index.js";
import { preprocessingEstimators } from "./preprocessing/index.js";
import { samplingEstimators } from "./sampling/index.js";
import { selectionEstimators } from "./selection/index.js";

/** Every estimator class tabkit ships; `loadModel` accepts exactly these kinds. */
export const builtinEstimators = [
  ...preprocessingEstimators,
  ...composeEstimators,
  ...modelsEstimators,
  ...samplingEstimators,
  ...selectionEstimators,
  ...driftEstimators,
] as const;

/** The registry `loadModel` uses unless given another. */
export const builtinRegistry: ModelRegistry = createRegistry(builtinEstimators);
