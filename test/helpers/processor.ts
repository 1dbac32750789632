import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { NUMPY_FMA_KERNELS_BASE64 } from "../../src/preprocessing/numpy-fma-kernels-binary.js";

/**
 * Whether the processor has a fused multiply-add instruction: always on ARM64, on x86 where
 * Linux's /proc/cpuinfo lists the `fma` flag; null where that cannot be told.
 */
export function processorHasFma(): boolean | null {
  if (process.arch === "arm64") return true;
  try {
    return /\bfma\b/.test(readFileSync("/proc/cpuinfo", "utf8"));
  } catch {
    return null;
  }
}

/** Whether this Node runs relaxed SIMD as it starts (Node 20 has it behind a flag): the FMA module validates. */
export function relaxedSimdRuns(): boolean {
  return WebAssembly.validate(Buffer.from(NUMPY_FMA_KERNELS_BASE64, "base64"));
}
