import { LogisticRegression } from "./logistic-regression.js";
import { VotingClassifier } from "./voting-classifier.js";

export { LogisticRegression } from "./logistic-regression.js";
export type { LogisticRegressionParams } from "./logistic-regression.js";
export { VotingClassifier } from "./voting-classifier.js";
export type { VotingClassifierParams, VotingMember } from "./voting-classifier.js";
export type { ClassWeight } from "./class-weight.js";
export type { FitOptions } from "./fit-options.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const modelsEstimators = [LogisticRegression, VotingClassifier] as const;
