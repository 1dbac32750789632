import { LogisticRegression } from "./logistic-regression.js";
import { VotingClassifier } from "./voting-classifier.js";
import { DecisionTreeClassifier } from "./decision-tree-classifier.js";
import { DecisionTreeRegressor } from "./decision-tree-regressor.js";

export { LogisticRegression } from "./logistic-regression.js";
export type { LogisticRegressionParams } from "./logistic-regression.js";
export { VotingClassifier } from "./voting-classifier.js";
export type { VotingClassifierParams, VotingMember } from "./voting-classifier.js";
export type { ClassWeight } from "./class-weight.js";
export type { FitOptions } from "./fit-options.js";
export { DecisionTreeClassifier } from "./decision-tree-classifier.js";
export type { DecisionTreeClassifierParams } from "./decision-tree-classifier.js";
export { DecisionTreeRegressor } from "./decision-tree-regressor.js";
export type { DecisionTreeRegressorParams } from "./decision-tree-regressor.js";
export type { TreeStructure } from "./tree/tree-structure.js";
export type { MaxFeatures } from "./tree/grow-tree.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const modelsEstimators = [LogisticRegression, VotingClassifier, DecisionTreeClassifier, DecisionTreeRegressor] as const;
