import { Matrix } from "../../src/core/matrix.js";
import { LogisticRegression } from "../../src/models/logistic-regression.js";
import { VotingClassifier } from "../../src/models/voting-classifier.js";
import { DecisionTreeClassifier } from "../../src/models/decision-tree-classifier.js";
import { DecisionTreeRegressor } from "../../src/models/decision-tree-regressor.js";
import { RandomForestClassifier } from "../../src/models/random-forest-classifier.js";
import { RandomForestRegressor } from "../../src/models/random-forest-regressor.js";
import type { ConformanceCases } from "../../src/testing/index.js";

// A small two-feature problem with three string classes, for the linear models.
const linearX = Matrix.from2D(
  [
    [0.5, 1.2],
    [1.1, -0.3],
    [2.3, 2.1],
    [3.0, 0.7],
    [-1.2, 0.4],
    [0.2, -1.5],
    [2.8, 2.9],
    [-0.7, -0.2],
    [1.6, 1.1],
    [-2.1, 1.8],
    [0.9, 2.6],
    [2.2, -1.1],
  ],
  ["x_a", "x_b"],
);
const linearY = ["low", "low", "high", "mid", "low", "mid", "high", "low", "mid", "low", "high", "mid"];

// Trees: 40 rows with a NaN-free numeric matrix, three classes and a smooth regression target.
const treeRows = Array.from({ length: 40 }, (_, i) => [Math.sin(i * 1.7) * 3, (i * 7) % 11, Math.cos(i * 0.9) + i / 20]);
const treeX = Matrix.from2D(treeRows, ["t_a", "t_b", "t_c"]);
const treeLabels = treeRows.map(([a, b]) => (a + b / 4 > 2 ? "hi" : a > -1 ? "mid" : "lo"));
const treeTarget = treeRows.map(([a, b, c]) => a * 2 + b - c);

export const cases: ConformanceCases = {
  DecisionTreeClassifier: () => ({
    factory: () => new DecisionTreeClassifier({ maxDepth: 4, maxFeatures: 2, randomState: 0 }),
    options: { role: "classifier", X: treeX, y: treeLabels, allowNaN: true, seedParam: "randomState" },
  }),
  DecisionTreeRegressor: () => ({
    factory: () => new DecisionTreeRegressor({ maxDepth: 4, maxFeatures: 2, randomState: 0 }),
    options: { role: "regressor", X: treeX, y: treeTarget, allowNaN: true, seedParam: "randomState" },
  }),
  RandomForestClassifier: () => ({
    factory: () => new RandomForestClassifier({ nEstimators: 5, maxDepth: 4, randomState: 0 }),
    options: { role: "classifier", X: treeX, y: treeLabels, allowNaN: true, seedParam: "randomState", nJobsParam: "nJobs" },
  }),
  RandomForestRegressor: () => ({
    factory: () => new RandomForestRegressor({ nEstimators: 5, maxDepth: 4, randomState: 0 }),
    options: { role: "regressor", X: treeX, y: treeTarget, allowNaN: true, seedParam: "randomState", nJobsParam: "nJobs" },
  }),
  LogisticRegression: () => ({ factory: () => new LogisticRegression({ C: 2 }), options: { role: "classifier", X: linearX, y: linearY } }),
  VotingClassifier: () => ({
    factory: () =>
      new VotingClassifier({
        estimators: [
          ["plain", new LogisticRegression()],
          ["strong", new LogisticRegression({ C: 0.05 })],
        ],
        voting: "soft",
        weights: [2, 1],
      }),
    options: { role: "classifier", X: linearX, y: linearY },
  }),
};
