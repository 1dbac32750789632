import { describe, expect, it } from "vitest";
import { DataError, isTabkitError, NotFittedError, SerializationError, TabkitError, ValidationError } from "../core/errors.js";
import { fromWorkerError, toWorkerError } from "./worker-error.js";

/** What the main thread gets back after postMessage's structured clone. */
const acrossThreads = (error: unknown) => fromWorkerError(structuredClone(toWorkerError(error)));

describe("worker errors", () => {
  it("rebuild tabkit errors with their class, code, message and fields", () => {
    const validation = acrossThreads(new ValidationError("Forest.fit: bad", [{ path: "nEstimators", message: "must be positive" }]));
    expect(validation).toBeInstanceOf(ValidationError);
    expect(isTabkitError(validation, "VALIDATION_ERROR")).toBe(true);
    expect(validation.message).toBe("Forest.fit: bad");
    expect((validation as ValidationError).issues).toEqual([{ path: "nEstimators", message: "must be positive" }]);

    const data = acrossThreads(DataError.at({ estimator: "X", method: "fit", column: "age", row: 3 }, "NaN"));
    expect(data).toBeInstanceOf(DataError);
    expect([(data as DataError).column, (data as DataError).row, data.message]).toEqual(["age", 3, 'X.fit: NaN (column "age", row 3)']);

    const notFitted = acrossThreads(new NotFittedError("Pipeline", "predict"));
    expect(notFitted).toBeInstanceOf(NotFittedError);
    expect(notFitted.message).toBe(new NotFittedError("Pipeline", "predict").message);

    expect(acrossThreads(new SerializationError("bad doc"))).toBeInstanceOf(SerializationError);
    expect(isTabkitError(acrossThreads(new TabkitError("plain")), "TABKIT_ERROR")).toBe(true);
  });

  it("keep built-in types, custom names, non-errors and the worker's stack", () => {
    const type = new TypeError("x is undefined");
    const rebuilt = acrossThreads(type);
    expect(rebuilt).toBeInstanceOf(TypeError);
    expect(rebuilt.message).toBe("x is undefined");
    expect(rebuilt.stack).toBe(type.stack);
    const custom = Object.assign(new Error("odd"), { name: "OddError" });
    expect(acrossThreads(custom).name).toBe("OddError");
    expect(acrossThreads("a string").message).toBe("a string");
  });
});
