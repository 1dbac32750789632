import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { WASM_SOURCES, assemble, embedding, expandInterleaved, expandMultiplyAdds } from "../scripts/assemble-wasm.mjs";

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

  it("writes a source's multiply-adds as relaxed SIMD's or as a multiplication and an addition, nested ones too", () => {
    const source = "(local.set $p (f64x2.madd (local.get $a)\n  (f64x2.nmadd (local.get $b) (local.get $c) (local.get $d)) (local.get $e)))";
    expect(expandMultiplyAdds(source, true)).toBe("(local.set $p (f64x2.relaxed_madd (local.get $a) (f64x2.relaxed_nmadd (local.get $b) (local.get $c) (local.get $d)) (local.get $e)))");
    expect(expandMultiplyAdds(source, false)).toBe(
      "(local.set $p (f64x2.add (f64x2.mul (local.get $a) (f64x2.sub (local.get $d) (f64x2.mul (local.get $b) (local.get $c)))) (local.get $e)))",
    );
    expect(() => expandMultiplyAdds("(f64x2.madd (local.get $a) (local.get $b))", false)).toThrow(/madd at offset 0/);
    expect(() => expandMultiplyAdds("(f64x2.nmadd (local.get $a) (local.get $b) (local.get $c) (local.get $d))", false)).toThrow(/takes three operands/);
    expect(() => expandMultiplyAdds("(f64x2.madd (local.get $a) ;; a\n (local.get $b) (local.get $c))", false)).toThrow(/in parentheses/);
    expect(() => expandMultiplyAdds("(f64x2.madd (local.get $a) (f64x2.abs ;; b\n (local.get $b)) (local.get $c))", false)).toThrow(/no comment inside/);
    expect(() => expandMultiplyAdds("(f64x2.madd (local.get $a) (local.get $b) (local.get $c)", false)).toThrow(/takes three operands/);
    expect(() => expandMultiplyAdds("(f64x2.madd (local.get $a) (local.get $b) (f64x2.abs (local.get $c)", false)).toThrow(/unbalanced/);
    expect(() => expandMultiplyAdds("(f64x2.nmadd (local.get $a) (local.tee $b (local.get $c)) (local.get $c))", false)).toThrow(/no side effects/);
  });

  it("writes each statement of an interleaved region for lane A, then lane B, and declares both lanes' locals", () => {
    const source = [
      "(func (local $x@ v128) (local $i i32)",
      "  ;; interleave {",
      "  ;; load",
      "  (local.set $x@ (v128.load (local.get $at@)))",
      "  (local.set $x@ (f64x2.add (local.get $x@)",
      "    (local.get $x@)))",
      "  ;; } interleave",
      "  (br 0))",
    ].join("\n");
    expect(expandInterleaved(source)).toBe(
      [
        "(func (local $xA v128) (local $xB v128) (local $i i32)",
        ";; load",
        "(local.set $xA (v128.load (local.get $atA)))",
        "(local.set $xB (v128.load (local.get $atB)))",
        "(local.set $xA (f64x2.add (local.get $xA)\n    (local.get $xA)))",
        "(local.set $xB (f64x2.add (local.get $xB)\n    (local.get $xB)))",
        "  (br 0))",
      ].join("\n"),
    );
    expect(() => expandInterleaved("(local.get $x@)")).toThrow(/an @ outside an interleaved region/);
    expect(() => expandInterleaved(";; interleave {\n(local.set $x@ ;; no\n (local.get $y@))\n;; } interleave\n")).toThrow(/no comment inside/);
    expect(() => expandInterleaved(";; interleave {\nlocal.get $x@\n;; } interleave\n")).toThrow(/each statement must be an expression in parentheses/);
    expect(() => expandInterleaved(";; interleave {\n(local.set $i (i32.const 1))\n;; } interleave\n")).toThrow(/names no lane/);
    expect(() => expandInterleaved(";; interleave {\n(local.set $x@ (local.get $y@)\n;; } interleave\n")).toThrow(/no comment inside|unbalanced/);
  });

  it.each(WASM_SOURCES as WasmSource[])("$source never grows its memory (a grow detaches the buffer JavaScript holds, which slows every typed array access after)", (entry) => {
    expect(readFileSync(join(root, entry.source), "utf8")).not.toMatch(/memory\.grow/);
  });

  it.each(WASM_SOURCES as WasmSource[])("$source stays under 4 KB, the most a browser compiles synchronously on its main thread", async (entry) => {
    const binary: Uint8Array = await assemble(entry.source, entry.relaxedSimd);
    expect(binary.length).toBeLessThan(4096);
  });
});
