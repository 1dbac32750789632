import { ColumnTransformer } from "../../src/compose/column-transformer.js";
import { Pipeline } from "../../src/compose/pipeline.js";
import { Frame } from "../../src/core/frame.js";
import { RandomForestClassifier } from "../../src/models/random-forest-classifier.js";
import { OneHotEncoder } from "../../src/preprocessing/one-hot-encoder.js";
import { StandardScaler } from "../../src/preprocessing/standard-scaler.js";
import { SMOTE } from "../../src/sampling/smote.js";
import { TunedThresholdClassifierCV } from "../../src/selection/tuned-threshold-classifier-cv.js";

/** A small imbalanced churn-like table: two numeric columns, one categorical, a "yes"/"no" target. */
export function churnLikeData(rows = 160): { X: Frame; y: string[] } {
  const age = new Float64Array(rows);
  const balance = new Float64Array(rows);
  const country: string[] = [];
  const y: string[] = [];
  for (let i = 0; i < rows; i++) {
    age[i] = 20 + ((i * 37) % 50);
    balance[i] = Math.round(Math.abs(Math.sin(i * 1.7)) * 1000);
    country.push(["FR", "DE", "ES"][(i * 7) % 3]);
    y.push(age[i] > 55 && balance[i] > 300 ? "yes" : (i * 13) % 11 === 0 ? "yes" : "no");
  }
  return { X: Frame.fromColumns({ age, balance, country }), y };
}

/** The bank-churn pipeline's shape with a small forest: columns → SMOTE → tuned threshold over a forest. */
export function forestPipeline(nEstimators = 10, nJobs: number | null = -1): Pipeline {
  return new Pipeline({
    steps: [
      [
        "columns",
        new ColumnTransformer({
          transformers: [
            ["num", new StandardScaler(), ["age", "balance"]],
            ["cat", new OneHotEncoder(), ["country"]],
          ],
        }),
      ],
      ["smote", new SMOTE({ randomState: 0 })],
      ["classifier", new TunedThresholdClassifierCV({ estimator: new RandomForestClassifier({ nEstimators, randomState: 1, nJobs }), cv: 3 })],
    ],
  });
}
