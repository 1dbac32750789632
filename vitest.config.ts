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
  },
});
