import { EmbeddedKernels } from "../core/embedded-wasm.js";
import { ListingKernels } from "../core/listing-kernels.js";
import { SPLITTER } from "../core/product-error.js";
import { EXPM1_BOUND, EXPM1_BOUND_SQUARE, EXPM1_TABLE, LN2_256_HI, LN2_256_LO, LN2_HI, LN2_LO, LOG_FAST_BOUND, LOG_TABLE } from "./correctly-rounded.js";
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

const kernels = new EmbeddedKernels<PowerKernelExports>(POWER_KERNELS_BASE64, ({ exports, memory }) => {
  new Float64Array(memory.buffer, 0, EXPM1_TABLE.length).set(EXPM1_TABLE);
  new Float64Array(memory.buffer, LOG_TABLE_AT, LOG_TABLE.length).set(LOG_TABLE);
  exports.setup(0, LN2_256_HI, LN2_256_LO, SPLITTER, EXPM1_BOUND_SQUARE, EXPM1_BOUND, LOG_TABLE_AT, LN2_HI, LN2_LO, LOG_FAST_BOUND);
});

/** Whether the Yeo-Johnson kernels run here: their module compiles and an instance can be made. */
export function powerKernelsAvailable(): boolean {
  return kernels.available();
}

/**
 * The Yeo-Johnson kernels in WebAssembly (power-kernels.wat) for up to `capacity` values: the
 * caller writes the values or their signed logs (log1p(|x|) negated where x < 0) into `input`;
 * see ListingKernels.
 */
export class PowerKernels extends ListingKernels<PowerKernelExports> {
  /** The kernel with room for `capacity` values, or null where it is unavailable or the runtime cannot give it the memory. */
  static create(capacity: number): PowerKernels | null {
    const instance = ListingKernels.instance(kernels, TABLE_BYTES, capacity);
    return instance === null ? null : new PowerKernels(kernels, instance, TABLE_BYTES, capacity);
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
