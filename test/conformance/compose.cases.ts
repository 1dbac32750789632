import { ColumnTransformer } from "../../src/compose/column-transformer.js";
import { Pipeline } from "../../src/compose/pipeline.js";
import { Frame } from "../../src/core/frame.js";
import { StandardScaler } from "../../src/preprocessing/standard-scaler.js";
import type { ConformanceCases } from "../../src/testing/index.js";

const table = Frame.fromColumns({
  age: [31, 45, NaN, 22, 60, 38, 51, 27],
  balance: [0, 1200.5, 300, 80.25, 0, 999, 15, 4000],
  country: ["FR", "DE", "ES", "FR", null, "DE", "FR", "ES"],
  score: [600, 720, 650, 580, 810, 700, 690, 640],
});

export const cases: ConformanceCases = {
  ColumnTransformer: () => ({
    factory: () =>
      new ColumnTransformer({
        transformers: [
          ["num", new StandardScaler(), ["age", "balance"]],
          ["keep", "passthrough", ["country"]],
        ],
        remainder: new StandardScaler({ withMean: false }),
      }),
    options: { role: "transformer", X: table, allowNaN: true },
  }),
  Pipeline: () => ({
    factory: () => new Pipeline({ steps: [["center", new StandardScaler({ withStd: false })], ["scale", new StandardScaler()]] }),
    options: { role: "transformer", X: table.drop(["country"]), allowNaN: true },
  }),
};
