/**
 * The two 32-bit words of a double as a `Uint32Array` view of a `Float64Array` holds them: typed
 * arrays use the platform's byte order, so which index holds the sign, exponent and leading
 * significand bits depends on it.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The index of the word with the sign, the exponent and the top 20 significand bits. */
export const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;

/** The index of the word with the low 32 significand bits. */
export const LOW_WORD = 1 - HIGH_WORD;
