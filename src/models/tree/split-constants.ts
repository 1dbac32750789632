/** scikit-learn's FEATURE_THRESHOLD, a float32: values closer than this count as equal. */
export const FEATURE_THRESHOLD = Math.fround(1e-7);
