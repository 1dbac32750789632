import { describe, expect, it } from "vitest";
import { DataError, describeValue, isTabkitError, NotFittedError, SerializationError, showValue, TabkitError, ValidationError } from "./errors.js";
import { loadModel } from "../load-model.js";

describe("errors", () => {
  it("carry stable codes and are recognised across copies of the package", () => {
    const error = DataError.at({ estimator: "OneHotEncoder", method: "transform", column: "pais", row: 17 }, 'unknown category "Itália"');
    expect(error.message).toBe('OneHotEncoder.transform: unknown category "Itália" (column "pais", row 17)');
    expect(error.code).toBe("DATA_ERROR");
    expect(error).toBeInstanceOf(TabkitError);
    expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
    expect(isTabkitError(error, "NOT_FITTED")).toBe(false);
    // A structurally identical error from another copy of the library carries the same global mark.
    const foreign = Object.assign(new Error("x"), { code: "NOT_FITTED" });
    Object.defineProperty(foreign, Symbol.for("tabkit.error"), { value: true });
    expect(isTabkitError(foreign, "NOT_FITTED")).toBe(true);
    expect(isTabkitError(new Error("plain"))).toBe(false);
    expect(isTabkitError(null)).toBe(false);
  });

  it("describe a wrong-type argument by its text, class or type", () => {
    expect([null, undefined, 3, "", "x.csv", [1], {}, Object.create(null), new Map()].map(describeValue)).toEqual(["null", "undefined", "number", '""', '"x.csv"', "an array", "an object", "an object", "Map"]);
  });

  it("show any value in a message without throwing, even one that cannot become text", () => {
    const throwing = { toString: () => { throw new Error("no"); } };
    expect([showValue("1"), showValue(1), showValue([1, 2]), showValue({ toString: false }), showValue(throwing), showValue(Object.create(null))]).toEqual(['"1"', "1", "1,2", "an object", "an object", "an object"]);
    // found by the persistence fuzz test: such a value in a model document made loadModel throw a TypeError
    expect(() => loadModel({ format: { toString: false }, kind: "StandardScaler" })).toThrow(SerializationError);
  });

  it("have one class per code", () => {
    expect(new ValidationError("v", [{ path: "a", message: "m" }]).issues).toEqual([{ path: "a", message: "m" }]);
    expect(new NotFittedError("StandardScaler", "transform").message).toMatch(/^StandardScaler.transform: this StandardScaler instance is not fitted yet/);
    expect(new SerializationError("s").code).toBe("SERIALIZATION_ERROR");
  });
});
