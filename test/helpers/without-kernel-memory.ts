import { vi } from "vitest";

/**
 * A fresh copy of a module (`load` imports it once the module registry is reset, so that no
 * kernel instance is kept from other tests) in a runtime that refuses WebAssembly memories: its
 * WebAssembly kernels cannot run, and it takes its plain JavaScript paths. Restore with
 * `vi.restoreAllMocks()`.
 */
export async function withoutKernelMemory<T>(load: () => Promise<T>) {
  vi.resetModules();
  const fresh = await load();
  const refused = vi.spyOn(WebAssembly, "Memory").mockImplementation(function () {
    throw new RangeError("WebAssembly.Memory(): could not allocate memory");
  });
  return { fresh, refused };
}
