// Assembles the WebAssembly text sources of tabkit into the TypeScript modules that embed them
// (base64), so that the library ships no separate .wasm file and needs no bundler plugin.
// `npm run wasm` rewrites the modules; a test checks that they match their sources.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Buffer } from "node:buffer";
import initWabt from "wabt";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Each text source and the module that embeds it. */
export const WASM_SOURCES = [
  { source: "src/sampling/pair-kernels.wat", module: "src/sampling/pair-kernels-binary.ts", name: "PAIR_KERNELS_BASE64" },
  { source: "src/preprocessing/power-kernels.wat", module: "src/preprocessing/power-kernels-binary.ts", name: "POWER_KERNELS_BASE64" },
  { source: "src/preprocessing/power-kernels.wat", module: "src/preprocessing/power-fma-kernels-binary.ts", name: "POWER_FMA_KERNELS_BASE64", relaxedSimd: true },
  { source: "src/preprocessing/numpy-kernels.wat", module: "src/preprocessing/numpy-kernels-binary.ts", name: "NUMPY_KERNELS_BASE64" },
  { source: "src/preprocessing/numpy-fma-kernels.wat", module: "src/preprocessing/numpy-fma-kernels-binary.ts", name: "NUMPY_FMA_KERNELS_BASE64", relaxedSimd: true },
  { source: "src/preprocessing/yeo-johnson-transform.wat", module: "src/preprocessing/yeo-johnson-transform-binary.ts", name: "YEO_JOHNSON_TRANSFORM_BASE64" },
  { source: "src/preprocessing/distinct-values.wat", module: "src/preprocessing/distinct-values-binary.ts", name: "DISTINCT_VALUES_BASE64" },
];

/**
 * The binary of a WebAssembly text source (SIMD enabled; relaxed SIMD too where `relaxedSimd`,
 * so that a relaxed instruction elsewhere fails here rather than disabling a module at run time), validated.
 * Its multiply-adds (`expandMultiplyAdds`) are relaxed SIMD's where `relaxedSimd`.
 */
export async function assemble(path, relaxedSimd = false) {
  const wabt = await initWabt();
  const text = expandMultiplyAdds(expandInterleaved(readFileSync(join(root, path), "utf8")), relaxedSimd);
  const parsed = wabt.parseWat(path, text, { simd: true, relaxed_simd: relaxedSimd });
  try {
    parsed.validate();
    return new Uint8Array(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

/** A local of two lanes, `(local $name@ type)`, and the region whose statements run for both. */
const LANE_LOCAL = /\(local (\$[\w.]+)@ (\w+)\)/g;
const INTERLEAVED = /^[ \t]*;; interleave \{[^\n]*\n([\s\S]*?)^[ \t]*;; \} interleave[^\n]*\n/gm;

/**
 * Rewrites a source's interleaved regions, so that a loop can work on two independent pairs of
 * values at once (the processor then overlaps their dependency chains) from one copy of its
 * statements: each `(local $name@ type)` declares `$nameA` and `$nameB`, and each statement
 * between the lines `;; interleave {` and `;; } interleave` is written twice, first with every
 * `@` read as `A`, then as `B` (comments before a statement stay once, with the A copy). A
 * statement without an `@` in a region (which would run twice) and an `@` left anywhere else are
 * errors.
 */
export function expandInterleaved(text) {
  const out = text.replace(LANE_LOCAL, "(local $1A $2) (local $1B $2)").replace(INTERLEAVED, (_, region) => interleave(region));
  const stray = out.indexOf("@");
  if (stray >= 0) throw new Error(`an @ outside an interleaved region or a two-lane local, at offset ${stray}: ${out.slice(stray - 20, stray + 20)}`);
  return out;
}

/** The statements of a region, each written for lane A then lane B. */
function interleave(region) {
  let out = "";
  let at = 0;
  while ((at = skipSpaceAndComments(region, at, (comment) => (out += comment))) < region.length) {
    const end = expressionEnd(region, at, "an interleaved region", "statement");
    const statement = region.slice(at, end);
    if (!statement.includes("@")) throw new Error(`an interleaved statement that names no lane would run twice: ${statement.slice(0, 60)}`);
    out += `${statement.replaceAll("@", "A")}\n${statement.replaceAll("@", "B")}\n`;
    at = end;
  }
  return out;
}

/** Past the blank space and line comments at `at`, each comment line handed to `keep`. */
function skipSpaceAndComments(text, at, keep) {
  for (;;) {
    at = skipSpace(text, at);
    if (!text.startsWith(";;", at)) return at;
    const end = text.indexOf("\n", at) + 1 || text.length;
    keep(text.slice(at, end));
    at = end;
  }
}


/** `(f64x2.madd a b c)` and `(f64x2.nmadd a b c)`, each at the start of its match. */
const MULTIPLY_ADD = /\(f64x2\.(n?madd)\s/g;
/** Instructions with effects, which a multiply-add's operands must not hold. */
const SIDE_EFFECT = /\((local\.tee|global\.set|call|call_indirect|[\w.]*store[\w.]*)\s/;

/**
 * Rewrites a source's multiply-adds, `(f64x2.madd a b c)` for a·b + c and `(f64x2.nmadd a b c)`
 * for c − a·b: instructions of no WebAssembly proposal, for computations whose results hold
 * whether the product is rounded or not (a rounding test that bounds both). With `relaxedSimd`,
 * relaxed SIMD's `relaxed_madd` and `relaxed_nmadd`, one instruction where the processor has an
 * FMA; otherwise a multiplication and an addition (or subtraction).
 */
export function expandMultiplyAdds(text, relaxedSimd) {
  let out = "";
  let at = 0;
  const pattern = new RegExp(MULTIPLY_ADD);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const operands = [];
    let next = match.index + match[0].length;
    while (operands.length < 3) {
      next = skipSpace(text, next);
      const end = expressionEnd(text, next, `f64x2.${match[1]} at offset ${match.index}`, "operand");
      const operand = text.slice(next, end);
      // The unfused c − a·b evaluates c first: operands with effects would differ between builds.
      if (SIDE_EFFECT.test(operand)) throw new Error(`f64x2.${match[1]} at offset ${match.index}: its operands must have no side effects (${operand})`);
      operands.push(expandMultiplyAdds(operand, relaxedSimd));
      next = end;
    }
    next = skipSpace(text, next);
    if (text[next] !== ")") throw new Error(`f64x2.${match[1]} at offset ${match.index} takes three operands`);
    const [a, b, c] = operands;
    const product = `(f64x2.mul ${a} ${b})`;
    const unfused = match[1] === "madd" ? `(f64x2.add ${product} ${c})` : `(f64x2.sub ${c} ${product})`;
    out += text.slice(at, match.index) + (relaxedSimd ? `(f64x2.relaxed_${match[1]} ${a} ${b} ${c})` : unfused);
    at = next + 1;
    pattern.lastIndex = at;
  }
  return out + text.slice(at);
}

function skipSpace(text, at) {
  while (/\s/.test(text[at] ?? "")) at++;
  return at;
}

/**
 * The end (past its closing parenthesis) of the expression at `start`, an `item` ("operand",
 * "statement") of the construct `where` names in errors; it may hold no comment.
 */
function expressionEnd(text, start, where, item) {
  if (text[start] !== "(") throw new Error(`${where}: each ${item} must be an expression in parentheses, not ${text.slice(start, start + 20)}`);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === ";") throw new Error(`${where}: no comment inside its ${item}s (${text.slice(start, start + 40)})`);
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i + 1;
  }
  throw new Error(`${where}: unbalanced parentheses in the ${item} (${text.slice(start, start + 40)})`);
}

/** The TypeScript module embedding a binary. */
export function embedding({ source, name, relaxedSimd }, binary) {
  return [
    `// Generated by \`npm run wasm\` from ${source.split("/").pop()}; do not edit.`,
    "",
    `/** The assembled ${source.split("/").pop()}${relaxedSimd ? ", with relaxed SIMD," : ""} (${binary.length} bytes), base64. */`,
    `export const ${name} =`,
    `  "${Buffer.from(binary).toString("base64")}";`,
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const entry of WASM_SOURCES) {
    const binary = await assemble(entry.source, entry.relaxedSimd);
    writeFileSync(join(root, entry.module), embedding(entry, binary));
    console.log(`${entry.module}: ${binary.length} bytes`);
  }
}
