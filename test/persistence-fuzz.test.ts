/// <reference types="vite/client" />
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sealModel } from "../src/core/checksum.js";
import { isTabkitError } from "../src/core/errors.js";
import type { Estimator } from "../src/core/estimator.js";
import type { ModelJSON } from "../src/core/json.js";
import { loadModel } from "../src/load-model.js";
import { sameOutput, type ConformanceCase, type ConformanceCases } from "../src/testing/index.js";

const caseModules = import.meta.glob<{ cases: ConformanceCases }>("./conformance/*.cases.ts", { eager: true });
const cases = Object.values(caseModules).flatMap((module) => Object.values(module.cases).map((make) => make()));

type Any = Estimator<object, unknown> & Record<string, (...args: unknown[]) => unknown>;

function outputs(model: Any, { options }: ConformanceCase): unknown {
  switch (options.role) {
    case "transformer":
      return model.transform(options.X);
    case "classifier":
      return [model.predict(options.X), model.predictProba(options.X)];
    case "regressor":
      return model.predict(options.X);
    case "sampler":
      return model.fitResample(options.X, options.y);
    case "monitor":
      return model.evaluate(options.X);
  }
}

// Fitted models small enough to load thousands of times.
const subjects = cases
  .map((testCase) => {
    const model = testCase.factory() as Any;
    if (testCase.options.role === "sampler") model.fitResample(testCase.options.X, testCase.options.y);
    else model.fit(testCase.options.X, testCase.options.y);
    return { testCase, model, text: JSON.stringify(model.toJSON()), expected: outputs(model, testCase) };
  })
  .filter((subject) => subject.text.length < 200_000);

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

type Mutation = { type: "replace"; value: unknown } | { type: "delete" } | { type: "addKey"; key: string; value: unknown } | { type: "tweak"; amount: number } | { type: "truncate"; keep: number } | { type: "flip"; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ type: fc.constant("replace" as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ type: fc.constant("delete" as const) }),
  fc.record({ type: fc.constant("addKey" as const), key: fc.constantFrom("__proto__", "constructor", "prototype", "extra", "$model", "$number"), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ type: fc.constant("tweak" as const), amount: fc.oneof(fc.double(), fc.integer()) }),
  fc.record({ type: fc.constant("truncate" as const), keep: fc.nat() }),
  fc.record({ type: fc.constant("flip" as const), at: fc.nat() }),
);

function mutate(document: unknown, path: Path, mutation: Mutation): unknown {
  if (path.length === 0) return mutation.type === "replace" ? mutation.value : document;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], document) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  const current = parent[key];
  switch (mutation.type) {
    case "replace":
      parent[key] = mutation.value;
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case "addKey":
      if (current !== null && typeof current === "object" && !Array.isArray(current)) Object.defineProperty(current, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
      break;
    case "tweak":
      parent[key] = typeof current === "number" ? current + mutation.amount : mutation.amount;
      break;
    case "truncate":
      if (typeof current === "string") parent[key] = current.slice(0, mutation.keep % (current.length + 1));
      break;
    case "flip":
      if (typeof current === "string" && current.length > 0) {
        const i = mutation.at % current.length;
        parent[key] = current.slice(0, i) + (current[i] === "A" ? "B" : "A") + current.slice(i + 1);
      }
      break;
  }
  return document;
}

describe("loadModel under mutation", () => {
  it("has models to mutate", () => {
    expect(subjects.length).toBeGreaterThan(0);
  });

  it("either loads a model that behaves identically or throws SerializationError", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), mutationArb, fc.boolean(), (subjectIndex, pathIndex, mutation, reseal) => {
        const subject = subjects[subjectIndex % subjects.length];
        const document = JSON.parse(subject.text);
        const allPaths = paths(document);
        let mutated = mutate(document, allPaths[pathIndex % allPaths.length], mutation);
        if (reseal && mutated !== null && typeof mutated === "object" && !Array.isArray(mutated)) mutated = sealModel(mutated as ModelJSON);
        let loaded: Any;
        try {
          loaded = loadModel(JSON.stringify(mutated)) as Any;
        } catch (error) {
          if (!isTabkitError(error, "SERIALIZATION_ERROR")) throw error;
          return;
        } finally {
          expect("polluted" in Object.prototype).toBe(false);
        }
        if (!reseal) {
          // Unsealed changes can only have touched what the checksum does not cover.
          expect(sameOutput(outputs(loaded, subject.testCase), subject.expected)).toBe(true);
          return;
        }
        // A resealed, valid-looking document is a different model: it must still behave.
        try {
          outputs(loaded, subject.testCase);
        } catch (error) {
          if (!isTabkitError(error)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
