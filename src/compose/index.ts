import { ColumnTransformer } from "./column-transformer.js";
import { Pipeline } from "./pipeline.js";

export { ColumnTransformer, Pipeline };
export { makePipeline } from "./pipeline.js";
export type { ColumnTransformerParams, ColumnTransformerEntry, ColumnSelector } from "./column-transformer.js";
export type { PipelineParams, PipelineStep, PipelineFitOptions } from "./pipeline.js";
export type { Step } from "./steps.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const composeEstimators = [ColumnTransformer, Pipeline] as const;
