import { LogisticRegression } from "./logistic-regression.js";
import { VotingClassifier } from "./voting-classifier.js";
import { DecisionTreeClassifier } from "./decision-tree-classifier.js";
import { DecisionTreeRegressor } from "./decision-tree-regressor.js";
import { RandomForestClassifier } from "./random-forest-classifier.js";
import { RandomForestRegressor } from "./random-forest-regressor.js";

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
export { RandomForestClassifier } from "./random-forest-classifier.js";
export type { RandomForestClassifierParams, ForestClassWeight } from "./random-forest-classifier.js";
export { RandomForestRegressor } from "./random-forest-regressor.js";
export type { RandomForestRegressorParams } from "./random-forest-regressor.js";
export type { ForestFitOptions } from "./tree/run-forest.js";
export { FOREST_TREES_TASK } from "./tree/run-forest.js";
export { growForestTrees } from "./tree/forest-plan.js";
export type { ForestPlan } from "./tree/forest-plan.js";
export type { ParallelRunner } from "../core/parallel.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const modelsEstimators = [LogisticRegression, VotingClassifier, DecisionTreeClassifier, DecisionTreeRegressor, RandomForestClassifier, RandomForestRegressor] as const;
