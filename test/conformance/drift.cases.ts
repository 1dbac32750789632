import { Frame } from "../../src/core/frame.js";
import { DataDriftDetector } from "../../src/drift/data-drift-detector.js";
import type { ConformanceCases } from "../../src/testing/index.js";

const reference = Frame.fromColumns({
  age: [31, 45, NaN, 52, 29, 38, 61, 44, 35, 50],
  country: ["FR", "DE", "ES", "FR", null, "DE", "FR", "ES", "FR", "DE"],
  balance: [0, 1200.5, 88.1, 5400, 12, 300, 77.7, 910, 4000.25, 65],
});

export const cases: ConformanceCases = {
  DataDriftDetector: () => ({
    factory: () => new DataDriftDetector({ minRows: 3 }),
    options: {
      role: "monitor",
      X: reference,
      allowNaN: true,
      skip: {
        "DataError on wrong width": "a missing column is reported per column (status missing_column), not thrown",
      },
    },
  }),
};
