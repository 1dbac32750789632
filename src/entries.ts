/**
 * The package's public entry points: one per `exports` subpath. tsup, typedoc and the
 * exports-consistency test all read this list, so a subpath cannot be added in one place only.
 */
export const entryPoints = {
  index: "src/index.ts",
  "node/index": "src/node/index.ts",
  "testing/index": "src/testing/index.ts",
} as const;
