import { StandardScaler } from "./standard-scaler.js";

export { StandardScaler };
export type { StandardScalerParams } from "./standard-scaler.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const preprocessingEstimators = [StandardScaler] as const;
