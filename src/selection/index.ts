import { FixedThresholdClassifier } from "./fixed-threshold-classifier.js";
import { TunedThresholdClassifierCV } from "./tuned-threshold-classifier-cv.js";
import { GridSearchCV } from "./grid-search-cv.js";
import { RandomizedSearchCV } from "./randomized-search-cv.js";

export { KFold } from "./k-fold.js";
export type { KFoldParams } from "./k-fold.js";
export { StratifiedKFold } from "./stratified-k-fold.js";
export type { StratifiedKFoldParams } from "./stratified-k-fold.js";
export { RepeatedStratifiedKFold } from "./repeated-stratified-k-fold.js";
export type { RepeatedStratifiedKFoldParams } from "./repeated-stratified-k-fold.js";
export { TimeSeriesSplit } from "./time-series-split.js";
export type { TimeSeriesSplitParams } from "./time-series-split.js";
export { GroupKFold } from "./group-k-fold.js";
export type { GroupKFoldParams } from "./group-k-fold.js";
export { ShuffleSplit } from "./shuffle-split.js";
export type { ShuffleSplitParams } from "./shuffle-split.js";
export { StratifiedShuffleSplit } from "./stratified-shuffle-split.js";
export type { StratifiedShuffleSplitParams } from "./stratified-shuffle-split.js";
export { trainTestSplit } from "./train-test-split.js";
export type { TrainTestSplit, TrainTestSplitOptions } from "./train-test-split.js";
export { takeRows } from "./take-rows.js";
export type { RowIndexable } from "./take-rows.js";
export { checkCv, toSplitter } from "./check-cv.js";
export type { CvOption } from "./check-cv.js";
export type { Split, SplitInput, SplitOptions, Splitter } from "./splitter.js";
export type { SplitSize } from "./split-sizes.js";

export { FixedThresholdClassifier };
export type { FixedThresholdClassifierParams } from "./fixed-threshold-classifier.js";
export { TunedThresholdClassifierCV };
export type { TunedThresholdClassifierCVParams, TunedThresholdFitOptions } from "./tuned-threshold-classifier-cv.js";
export type { ResponseMethod } from "./binary-response.js";
export { resolveScorer, SCORER_NAMES } from "./scoring.js";
export type { Scoring, ScorerSpec, ScorerFunction, LabelMetric, ResolvedScorer } from "./scoring.js";

export { GridSearchCV, RandomizedSearchCV };
export type { GridSearchCVParams } from "./grid-search-cv.js";
export type { RandomizedSearchCVParams } from "./randomized-search-cv.js";
export type { CvResults, SearchParams, SearchFitOptions } from "./search-cv.js";
export { crossValidate, crossValidateAsync } from "./cross-validate.js";
export type { CrossValidateOptions, CrossValidateResult } from "./cross-validate.js";
export type { MultiScoring } from "./fit-and-score.js";
export { withNestedParams } from "./nested-params.js";
export { expandGrid } from "./parameter-grid.js";
export type { ParamGrid } from "./parameter-grid.js";
export { sampleParameters } from "./parameter-sampler.js";
export type { Distribution, ParamDistributions } from "./parameter-sampler.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const selectionEstimators = [FixedThresholdClassifier, TunedThresholdClassifierCV, GridSearchCV, RandomizedSearchCV] as const;
