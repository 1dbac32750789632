/**
 * The package's public entry points: one per `exports` subpath. tsup builds exactly these and
 * a test checks that package.json `exports` and typedoc's entry points list the same ones.
 */
export const entryPoints = {
  index: "src/index.ts",
  "preprocessing/index": "src/preprocessing/index.ts",
  "compose/index": "src/compose/index.ts",
  "models/index": "src/models/index.ts",
  "sampling/index": "src/sampling/index.ts",
  "selection/index": "src/selection/index.ts",
  "metrics/index": "src/metrics/index.ts",
  "drift/index": "src/drift/index.ts",
  "node/index": "src/node/index.ts",
  "testing/index": "src/testing/index.ts",
} as const;
