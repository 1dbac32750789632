import { EmbeddedKernels, type KernelInstance } from "../core/embedded-wasm.js";
import { ListingKernels } from "../core/listing-kernels.js";
import { EXP_KERNEL_CONSTANTS, numpyExp, numpyExpArray } from "./numpy-exp.js";
import { LOG1P_KERNEL_CONSTANTS, LOG1P_KERNEL_RECIPROCALS, numpyLog1p, numpyLogArray } from "./numpy-log.js";
import { NUMPY_FMA_KERNELS_BASE64 } from "./numpy-fma-kernels-binary.js";
import { NUMPY_KERNELS_BASE64 } from "./numpy-kernels-binary.js";

/** The exports of numpy-kernels.wat and numpy-fma-kernels.wat. */
interface NumpyKernelExports {
  setup(expConstantsAt: number, logConstantsAt: number): void;
  numpyExp(values: number, out: number, n: number, list: number): number;
  numpyLog1p(values: number, out: number, n: number, list: number): number;
  /** numpy-fma-kernels.wat's: 1 where its multiply-add rounds once. */
  fused?(): number;
}

/** numpy's exp constants, then its log1p constants and reciprocal table, at the start of the memory. */
const LOG_CONSTANTS_AT = 16 * Math.ceil((EXP_KERNEL_CONSTANTS.length * 8) / 16);
const RECIPROCALS_AT = LOG_CONSTANTS_AT + LOG1P_KERNEL_CONSTANTS.length * 8;
const TABLE_BYTES = 16 * Math.ceil((RECIPROCALS_AT + LOG1P_KERNEL_RECIPROCALS.length) / 16);

/** Writes the constants and tables both modules read, and gives their offsets. */
function prepare({ exports, memory }: KernelInstance<NumpyKernelExports>): void {
  new Float64Array(memory.buffer, 0, EXP_KERNEL_CONSTANTS.length).set(EXP_KERNEL_CONSTANTS);
  new Float64Array(memory.buffer, LOG_CONSTANTS_AT, LOG1P_KERNEL_CONSTANTS.length).set(LOG1P_KERNEL_CONSTANTS);
  new Uint8Array(memory.buffer, RECIPROCALS_AT, LOG1P_KERNEL_RECIPROCALS.length).set(LOG1P_KERNEL_RECIPROCALS);
  exports.setup(0, LOG_CONSTANTS_AT);
}

/**
 * The two modules: `fma` replays SVML's FMAs with the processor's own (relaxed SIMD's
 * `relaxed_madd`, where it rounds once), `emulated` emulates them with exact products and
 * rounding tests; both give the values of numpy-exp.ts and numpy-log.ts.
 */
const MODULES = {
  fma: new EmbeddedKernels<NumpyKernelExports>(NUMPY_FMA_KERNELS_BASE64, prepare),
  emulated: new EmbeddedKernels<NumpyKernelExports>(NUMPY_KERNELS_BASE64, prepare),
};

export type NumpyKernelVariant = keyof typeof MODULES;

let fused: boolean | undefined;

/**
 * Whether the FMA module's multiply-add rounds once here (its `fused` probe), or null where the
 * module does not run (no relaxed SIMD, or no memory for an instance just now).
 */
export function fusedMultiplyAddProbe(): boolean | null {
  if (fused === undefined) {
    const instance = MODULES.fma.take(0);
    if (instance === null) return null;
    fused = instance.exports.fused?.() === 1;
    MODULES.fma.give(instance);
  }
  return fused;
}

/** Whether `variant` runs here (for `fma`: relaxed SIMD compiles and its multiply-add rounds once). */
export function numpyKernelsAvailable(variant: NumpyKernelVariant): boolean {
  return variant === "fma" ? fusedMultiplyAddProbe() === true : MODULES.emulated.available();
}

/**
 * The module numpy's functions run in here: `fma` where its multiply-add rounds once, else
 * `emulated` where WebAssembly SIMD compiles, else null. Each is checked once: `create` makes the
 * one instance it needs, or returns null where the runtime refuses its memory.
 */
export function numpyKernelsVariant(): NumpyKernelVariant | null {
  if (fusedMultiplyAddProbe() === true) return "fma";
  return MODULES.emulated.compiles() ? "emulated" : null;
}

/**
 * numpy's `exp` and `log1p` in WebAssembly (numpy-fma-kernels.wat or numpy-kernels.wat) for up
 * to `capacity` values, with the values of numpy-exp.ts's `numpyExpArray` and numpy-log.ts's
 * `numpyLogArray`: the caller writes its values into `input`, and computes each listed position
 * with `numpyExp` or `numpyLog1p` (see ListingKernels).
 */
export class NumpyKernels extends ListingKernels<NumpyKernelExports> {
  /**
   * The kernels of `variant` (by default the one that runs here) with room for `capacity` values,
   * or null where they do not run or the runtime cannot give them the memory.
   */
  static create(capacity: number, variant = numpyKernelsVariant()): NumpyKernels | null {
    // An `fma` module whose multiply-add does not round once would give other values.
    if (variant === null || (variant === "fma" && fusedMultiplyAddProbe() !== true)) return null;
    const source = MODULES[variant];
    const instance = ListingKernels.instance(source, TABLE_BYTES, capacity);
    return instance === null ? null : new NumpyKernels(source, instance, TABLE_BYTES, capacity);
  }

  /**
   * Sets out[i] to np.exp(input[i]) for the first `n` inputs; returns the positions left to
   * JavaScript: SVML's rare-case path (|x| >= 707.70, NaN) and, with the emulated FMA, the
   * values its rounding tests do not decide.
   */
  exp(n: number): Int32Array {
    return this.listed(n, this.instance.exports.numpyExp(this.input.byteOffset, this.out.byteOffset, n, this.list.byteOffset));
  }

  /**
   * Sets out[i] to np.log1p(input[i]) for the first `n` inputs; returns the positions left to
   * JavaScript: those outside the kernel's range (v <= −1, v >= 2^1000, |v| < 2^-60, NaN) and,
   * with the emulated FMA, the values its rounding tests do not decide.
   */
  log1p(n: number): Int32Array {
    return this.listed(n, this.instance.exports.numpyLog1p(this.input.byteOffset, this.out.byteOffset, n, this.list.byteOffset));
  }
}

/** numpy's functions on arrays (in place) and on one value, as numpy-exp.ts and numpy-log.ts replay them. */
const NUMPY_FUNCTIONS = {
  exp: { inPlace: (values: Float64Array) => numpyExpArray(values, values), one: numpyExp },
  log1p: { inPlace: (values: Float64Array) => numpyLogArray(values, values, values.length, true), one: numpyLog1p },
};

/**
 * numpy's `exp` and `log1p` over arrays of `capacity` values, with the same values wherever they
 * run: the caller fills `input`, and `apply` returns the array holding the results, which the
 * next filling of `input` may overwrite (they can be one array). Through `NumpyKernels`, their
 * listed positions by `numpyExp`/`numpyLog1p`, where WebAssembly runs; in JavaScript elsewhere.
 * Filling the kernel's memory directly spares a copy in and out per call.
 */
export class NumpyArrays {
  readonly input: Float64Array;
  private readonly kernels: NumpyKernels | null;
  private readonly results: Float64Array;

  constructor(capacity: number) {
    const kernels = NumpyKernels.create(capacity);
    this.kernels = kernels;
    this.input = kernels === null ? new Float64Array(capacity) : kernels.input.subarray(0, capacity);
    this.results = kernels === null ? this.input : kernels.out.subarray(0, capacity);
  }

  /** np.exp or np.log1p of each input. */
  apply(name: keyof typeof NUMPY_FUNCTIONS): Float64Array {
    const { kernels, input, results } = this;
    const { inPlace, one } = NUMPY_FUNCTIONS[name];
    if (kernels === null) {
      inPlace(input);
      return input;
    }
    const undecided = kernels[name](input.length);
    for (let u = 0; u < undecided.length; u++) results[undecided[u]] = one(input[undecided[u]]);
    return results;
  }

  /** Hands the kernels' instance back; the arrays are not to be used after. */
  release(): void {
    this.kernels?.release();
  }
}
