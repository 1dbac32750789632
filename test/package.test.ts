import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { entryPoints } from "../src/entries.js";
import { LIBRARY_VERSION } from "../src/core/version.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const typedoc = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8"));

/** "./models" for the entry "models/index", "." for "index". */
const subpathOf = (entry: string) => (entry === "index" ? "." : `./${entry.replace(/\/index$/, "")}`);

describe("package manifest", () => {
  it("declares an ESM, side-effect-free package for Node 20+", () => {
    expect(pkg.name).toBe("tabkit");
    expect(pkg.type).toBe("module");
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe(">=20");
    expect(pkg.version).toBe(LIBRARY_VERSION);
  });

  it("has exports, tsup entries and typedoc entry points that agree", () => {
    const fromEntries = Object.keys(entryPoints).map(subpathOf).sort();
    const fromExports = Object.keys(pkg.exports).filter((key) => key !== "./package.json").sort();
    expect(fromExports).toEqual(fromEntries);
    expect([...typedoc.entryPoints].sort()).toEqual(Object.values(entryPoints).sort());
    for (const [entry, source] of Object.entries(entryPoints)) {
      expect(existsSync(join(root, source)), `${source} exists`).toBe(true);
      const target = pkg.exports[subpathOf(entry)];
      expect(target).toEqual({ types: `./dist/${entry}.d.ts`, import: `./dist/${entry}.js`, require: `./dist/${entry}.cjs` });
    }
  });
});

describe("built package", () => {
  const subpaths = Object.keys(entryPoints).map((entry) => (entry === "index" ? "tabkit" : `tabkit/${entry.replace(/\/index$/, "")}`));
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });

  it("has been built (npm test builds before testing)", () => {
    expect(existsSync(join(root, "dist", "index.js")), "dist/ is missing: run `npm run build`").toBe(true);
  });

  it.each(subpaths)("%s loads with import and with require and exposes the same names", (specifier) => {
    const imported = JSON.parse(run(["--input-type=module", "-e", `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()))`]));
    const required = JSON.parse(run(["-e", `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)})).sort()))`]));
    expect(imported.filter((k: string) => k !== "default")).toEqual(required);
  });

  it("fits and predicts the same through ESM and CommonJS builds", () => {
    const script = (load: string) =>
      `${load}; const s = new StandardScaler().fit([[1, 2], [3, 7], [5, 1]]); console.log(JSON.stringify(Array.from(s.transform([[2, 2]]).data)))`;
    const esm = run(["--input-type=module", "-e", script('import { StandardScaler } from "tabkit"')]);
    const cjs = run(["-e", script('const { StandardScaler } = require("tabkit")')]);
    expect(esm).toBe(cjs);
    expect(JSON.parse(esm)[0]).toBeCloseTo(-0.5 * Math.sqrt(1.5), 12);
  });
});
