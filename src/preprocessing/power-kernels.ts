import { EmbeddedKernels, type KernelInstance } from "../core/embedded-wasm.js";
import { ListingKernels } from "../core/listing-kernels.js";
import { SPLITTER } from "../core/product-error.js";
import { EXPM1_BOUND, EXPM1_BOUND_SQUARE, EXPM1_TABLE, LN2_256_HI, LN2_256_LO } from "./correctly-rounded.js";
import { POWER_FMA_KERNELS_BASE64 } from "./power-fma-kernels-binary.js";
import { POWER_KERNELS_BASE64 } from "./power-kernels-binary.js";

/** The exports of power-kernels.wat. */
interface PowerKernelExports {
  setup(tableAt: number, ln2Hi: number, ln2Lo: number, splitter: number, boundSquare: number, bound: number): void;
  yeoJohnson(logs: number, out: number, n: number, lambda: number, list: number): number;
}

/** The expm1 table, at the start of the memory. */
const TABLE_BYTES = EXPM1_TABLE.length * 8;

function prepare({ exports, memory }: KernelInstance<PowerKernelExports>): void {
  new Float64Array(memory.buffer, 0, EXPM1_TABLE.length).set(EXPM1_TABLE);
  exports.setup(0, LN2_256_HI, LN2_256_LO, SPLITTER, EXPM1_BOUND_SQUARE, EXPM1_BOUND);
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
 * The module the lambda search's kernel runs in here: `fma` where it compiles, else `plain` where
 * WebAssembly SIMD does, else null. Only compiling is checked (once): `create` makes the one
 * instance it needs, or returns null where the runtime refuses its memory.
 */
export function powerKernelsVariant(): PowerKernelVariant | null {
  if (MODULES.fma.compiles()) return "fma";
  return MODULES.plain.compiles() ? "plain" : null;
}

/**
 * The lambda search's Yeo-Johnson kernel in WebAssembly (power-kernels.wat) for up to `capacity`
 * values: the caller writes their signed logs (log1p(|x|) correctly rounded, negated where x < 0)
 * into `input`; see ListingKernels.
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
   * Sets out[i], for the first `n` signed logs, to the correctly rounded Yeo-Johnson transform
   * with `lambda` (neither 0 nor 2) wherever the fast path decides it; returns the positions it
   * does not (among them every infinite log and transform).
   */
  yeoJohnson(n: number, lambda: number): Int32Array {
    const { exports } = this.instance;
    return this.listed(n, exports.yeoJohnson(this.input.byteOffset, this.out.byteOffset, n, lambda, this.list.byteOffset));
  }
}
