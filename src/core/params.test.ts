import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors.js";
import { anyOf, arrayOf, integer, nullable, number, oneOf, param, resolveParams, seed } from "./params.js";

const schema = {
  depth: param<number | null>(null, nullable(integer({ min: 1 }))),
  rate: param(0.5, number({ min: 0, max: 1, exclusiveMin: true })),
  mode: param<"a" | "b">("a", oneOf("a", "b")),
  features: param<"sqrt" | number>("sqrt", anyOf(oneOf("sqrt"), integer({ min: 1 }))),
  list: param<number[]>(() => [1], arrayOf(integer())),
  randomState: param<number | null>(null, seed()),
};

describe("resolveParams", () => {
  it("fills defaults and freezes", () => {
    const params = resolveParams("Thing", schema, { depth: 3 });
    expect(params).toEqual({ depth: 3, rate: 0.5, mode: "a", features: "sqrt", list: [1], randomState: null });
    expect(Object.isFrozen(params)).toBe(true);
    expect(Object.isFrozen(params.list)).toBe(true);
  });

  it("reports every problem at once with its path", () => {
    try {
      resolveParams("Thing", schema, { depth: 0, rate: 0, mode: "c", features: 1.5, list: [1, "x"], randomState: -1, typo: 1 });
      throw new Error("expected a ValidationError");
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues.map((issue) => issue.path);
      expect(issues).toEqual(["typo", "depth", "rate", "mode", "features", "list", "randomState"]);
      expect((error as Error).message).toContain('mode: must be one of "a", "b", got "c"');
    }
  });
});
