import { readFileSync } from "node:fs";

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
