import { Frame } from "../../src/core/frame.js";
import { RandomOverSampler } from "../../src/sampling/random-over-sampler.js";
import { RandomUnderSampler } from "../../src/sampling/random-under-sampler.js";
import { SMOTE } from "../../src/sampling/smote.js";
import { SMOTENC } from "../../src/sampling/smotenc.js";
import type { ConformanceCases } from "../../src/testing/index.js";

const numeric = Frame.fromColumns({
  a: [0.1, 1.3, 0.4, 2.2, 5.1, 6.3, 5.5, 6.8, 7.1, 8.4, 0.9, 5.9],
  b: [1.0, 0.2, 1.7, 0.8, 5.2, 4.9, 6.1, 6.6, 7.7, 8.0, 1.1, 4.4],
});
const labels = [0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1];
const mixed = numeric.withColumn("city", ["x", "y", "x", "y", "x", "x", "y", "y", "x", "y", "x", "y"]);

export const cases: ConformanceCases = {
  SMOTE: () => ({ factory: () => new SMOTE({ kNeighbors: 1, randomState: 0 }), options: { role: "sampler", X: numeric, y: labels, allowNaN: false, seedParam: "randomState" } }),
  SMOTENC: () => ({
    factory: () => new SMOTENC({ categoricalFeatures: ["city"], kNeighbors: 1, randomState: 0 }),
    options: { role: "sampler", X: mixed, y: labels, allowNaN: false, seedParam: "randomState" },
  }),
  RandomOverSampler: () => ({ factory: () => new RandomOverSampler({ randomState: 0 }), options: { role: "sampler", X: mixed, y: labels, allowNaN: true, seedParam: "randomState" } }),
  RandomUnderSampler: () => ({ factory: () => new RandomUnderSampler({ randomState: 0 }), options: { role: "sampler", X: mixed, y: labels, allowNaN: true, seedParam: "randomState" } }),
};
