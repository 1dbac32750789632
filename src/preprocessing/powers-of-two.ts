/** Index of 2^0 in POW2. */
export const POW2_ZERO = 1074;

/** `2^m` for every double exponent m = −1074..1023, at index m + POW2_ZERO: a scale in one load. */
export const POW2 = Float64Array.from({ length: 2098 }, (_, i) => Math.pow(2, i - POW2_ZERO));
