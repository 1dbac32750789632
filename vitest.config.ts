import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { relaxedSimdRuns } from "./test/helpers/processor.js";

const src = fileURLToPath(new URL("./src/", import.meta.url));
const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };
const relaxedSimd = relaxedSimdRuns();

export default defineConfig({
  // Tests of the examples import "tabkit" by name: check the sources, as tsconfig's paths do.
  resolve: {
    alias: [
      { find: /^tabkit$/, replacement: `${src}index.ts` },
      { find: /^tabkit\/(.+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
    ...timeouts,
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "tabkit" } },
      // Where relaxed SIMD needs the flag, the kernels' tests run a second time with it, so that both modules of each are tested.
      ...(relaxedSimd
        ? []
        : [
            {
              test: {
                name: "relaxed-simd",
                include: ["src/preprocessing/numpy-kernels.test.ts", "src/preprocessing/power-kernels.test.ts"],
                execArgv: ["--experimental-wasm-relaxed-simd"],
                env: { TABKIT_RELAXED_SIMD: "1" },
                ...timeouts,
              },
            },
          ]),
    ],
  },
});
