/**
 * The Yeo-Johnson transform as PowerTransformer applies it to data (`transform`, `fitTransform`
 * and the standardization's statistics at `fit`): scipy's `expm1(λ·log1p(x)) / λ` (and its mirror
 * for x < 0) with `log1p` and `expm1` evaluated to within an ulp or two in double arithmetic,
 * rather than correctly rounded as the lambda search needs them (power-functions.ts). Against the
 * correctly rounded transform (which numpy's SVML `log1p` and `expm1` give on all but a tiny share
 * of inputs) it is equal on about 99% of values and was within 5·(1 + |t|) ulps on 10^8 values
 * searched for its worst, t being λ·log1p(x) (the tests hold it to 6·(1 + |t|)): an ulp of the
 * logarithm is |t| ulps of expm1(t), so a few ulps where |t| is small (at most 5, where t is near
 * 2^-10 and expm1's h − 1 cancels) and up to about 3e-13 relative near overflow. That
 * lets the transform keep up with numpy's: the correctly rounded one needs double-double
 * arithmetic and rounding tests, about 230 processor instructions a pair of values in two passes
 * against about 105 in one.
 *
 * `yeoJohnsonTransform` is the reference, value by value; yeo-johnson-transform.wat computes the
 * same doubles four at a time, and `yeoJohnsonTransformColumn` uses it where WebAssembly SIMD
 * runs. Where either leaves a value (NaN, ±Infinity and |x| >= 2^1023, a zero transform, whose
 * sign scipy's functions decide, and λ·log1p(x) above 708, near overflow) or where λ is 0 or 2
 * (one side is then the logarithm itself), both take the correctly rounded `yeoJohnson`.
 *
 * @module
 */
import { EmbeddedKernels, type KernelInstance } from "../core/embedded-wasm.js";
import { ListingKernels } from "../core/listing-kernels.js";
import { EXPM1_TABLE, INV_LN2_256, LN2_256_HI, LN2_256_LO, LN2_HI, LN2_LO, LOG_TABLE, ROUND_TO_INTEGER } from "./correctly-rounded.js";
import { HIGH_WORD } from "./double-words.js";
import { lambdaTakesLogs, standardizedInJavaScript, standardizes, yeoJohnson } from "./power-functions.js";
import { POW2, POW2_ZERO } from "./powers-of-two.js";
import { YEO_JOHNSON_TRANSFORM_BASE64 } from "./yeo-johnson-transform-binary.js";

/**
 * The log1p table: `LOG_TABLE` (c, m_j·c − 1, −log(c) high and low for m's top 8 bits j) but for
 * c = 1 at j = 0, so that near x = 0 the logarithm is the series in z = |x| itself, with no
 * cancellation against −log(c).
 */
export const YEO_JOHNSON_LOG_TABLE = LOG_TABLE.slice();
YEO_JOHNSON_LOG_TABLE.set([1, 0, 0, 0], 0);

/** |x| from which the transform is left to `yeoJohnson` (2^-k for 1 + |x| = 2^k·m would be subnormal). */
const X_LIMIT = 2 ** 1023;

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/**
 * The Yeo-Johnson transform of x with `lambda`: yeo-johnson-transform.wat's operations on one
 * value (see there for the method), or `yeoJohnson` where they leave it.
 */
export function yeoJohnsonTransform(x: number, lambda: number): number {
  const a = Math.abs(x);
  if (!(a < X_LIMIT) || lambdaTakesLogs(lambda)) return yeoJohnson(x, lambda);
  const positive = x >= 0;
  // log1p(a): 1 + a = u + e, u = 2^k·m, z = m·c − 1 with the table entry j of m's top 8 bits.
  const u = a + 1;
  const e = a - (u - 1);
  BITS[0] = u;
  const top = WORDS[HIGH_WORD];
  const k = (top >>> 20) - 1023;
  const scale = POW2[POW2_ZERO - k];
  const j4 = (top >>> 10) & 1020;
  const table = YEO_JOHNSON_LOG_TABLE;
  const c = table[j4];
  const z = (u * scale - 1 - j4 / 1024) * c + table[j4 + 1];
  const z2 = z * z;
  const p = z2 * (-0.5 + z * (1 / 3 - z * 0.25) + z2 * z * (0.2 - z * (1 / 6) + z2 * (1 / 7)));
  const low = k * LN2_LO + table[j4 + 3] + e * scale * c * (1 - z) + p;
  const hi = k * LN2_HI + table[j4 + 2];
  const s = hi + z;
  const t = (positive ? lambda : 2 - lambda) * (s + (z - (s - hi) + low));
  if (!(t <= 708) || t === 0) return yeoJohnson(x, lambda);
  return expm1(t) / (positive ? lambda : lambda - 2);
}

/** expm1(t) for t <= 708 as yeo-johnson-transform.wat takes it: t = n·ln2/256 + r, 2^(n/256) from EXPM1_TABLE. */
function expm1(t: number): number {
  if (t < -38) return -1;
  const n = t * INV_LN2_256 + ROUND_TO_INTEGER - ROUND_TO_INTEGER;
  const r = t - n * LN2_256_HI - n * LN2_256_LO;
  const r2 = r * r;
  const q = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120)));
  const j2 = (n & 255) << 1;
  const h = POW2[(n >> 8) + POW2_ZERO] * EXPM1_TABLE[j2];
  return h - 1 + h * (q + EXPM1_TABLE[j2 + 1] * (q + 1));
}

/**
 * Applies `yeoJohnsonTransform` to a whole column, then (y − mean) / scale (the standardization;
 * mean ±0 and scale 1 leave y). Returns whether every value and every y is free of ±Infinity (NaN
 * passes through); where not, the caller looks for the culprit itself. `out` may be `values`.
 */
export function yeoJohnsonTransformColumn(values: Float64Array, lambda: number, out: Float64Array, mean = 0, scale = 1): boolean {
  const n = values.length;
  const kernel = lambdaTakesLogs(lambda) ? null : YeoJohnsonTransformKernel.create(n);
  if (kernel === null) {
    return standardizedInJavaScript(values, out, mean, scale, () => {
      for (let i = 0; i < n; i++) out[i] = yeoJohnsonTransform(values[i], lambda);
    });
  }
  kernel.input.set(values);
  // A decided y is finite: |y| = |expm1(t) / t|·log1p(|x|) with t <= 708 and log1p(|x|) < 709.8.
  const listed = kernel.transform(n, lambda, mean, scale);
  const results = kernel.out;
  const standardized = standardizes(mean, scale);
  let finite = true;
  for (let l = 0; l < listed.length; l++) {
    const x = values[listed[l]];
    const y = yeoJohnson(x, lambda);
    if (Math.abs(x) === Infinity || Math.abs(y) === Infinity) finite = false;
    results[listed[l]] = standardized ? (y - mean) / scale : y;
  }
  // Finished in the kernel's memory, so that `out` may be `values`.
  out.set(results.subarray(0, n));
  kernel.release();
  return finite;
}

/** The exports of yeo-johnson-transform.wat. */
interface TransformExports {
  setup(expTableAt: number, logTableAt: number): void;
  transform(values: number, out: number, n: number, lambda: number, shift: number, divisor: number, list: number): number;
}

/** The expm1 table, then the log1p table, at the start of the memory. */
const LOG_TABLE_AT = EXPM1_TABLE.length * 8;
const TABLE_BYTES = LOG_TABLE_AT + YEO_JOHNSON_LOG_TABLE.length * 8;

const MODULE = new EmbeddedKernels<TransformExports>(YEO_JOHNSON_TRANSFORM_BASE64, ({ exports, memory }: KernelInstance<TransformExports>) => {
  new Float64Array(memory.buffer, 0, EXPM1_TABLE.length).set(EXPM1_TABLE);
  new Float64Array(memory.buffer, LOG_TABLE_AT, YEO_JOHNSON_LOG_TABLE.length).set(YEO_JOHNSON_LOG_TABLE);
  exports.setup(0, LOG_TABLE_AT);
});

/** yeo-johnson-transform.wat with room for `capacity` values (see ListingKernels). */
export class YeoJohnsonTransformKernel extends ListingKernels<TransformExports> {
  /** The kernel, or null where WebAssembly SIMD does not run or the runtime refuses its memory. */
  static create(capacity: number): YeoJohnsonTransformKernel | null {
    // The module reads and writes four values at a time.
    const room = 4 * Math.ceil(capacity / 4);
    const instance = ListingKernels.instance(MODULE, TABLE_BYTES, room);
    return instance === null ? null : new YeoJohnsonTransformKernel(MODULE, instance, TABLE_BYTES, room);
  }

  /**
   * Sets out[i] to the standardized transform (y − mean) / scale of input[i] for the first `n`
   * inputs (λ neither 0 nor 2), but for the positions it returns, which it leaves to `yeoJohnson`.
   */
  transform(n: number, lambda: number, mean = 0, scale = 1): Int32Array {
    const { exports } = this.instance;
    return this.listed(n, exports.transform(this.input.byteOffset, this.out.byteOffset, n, lambda, mean, scale, this.list.byteOffset));
  }
}
