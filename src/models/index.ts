/** Every estimator class of this module, for the model registry and the conformance test. */
export const modelsEstimators = [] as const;
