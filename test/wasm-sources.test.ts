import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { WASM_SOURCES, assemble, embedding } from "../scripts/assemble-wasm.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

interface WasmSource {
  source: string;
  module: string;
  name: string;
  relaxedSimd?: boolean;
}

describe("embedded WebAssembly", () => {
  it.each(WASM_SOURCES as WasmSource[])("$module is $source assembled (run `npm run wasm` after editing it)", async (entry) => {
    const binary: Uint8Array = await assemble(entry.source, entry.relaxedSimd);
    expect(readFileSync(join(root, entry.module), "utf8")).toBe(embedding(entry, binary));
  });

  it.each(WASM_SOURCES as WasmSource[])("$source never grows its memory (a grow detaches the buffer JavaScript holds, which slows every typed array access after)", (entry) => {
    expect(readFileSync(join(root, entry.source), "utf8")).not.toMatch(/memory\.grow/);
  });

  it.each(WASM_SOURCES as WasmSource[])("$source stays under 4 KB, the most a browser compiles synchronously on its main thread", async (entry) => {
    const binary: Uint8Array = await assemble(entry.source, entry.relaxedSimd);
    expect(binary.length).toBeLessThan(4096);
  });
});
