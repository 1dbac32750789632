import { describe, expect, it } from "vitest";
import { isTabkitError } from "./errors.js";
import { Frame } from "./frame.js";
import { checkFeatures, schemaOfFrame, toFrame, toMatrix } from "./input.js";

const site = { estimator: "Thing", method: "fit" };

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a DataError");
}

describe("input validation", () => {
  it("rejects empty input, non-finite values and NaN where not allowed", () => {
    expect(messageOf(() => toMatrix([], site))).toContain("Thing.fit: found 0 rows");
    expect(messageOf(() => toMatrix([[1, Infinity]], site))).toContain('value Infinity is not allowed (column "x1", row 0)');
    expect(messageOf(() => toMatrix([[1], [NaN]], site))).toContain("impute missing values first");
    expect(toMatrix([[1], [NaN]], site, { allowNaN: true }).rows).toBe(2);
    expect(messageOf(() => toFrame(Frame.fromColumns({ a: [1, -Infinity] }), site))).toContain('column "a", row 1');
  });

  it("names a categorical column given to a numeric estimator", () => {
    expect(messageOf(() => toMatrix(Frame.fromColumns({ pais: ["França"] }), site))).toContain('column "pais"');
  });

  it("accepts records as a table", () => {
    expect(toFrame([{ a: 1, b: "x" }], site).names).toEqual(["a", "b"]);
  });

  it("checks columns at predict time: missing, extra, reordered, changed kind, count", () => {
    const frame = Frame.fromColumns({ a: [1], b: ["x"] });
    const schema = schemaOfFrame(frame, frame);
    const predict = { estimator: "Thing", method: "predict" };
    expect(messageOf(() => checkFeatures(schema, ["a"], predict))).toContain('"b" seen at fit are missing');
    expect(messageOf(() => checkFeatures(schema, ["a", "b", "c"], predict))).toContain('"c" were not seen at fit');
    expect(messageOf(() => checkFeatures(schema, ["b", "a"], predict))).toContain("different order");
    expect(messageOf(() => checkFeatures(schema, ["a", "b"], predict, () => "numeric"))).toContain("column is numeric but was categorical");
    const unnamed = { ...schema, named: false };
    expect(messageOf(() => checkFeatures(unnamed, ["x0"], predict))).toContain("X has 1 features, but this estimator was fitted with 2");
  });
});
