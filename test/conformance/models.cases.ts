import { Matrix } from "../../src/core/matrix.js";
import { LogisticRegression } from "../../src/models/logistic-regression.js";
import { VotingClassifier } from "../../src/models/voting-classifier.js";
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

export const cases: ConformanceCases = {
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
