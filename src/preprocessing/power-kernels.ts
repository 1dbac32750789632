import { EmbeddedKernels, type KernelInstance } from "../core/embedded-wasm.js";
import { SPLITTER } from "../core/product-error.js";
import { EXPM1_BOUND, EXPM1_BOUND_SQUARE, EXPM1_TABLE, LN2_256_HI, LN2_256_LO, LN2_HI, LN2_LO, LOG_FAST_BOUND, LOG_TABLE } from "./correctly-rounded.js";
import { EXP_KERNEL_CONSTANTS } from "./numpy-exp.js";
import { POWER_KERNELS_BASE64 } from "./power-kernels-binary.js";

/** The exports of power-kernels.wat. */
interface PowerKernelExports {
  setup(tableAt: number, ln2Hi: number, ln2Lo: number, splitter: number, boundSquare: number, bound: number, logTableAt: number, logLn2Hi: number, logLn2Lo: number, logBound: number): void;
  setupExp(constantsAt: number): void;
  signedLogs(values: number, n: number): void;
  yeoJohnson(logs: number, out: number, n: number, lambda: number, list: number): number;
  numpyExp(values: number, out: number, n: number, list: number): number;
}

/** The expm1 table, the log1p table, then numpy's exp constants and tables, at the start of the memory. */
const LOG_TABLE_AT = EXPM1_TABLE.length * 8;
const EXP_CONSTANTS_AT = LOG_TABLE_AT + LOG_TABLE.length * 8;
const TABLE_BYTES = 16 * Math.ceil((EXP_CONSTANTS_AT + EXP_KERNEL_CONSTANTS.length * 8) / 16);

const kernels = new EmbeddedKernels<PowerKernelExports>(POWER_KERNELS_BASE64, ({ exports, memory }) => {
  new Float64Array(memory.buffer, 0, EXPM1_TABLE.length).set(EXPM1_TABLE);
  new Float64Array(memory.buffer, LOG_TABLE_AT, LOG_TABLE.length).set(LOG_TABLE);
  exports.setup(0, LN2_256_HI, LN2_256_LO, SPLITTER, EXPM1_BOUND_SQUARE, EXPM1_BOUND, LOG_TABLE_AT, LN2_HI, LN2_LO, LOG_FAST_BOUND);
  new Float64Array(memory.buffer, EXP_CONSTANTS_AT, EXP_KERNEL_CONSTANTS.length).set(EXP_KERNEL_CONSTANTS);
  exports.setupExp(EXP_CONSTANTS_AT);
});

/** Whether the WebAssembly kernels run here: their module compiles and an instance can be made. */
export function powerKernelsAvailable(): boolean {
  return kernels.available();
}

/**
 * The power transforms' kernels in WebAssembly (power-kernels.wat) for up to `capacity` values:
 * the caller writes its values into `input` (for `yeoJohnson`, the values or their signed logs,
 * log1p(|x|) negated where x < 0), then each call gives every value's result in `out` but those
 * it lists as undecided, which the caller computes in JavaScript. Both arrays are views of the
 * module's memory; `release` hands the instance on to the next user.
 */
export class PowerKernels {
  readonly input: Float64Array;
  readonly out: Float64Array;
  private readonly list: Int32Array;

  private constructor(
    private readonly instance: KernelInstance<PowerKernelExports>,
    capacity: number,
  ) {
    const buffer = instance.memory.buffer;
    // Room for one double past each array: the kernel reads and writes pairs.
    this.input = new Float64Array(buffer, TABLE_BYTES, capacity + 1);
    this.out = new Float64Array(buffer, this.input.byteOffset + this.input.byteLength, capacity + 1);
    this.list = new Int32Array(buffer, this.out.byteOffset + this.out.byteLength, capacity + 1);
  }

  /** The kernel with room for `capacity` values, or null where it is unavailable or the runtime cannot give it the memory. */
  static create(capacity: number): PowerKernels | null {
    const instance = kernels.take(TABLE_BYTES + (capacity + 1) * 20);
    return instance === null ? null : new PowerKernels(instance, capacity);
  }

  /**
   * Sets out[i], for the first `n` inputs (values if `fromValues`, which are then overwritten
   * by their signed logs; else signed logs), to the Yeo-Johnson transform with `lambda` (for λ
   * neither 0 nor 2) wherever the fast paths decide it; returns the positions they do not.
   */
  yeoJohnson(n: number, lambda: number, fromValues: boolean): Int32Array {
    const { exports } = this.instance;
    if (fromValues) exports.signedLogs(this.input.byteOffset, n);
    return this.listed(n, exports.yeoJohnson(this.input.byteOffset, this.out.byteOffset, n, lambda, this.list.byteOffset));
  }

  /**
   * Sets out[i] to numpy's exp of input i, for the first `n` inputs, as `numpyExpArray` computes
   * it, wherever the kernel's rounding tests decide it; returns the positions they do not (and
   * those numpy takes on other paths), which the caller computes with `numpyExp`.
   */
  numpyExp(n: number): Int32Array {
    return this.listed(n, this.instance.exports.numpyExp(this.input.byteOffset, this.out.byteOffset, n, this.list.byteOffset));
  }

  /** The first `count` listed positions, but for the lane past the values of an odd `n`. */
  private listed(n: number, count: number): Int32Array {
    const { list } = this;
    return count > 0 && list[count - 1] >= n ? list.subarray(0, count - 1) : list.subarray(0, count);
  }

  /** Hands the instance back; the views are not to be used after. */
  release(): void {
    kernels.give(this.instance);
  }
}
