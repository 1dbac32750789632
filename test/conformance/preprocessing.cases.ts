import { Frame } from "../../src/core/frame.js";
import { StandardScaler } from "../../src/preprocessing/standard-scaler.js";
import { FunctionTransformer } from "../../src/preprocessing/function-transformer.js";
import { OneHotEncoder } from "../../src/preprocessing/one-hot-encoder.js";
import { OrdinalEncoder } from "../../src/preprocessing/ordinal-encoder.js";
import { TargetEncoder } from "../../src/preprocessing/target-encoder.js";
import { SimpleImputer } from "../../src/preprocessing/simple-imputer.js";
import { PowerTransformer } from "../../src/preprocessing/power-transformer.js";
import { PolynomialFeatures } from "../../src/preprocessing/polynomial-features.js";
import { KNNImputer } from "../../src/preprocessing/knn-imputer.js";
import { MinMaxScaler } from "../../src/preprocessing/min-max-scaler.js";
import { RobustScaler } from "../../src/preprocessing/robust-scaler.js";
import type { ConformanceCases } from "../../src/testing/index.js";

const numeric = Frame.fromColumns({
  a: [1, 2, NaN, 4, 5, 6, 7, 8],
  b: [10, -3, 5.5, 2, 2, 9, 1e-3, 4],
  c: [3, 3, 3, 3, 3, 3, 3, 3],
});

// Encoders: text with a missing value, whole-number floats with NaN, a single-category column.
const categorical = Frame.fromColumns({
  pais: ["França", "Alemanha", "Espanha", "França", null, "Alemanha", "França", "Espanha", "França", "Alemanha"],
  produtos: [1, 2, 2, 1, 3, NaN, 1, 2, 1, 4],
  ativo: ["Sim", "Sim", "Sim", "Sim", "Sim", "Sim", "Sim", "Sim", "Sim", "Sim"],
});
const churned = [1, 0, 0, 1, 0, 1, 0, 0, 1, 0];

// SimpleImputer: numbers with NaN, a text column with null, and a column only missing at one row.
const withGaps = Frame.fromColumns({
  idade: [32, NaN, 44, 59, NaN, 37, 32, 22],
  pais: ["França", null, "Espanha", "França", "Alemanha", null, "França", "Espanha"],
  produtos: [1, 2, 2, 1, 3, 1, NaN, 2],
});

export const cases: ConformanceCases = {
  // A constant Yeo-Johnson column is left raw by fitTransform but transformed with lambda 1 by
  // transform (scikit-learn's behaviour), so that check uses columns a and b only.
  PowerTransformer: () => ({ factory: () => new PowerTransformer(), options: { role: "transformer", X: numeric.drop(["c"]), allowNaN: true } }),
  PolynomialFeatures: () => ({
    factory: () => new PolynomialFeatures({ degree: 2, interactionOnly: true, includeBias: false }),
    options: { role: "transformer", X: numeric.drop(["a"]), allowNaN: false },
  }),
  StandardScaler: () => ({ factory: () => new StandardScaler(), options: { role: "transformer", X: numeric, allowNaN: true } }),
  OneHotEncoder: () => ({
    factory: () => new OneHotEncoder({ handleUnknown: "infrequent_if_exist", minFrequency: 2, drop: "if_binary" }),
    options: { role: "transformer", X: categorical, allowNaN: true },
  }),
  OrdinalEncoder: () => ({
    factory: () => new OrdinalEncoder({ handleUnknown: "use_encoded_value", unknownValue: -1, maxCategories: 3 }),
    options: { role: "transformer", X: categorical, allowNaN: true },
  }),
  TargetEncoder: () => ({
    factory: () => new TargetEncoder({ cv: 3, randomState: 0 }),
    options: { role: "transformer", X: categorical, y: churned, allowNaN: true, seedParam: "randomState", fitTransformEqualsTransform: false },
  }),
  SimpleImputer: () => ({
    factory: () => new SimpleImputer({ strategy: "most_frequent", addIndicator: true }),
    options: { role: "transformer", X: withGaps, allowNaN: true },
  }),
  FunctionTransformer: () => ({
    factory: () => new FunctionTransformer({ func: "log1p", inverseFunc: "expm1" }),
    options: { role: "transformer", X: numeric.drop(["b"]), allowNaN: true },
  }),
  KNNImputer: () => ({
    factory: () => new KNNImputer({ nNeighbors: 2, addIndicator: true }),
    options: { role: "transformer", X: numeric, allowNaN: true },
  }),
  MinMaxScaler: () => ({ factory: () => new MinMaxScaler({ featureRange: [-1, 1] }), options: { role: "transformer", X: numeric, allowNaN: true } }),
  RobustScaler: () => ({ factory: () => new RobustScaler({ quantileRange: [10, 90] }), options: { role: "transformer", X: numeric, allowNaN: true } }),
};
