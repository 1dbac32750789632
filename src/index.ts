export * from "./core/index.js";
export * from "./preprocessing/index.js";
export { loadModel } from "./load-model.js";
export type { LoadModelOptions } from "./load-model.js";
export { builtinEstimators, builtinRegistry } from "./registry.js";
