import { LogisticRegression } from "./logistic-regression.js";

export { LogisticRegression } from "./logistic-regression.js";
export type { LogisticRegressionParams } from "./logistic-regression.js";
export type { ClassWeight } from "./class-weight.js";
export type { FitOptions } from "./fit-options.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const modelsEstimators = [LogisticRegression] as const;
