import { EmbeddedKernels } from "../core/embedded-wasm.js";
import { ListingKernels } from "../core/listing-kernels.js";
import { EXP_KERNEL_CONSTANTS } from "./numpy-exp.js";
import { LOG1P_KERNEL_CONSTANTS, LOG1P_KERNEL_RECIPROCALS } from "./numpy-log.js";
import { NUMPY_KERNELS_BASE64 } from "./numpy-kernels-binary.js";

/** The exports of numpy-kernels.wat. */
interface NumpyKernelExports {
  setup(expConstantsAt: number, logConstantsAt: number): void;
  numpyExp(values: number, out: number, n: number, list: number): number;
  numpyLog1p(values: number, out: number, n: number, list: number): number;
}

/** numpy's exp constants, then its log1p constants and reciprocal table, at the start of the memory. */
const LOG_CONSTANTS_AT = 16 * Math.ceil((EXP_KERNEL_CONSTANTS.length * 8) / 16);
const RECIPROCALS_AT = LOG_CONSTANTS_AT + LOG1P_KERNEL_CONSTANTS.length * 8;
const TABLE_BYTES = 16 * Math.ceil((RECIPROCALS_AT + LOG1P_KERNEL_RECIPROCALS.length) / 16);

const kernels = new EmbeddedKernels<NumpyKernelExports>(NUMPY_KERNELS_BASE64, ({ exports, memory }) => {
  new Float64Array(memory.buffer, 0, EXP_KERNEL_CONSTANTS.length).set(EXP_KERNEL_CONSTANTS);
  new Float64Array(memory.buffer, LOG_CONSTANTS_AT, LOG1P_KERNEL_CONSTANTS.length).set(LOG1P_KERNEL_CONSTANTS);
  new Uint8Array(memory.buffer, RECIPROCALS_AT, LOG1P_KERNEL_RECIPROCALS.length).set(LOG1P_KERNEL_RECIPROCALS);
  exports.setup(0, LOG_CONSTANTS_AT);
});

/** Whether numpy's kernels run here in WebAssembly: their module compiles and an instance can be made. */
export function numpyKernelsAvailable(): boolean {
  return kernels.available();
}

/**
 * numpy's `exp` and `log1p` in WebAssembly (numpy-kernels.wat) for up to `capacity` values, with
 * the values of numpy-exp.ts's `numpyExpArray` and numpy-log.ts's `numpyLogArray`: the caller
 * writes its values into `input`, and computes each listed position with `numpyExp` or
 * `numpyLog1p` (see ListingKernels).
 */
export class NumpyKernels extends ListingKernels<NumpyKernelExports> {
  /** The kernels with room for `capacity` values, or null where they are unavailable or the runtime cannot give them the memory. */
  static create(capacity: number): NumpyKernels | null {
    const instance = ListingKernels.instance(kernels, TABLE_BYTES, capacity);
    return instance === null ? null : new NumpyKernels(kernels, instance, TABLE_BYTES, capacity);
  }

  /**
   * Sets out[i] to np.exp(input[i]) for the first `n` inputs wherever the kernel's rounding tests
   * decide it; returns the positions they do not (and those numpy takes on other paths).
   */
  exp(n: number): Int32Array {
    return this.listed(n, this.instance.exports.numpyExp(this.input.byteOffset, this.out.byteOffset, n, this.list.byteOffset));
  }

  /**
   * Sets out[i] to np.log1p(input[i]) for the first `n` inputs wherever the kernel's rounding
   * tests decide it; returns the positions they do not (and those outside its range).
   */
  log1p(n: number): Int32Array {
    return this.listed(n, this.instance.exports.numpyLog1p(this.input.byteOffset, this.out.byteOffset, n, this.list.byteOffset));
  }
}
