/** Every estimator class of this module, for the model registry and the conformance test. */
export const samplingEstimators = [] as const;
