import { StandardScaler } from "./standard-scaler.js";
import { OneHotEncoder } from "./one-hot-encoder.js";
import { OrdinalEncoder } from "./ordinal-encoder.js";
import { TargetEncoder } from "./target-encoder.js";
import { FunctionTransformer } from "./function-transformer.js";
import { SimpleImputer } from "./simple-imputer.js";
import { PowerTransformer } from "./power-transformer.js";
import { PolynomialFeatures } from "./polynomial-features.js";
import { KNNImputer } from "./knn-imputer.js";
import { MinMaxScaler } from "./min-max-scaler.js";
import { RobustScaler } from "./robust-scaler.js";

export { StandardScaler };
export type { StandardScalerParams } from "./standard-scaler.js";
export { SimpleImputer };
export type { SimpleImputerParams } from "./simple-imputer.js";
export { OneHotEncoder, OrdinalEncoder, TargetEncoder, FunctionTransformer };
export type { OneHotEncoderParams, OneHotTransformOptions } from "./one-hot-encoder.js";
export type { OrdinalEncoderParams } from "./ordinal-encoder.js";
export type { TargetEncoderParams, TargetEncoderFitOptions } from "./target-encoder.js";
export { builtinFunctions, elementwise, registryWithFunctions } from "./function-transformer.js";
export type { FunctionTransformerParams, FunctionTransformerOptions, FunctionRegistry, TransformFunction, KwArg } from "./function-transformer.js";
export type { CategoriesParam, Category } from "./categories.js";
export { PowerTransformer };
export type { PowerTransformerParams } from "./power-transformer.js";
export { PolynomialFeatures };
export type { PolynomialFeaturesParams } from "./polynomial-features.js";
export { KNNImputer, MinMaxScaler, RobustScaler };
export type { KNNImputerParams } from "./knn-imputer.js";
export type { MinMaxScalerParams } from "./min-max-scaler.js";
export type { RobustScalerParams } from "./robust-scaler.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const preprocessingEstimators = [StandardScaler, OneHotEncoder, OrdinalEncoder, TargetEncoder, FunctionTransformer, SimpleImputer, PowerTransformer, PolynomialFeatures, KNNImputer, MinMaxScaler, RobustScaler] as const;
