import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

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
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "tabkit" } },
      // Node before 22 has relaxed SIMD behind a flag: run numpy's FMA kernels there too.
      ...(Number(process.versions.node.split(".")[0]) < 22
        ? [
            {
              test: {
                name: "relaxed-simd",
                include: ["src/preprocessing/numpy-kernels.test.ts"],
                execArgv: ["--experimental-wasm-relaxed-simd"],
                env: { TABKIT_EXPECT_FMA: "1" },
              },
            },
          ]
        : []),
    ],
  },
});
