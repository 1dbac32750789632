/** scikit-learn's FEATURE_THRESHOLD, a float32: values closer than this count as equal. */
export const FEATURE_THRESHOLD = Math.fround(1e-7);

/** How a candidate feature was searched: sorted rows, found constant, or by rank histogram. */
export const SORTED = 0;
export const CONSTANT = 1;
export const HISTOGRAM = 2;
