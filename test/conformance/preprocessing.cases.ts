import { Frame } from "../../src/core/frame.js";
import { StandardScaler } from "../../src/preprocessing/standard-scaler.js";
import type { ConformanceCases } from "../../src/testing/index.js";

const numeric = Frame.fromColumns({
  a: [1, 2, NaN, 4, 5, 6, 7, 8],
  b: [10, -3, 5.5, 2, 2, 9, 1e-3, 4],
  c: [3, 3, 3, 3, 3, 3, 3, 3],
});

export const cases: ConformanceCases = {
  StandardScaler: () => ({ factory: () => new StandardScaler(), options: { role: "transformer", X: numeric, allowNaN: true } }),
};
