import { defineConfig } from "tsup";
import { entryPoints } from "./src/entries.js";

export default defineConfig({
  entry: entryPoints,
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "es2022",
  outDir: "dist",
});
