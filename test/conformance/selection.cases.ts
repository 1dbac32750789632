import { Frame } from "../../src/core/frame.js";
import { LogisticRegression } from "../../src/models/logistic-regression.js";
import { GridSearchCV } from "../../src/selection/grid-search-cv.js";
import { RandomizedSearchCV } from "../../src/selection/randomized-search-cv.js";
import { FixedThresholdClassifier } from "../../src/selection/fixed-threshold-classifier.js";
import { TunedThresholdClassifierCV } from "../../src/selection/tuned-threshold-classifier-cv.js";
import type { ConformanceCases } from "../../src/testing/index.js";

const X = Frame.fromColumns({
  a: [0.1, 1.3, 0.4, 2.2, 5.1, 6.3, 5.5, 6.8, 7.1, 8.4, 0.9, 5.9, 3.0, 3.5, 4.1, 2.7, 1.8, 7.7, 6.1, 2.2],
  b: [1.0, 0.2, 1.7, 0.8, 5.2, 4.9, 6.1, 6.6, 7.7, 8.0, 1.1, 4.4, 2.5, 3.9, 3.1, 4.4, 2.0, 6.9, 5.0, 1.5],
});
// Threshold classifiers predict by a threshold on the positive-class score, not by argmax of predictProba.
const skip = { "probabilities sum to 1 and agree with predict": "predict thresholds the positive-class score instead of taking the argmax of predictProba" };
const y = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0];

export const cases: ConformanceCases = {
  FixedThresholdClassifier: () => ({
    factory: () => new FixedThresholdClassifier({ estimator: new LogisticRegression(), threshold: 0.4 }),
    options: { role: "classifier", X, y, allowNaN: false, skip },
  }),
  TunedThresholdClassifierCV: () => ({
    factory: () => new TunedThresholdClassifierCV({ estimator: new LogisticRegression(), cv: 2, thresholds: 20 }),
    options: { role: "classifier", X, y, allowNaN: false, nJobsParam: "nJobs", skip },
  }),
  GridSearchCV: () => ({
    factory: () => new GridSearchCV({ estimator: new LogisticRegression(), paramGrid: { C: [0.1, 1] }, cv: 2 }),
    options: { role: "classifier", X, y, allowNaN: false, nJobsParam: "nJobs" },
  }),
  RandomizedSearchCV: () => ({
    factory: () => new RandomizedSearchCV({ estimator: new LogisticRegression(), paramDistributions: { C: { distribution: "loguniform", low: 0.01, high: 10 } }, nIter: 2, cv: 2, randomState: 0 }),
    options: { role: "classifier", X, y, allowNaN: false, nJobsParam: "nJobs", seedParam: "randomState" },
  }),
};
