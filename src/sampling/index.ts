import { RandomOverSampler } from "./random-over-sampler.js";
import { RandomUnderSampler } from "./random-under-sampler.js";
import { SMOTE } from "./smote.js";
import { SMOTENC } from "./smotenc.js";

export { SMOTE, SMOTENC, RandomOverSampler, RandomUnderSampler };
export type { SMOTENCParams } from "./smotenc.js";
export type { SMOTEParams } from "./smote.js";
export type { RandomOverSamplerParams } from "./random-over-sampler.js";
export type { RandomUnderSamplerParams } from "./random-under-sampler.js";
export type { Sampler } from "./sampler.js";
export type { Resampled } from "./sampler.js";
export type { SamplingStrategy } from "./sampling-strategy.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const samplingEstimators = [SMOTE, SMOTENC, RandomOverSampler, RandomUnderSampler] as const;
