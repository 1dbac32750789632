import { DataDriftDetector } from "./data-drift-detector.js";

export { DataDriftDetector };
export type { DataDriftDetectorParams, DriftReport, DriftInput } from "./data-drift-detector.js";
export type { ColumnDrift, ColumnDriftStatus, ColumnRole, DriftHistogram, WindowCounts } from "./column-drift.js";
export { DRIFT_METHODS, defaultDriftMethod } from "./methods.js";
export { renderDriftReport } from "./render-drift-report.js";
export type { RenderDriftReportOptions } from "./render-drift-report.js";
export type { DriftMethod, DriftMethodInfo, DriftColumnType } from "./methods.js";
export { ADWIN } from "./streaming/adwin.js";
export type { AdwinParams } from "./streaming/adwin.js";
export { PageHinkley } from "./streaming/page-hinkley.js";
export type { PageHinkleyParams } from "./streaming/page-hinkley.js";
export { DDM } from "./streaming/ddm.js";
export type { DdmParams } from "./streaming/ddm.js";
export type { StreamDetector, StreamDetectorJSON } from "./streaming/stream-detector.js";
export { ks2samp, ksPValue } from "./stats/ks-2samp.js";
export type { KsResult } from "./stats/ks-2samp.js";
export { chisquare, chi2Contingency } from "./stats/chi-square.js";
export type { ChiSquareResult } from "./stats/chi-square.js";
export { twoProportionZTest } from "./stats/z-test.js";
export type { ZTestResult } from "./stats/z-test.js";
export { wassersteinDistance, wassersteinNormed } from "./stats/wasserstein.js";
export { jensenShannonDistance } from "./stats/jensen-shannon.js";
export { klDivergence } from "./stats/kl-divergence.js";
export { psi, fillZeroShares } from "./stats/psi.js";
export { hellingerDistance } from "./stats/hellinger.js";
export { andersonDarling } from "./stats/anderson-darling.js";
export type { AndersonDarlingResult } from "./stats/anderson-darling.js";
export { bonferroni, benjaminiHochberg, adjustPValues } from "./stats/multiple-testing.js";
export type { Correction } from "./stats/multiple-testing.js";
export { sturgesBinEdges, histogramCounts } from "./stats/binning.js";
export { kolmogorovSf, smirnovSf } from "./special/kolmogorov.js";
export { chiSquareSf, gammaP, gammaQ } from "./special/incomplete-gamma.js";
export { normalCdf, normalSf, erfc } from "./special/normal.js";
export { logGamma } from "./special/gamma.js";

/** Every estimator class of this module, for the model registry and the conformance test. */
export const driftEstimators = [DataDriftDetector] as const;
