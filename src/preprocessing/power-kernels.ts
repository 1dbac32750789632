import { EmbeddedKernels, type KernelInstance } from "../core/embedded-wasm.js";
import { ListingKernels } from "../core/listing-kernels.js";
import { SPLITTER } from "../core/product-error.js";
import { EXPM1_BOUND, EXPM1_BOUND_SQUARE, EXPM1_TABLE, LN2_256_HI, LN2_256_LO, LN2_HI, LN2_LO, LOG_FAST_BOUND, LOG_TABLE } from "./correctly-rounded.js";
import { POWER_FMA_KERNELS_BASE64 } from "./power-fma-kernels-binary.js";
import { POWER_KERNELS_BASE64 } from "./power-kernels-binary.js";

/** The exports of power-kernels.wat. */
interface PowerKernelExports {
  setup(tableAt: number, ln2Hi: number, ln2Lo: number, splitter: number, boundSquare: number, bound: number, logTableAt: number, logLn2Hi: number, logLn2Lo: number, logBound: number): void;
  signedLogs(values: number, n: number): void;
  yeoJohnson(logs: number, out: number, n: number, lambda: number, shift: number, divisor: number, list: number): number;
}

/** The expm1 table, then the log1p table, at the start of the memory. */
const LOG_TABLE_AT = EXPM1_TABLE.length * 8;
const TABLE_BYTES = 16 * Math.ceil((LOG_TABLE_AT + LOG_TABLE.length * 8) / 16);

function prepare({ exports, memory }: KernelInstance<PowerKernelExports>): void {
  new Float64Array(memory.buffer, 0, EXPM1_TABLE.length).set(EXPM1_TABLE);
  new Float64Array(memory.buffer, LOG_TABLE_AT, LOG_TABLE.length).set(LOG_TABLE);
  exports.setup(0, LN2_256_HI, LN2_256_LO, SPLITTER, EXPM1_BOUND_SQUARE, EXPM1_BOUND, LOG_TABLE_AT, LN2_HI, LN2_LO, LOG_FAST_BOUND);
}

/**
 * power-kernels.wat assembled twice: `fma` with relaxed SIMD's multiply-adds (fused where the
 * processor has an FMA instruction; about 8% less time), `plain` with a multiplication and an
 * addition each. The rounding tests bound either, so both decide only correctly rounded values.
 */
const MODULES = {
  fma: new EmbeddedKernels<PowerKernelExports>(POWER_FMA_KERNELS_BASE64, prepare),
  plain: new EmbeddedKernels<PowerKernelExports>(POWER_KERNELS_BASE64, prepare),
};

export type PowerKernelVariant = keyof typeof MODULES;

/** Whether `variant` runs here: its module compiles (`fma` needs relaxed SIMD: Node 22 and later, current browsers) and an instance can be made. */
export function powerKernelsAvailable(variant: PowerKernelVariant): boolean {
  return MODULES[variant].available();
}

/**
 * The module the Yeo-Johnson kernels run in here: `fma` where it compiles, else `plain` where
 * WebAssembly SIMD does, else null. Only compiling is checked (once): `create` makes the one
 * instance it needs, or returns null where the runtime refuses its memory.
 */
export function powerKernelsVariant(): PowerKernelVariant | null {
  if (MODULES.fma.compiles()) return "fma";
  return MODULES.plain.compiles() ? "plain" : null;
}

/**
 * The Yeo-Johnson kernels in WebAssembly (power-kernels.wat) for up to `capacity` values: the
 * caller writes the values or their signed logs (log1p(|x|) negated where x < 0) into `input`;
 * see ListingKernels.
 */
export class PowerKernels extends ListingKernels<PowerKernelExports> {
  /**
   * The kernels of `variant` (by default the one that runs here) with room for `capacity`
   * values, or null where they do not run or the runtime cannot give them the memory.
   */
  static create(capacity: number, variant = powerKernelsVariant()): PowerKernels | null {
    if (variant === null) return null;
    const source = MODULES[variant];
    const instance = ListingKernels.instance(source, TABLE_BYTES, capacity);
    return instance === null ? null : new PowerKernels(source, instance, TABLE_BYTES, capacity);
  }

  /**
   * Sets out[i], for the first `n` inputs (values if `fromValues`, which are then overwritten
   * by their signed logs; else signed logs), to the Yeo-Johnson transform y with `lambda` (for λ
   * neither 0 nor 2), standardized as (y − mean) / scale, wherever the fast paths decide y;
   * returns the positions they do not (among them every infinite value and transform).
   */
  yeoJohnson(n: number, lambda: number, fromValues: boolean, mean = 0, scale = 1): Int32Array {
    const { exports } = this.instance;
    if (fromValues) exports.signedLogs(this.input.byteOffset, n);
    return this.listed(n, exports.yeoJohnson(this.input.byteOffset, this.out.byteOffset, n, lambda, mean, scale, this.list.byteOffset));
  }
}
