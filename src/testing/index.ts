export { checkEstimator, estimatorChecks, ConformanceError } from "./conformance.js";
export type { ConformanceOptions, ConformanceCase, ConformanceCases, EstimatorCheck, EstimatorRole } from "./conformance.js";
export { snapshot, sameOutput } from "./snapshot.js";
