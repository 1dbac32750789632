/**
 * The memory layout shared by the kernels that compute a value per input and list the inputs
 * they leave to JavaScript (power-kernels.wat, numpy-kernels.wat, numpy-fma-kernels.wat,
 * yeo-johnson-transform.wat): after the module's tables, the inputs, the results and the list of
 * undecided positions, each with room for one value past `capacity` because the kernels read and
 * write pairs (a kernel that reads four at a time asks for a capacity of a multiple of four).
 *
 * @module
 */
import type { EmbeddedKernels, KernelInstance } from "./embedded-wasm.js";

/** Bytes a value takes: an input and a result (8 each) and a listed position (4). */
const BYTES_PER_VALUE = 20;

/**
 * An instance of a listing kernel with room for `capacity` values after `tableBytes` of tables:
 * the caller writes its values into `input`, each kernel call sets `out` but for the positions
 * it lists, and `release` hands the instance back (the views are not to be used after).
 */
export abstract class ListingKernels<Exports> {
  readonly input: Float64Array;
  readonly out: Float64Array;
  protected readonly list: Int32Array;

  protected constructor(
    private readonly source: EmbeddedKernels<Exports>,
    protected readonly instance: KernelInstance<Exports>,
    tableBytes: number,
    capacity: number,
  ) {
    const buffer = instance.memory.buffer;
    this.input = new Float64Array(buffer, tableBytes, capacity + 1);
    this.out = new Float64Array(buffer, this.input.byteOffset + this.input.byteLength, capacity + 1);
    this.list = new Int32Array(buffer, this.out.byteOffset + this.out.byteLength, capacity + 1);
  }

  /** An instance of `source` with the memory for `capacity` values after `tableBytes` of tables, or null. */
  protected static instance<Exports>(source: EmbeddedKernels<Exports>, tableBytes: number, capacity: number): KernelInstance<Exports> | null {
    return source.take(tableBytes + (capacity + 1) * BYTES_PER_VALUE);
  }

  /** The first `count` listed positions, but for the lanes past the `n` values (the list is in order). */
  protected listed(n: number, count: number): Int32Array {
    const { list } = this;
    while (count > 0 && list[count - 1] >= n) count--;
    return list.subarray(0, count);
  }

  /** Hands the instance back; the views are not to be used after. */
  release(): void {
    this.source.give(this.instance);
  }
}
