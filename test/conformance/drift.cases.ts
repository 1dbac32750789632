import { Frame } from "../../src/core/frame.js";
import { DataDriftDetector } from "../../src/drift/data-drift-detector.js";
import type { ConformanceCases } from "../../src/testing/index.js";

const reference = Frame.fromColumns({
  age: [31, 45, NaN, 52, 29, 38, 61, 44, 35, 50],
  country: ["FR", "DE", "ES", "FR", null, "DE", "FR", "ES", "FR", "DE"],
  balance: [0, 1200.5, 88.1, 5400, 12, 300, 77.7, 910, 4000.25, 65],
});

// The detector has no transform: it is checked with evaluate() in src/drift/data-drift-detector.test.ts
// (not fitted, inputs not mutated, refit forgets, evaluate after toJSON/loadModel identical).
const NO_TRANSFORM = "DataDriftDetector has evaluate(), not transform(); the property is tested in data-drift-detector.test.ts";

export const cases: ConformanceCases = {
  DataDriftDetector: () => ({
    factory: () => new DataDriftDetector({ minRows: 3 }),
    options: {
      role: "transformer",
      X: reference,
      allowNaN: true,
      skip: {
        "inputs not mutated": NO_TRANSFORM,
        "refit forgets": NO_TRANSFORM,
        "NotFittedError before fit": NO_TRANSFORM,
        "predict leaves state unchanged": NO_TRANSFORM,
        "DataError on wrong width": "a missing column is reported per column (status missing_column), not thrown",
        "fitTransform equals fit then transform": NO_TRANSFORM,
        "featureNamesOut matches the output width": "a drift report has no output features",
        "JSON is plain and round-trips bit-identically": NO_TRANSFORM,
      },
    },
  }),
};
