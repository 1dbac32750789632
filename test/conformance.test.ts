/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import * as tabkit from "../src/index.js";
import { Estimator } from "../src/core/estimator.js";
import { estimatorChecks, type ConformanceCases } from "../src/testing/index.js";

// Every test/conformance/*.cases.ts file contributes cases keyed by estimator kind.
const caseModules = import.meta.glob<{ cases: ConformanceCases }>("./conformance/*.cases.ts", { eager: true });
const cases: ConformanceCases = Object.assign({}, ...Object.values(caseModules).map((module) => module.cases));

// Every class the package exports that is an Estimator, found by walking the public exports.
const exportedEstimators = Object.entries(tabkit)
  .filter(([, value]) => typeof value === "function" && value.prototype instanceof Estimator)
  .map(([name, value]) => ({ name, kind: (value as unknown as { kind: string }).kind }));

describe("conformance discovery", () => {
  it("finds the exported estimators", () => {
    expect(exportedEstimators.length).toBeGreaterThan(0);
  });

  it.each(exportedEstimators)("$name is registered for loadModel and has a conformance case", ({ name, kind }) => {
    expect(kind, `${name} must declare static kind = "${name}"`).toBe(name);
    expect(tabkit.builtinRegistry.has(kind), `${name} is exported but missing from its module's estimator list`).toBe(true);
    expect(cases[kind], `${name} has no case in test/conformance/*.cases.ts`).toBeTypeOf("function");
  });
});

for (const { kind } of exportedEstimators) {
  const make = cases[kind];
  if (make === undefined) continue;
  describe(`${kind} conformance`, () => {
    const { factory, options } = make();
    for (const check of estimatorChecks(factory, options)) it(check.name, check.run);
  });
}
