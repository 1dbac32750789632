import { describe, expect, it } from "vitest";
import { Frame } from "../core/frame.js";
import type { MatrixInput } from "../core/input.js";
import { Matrix } from "../core/matrix.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { checkEstimator, ConformanceError } from "./conformance.js";

const X = Frame.fromColumns({ a: [1, 2, 3, 4, 5, 6], b: [6, 1, 4, 4, 2, 0] });

/** A scaler that overwrites its input: the suite must catch it. */
class MutatingScaler extends StandardScaler {
  override transform(input: MatrixInput): Frame | Matrix {
    if (input instanceof Frame) input.numeric("a")[0] = 99;
    return super.transform(input);
  }
}

/** A scaler whose fit keeps state from an earlier fit: the suite must catch it. */
class StickyScaler extends StandardScaler {
  private first: MatrixInput | undefined;
  override fit(input: MatrixInput): this {
    this.first ??= input;
    return super.fit(this.first);
  }
}

/** A scaler that returns a Matrix for records (a Frame for their Frame): the suite must catch it. */
class RecordsAsMatrixScaler extends StandardScaler {
  override transform(input: MatrixInput): Frame | Matrix {
    const out = super.transform(input);
    return Array.isArray(input) && out instanceof Frame ? out.toMatrix() : out;
  }
}

function failedChecks(factory: () => StandardScaler): string[] {
  try {
    checkEstimator(factory, { role: "transformer", X: Frame.fromColumns({ a: X.numeric("a"), b: X.numeric("b") }), allowNaN: true });
  } catch (error) {
    expect(error).toBeInstanceOf(ConformanceError);
    return (error as ConformanceError).failures.map((f) => f.check);
  }
  return [];
}

describe("checkEstimator", () => {
  it("passes a conforming estimator", () => {
    expect(failedChecks(() => new StandardScaler())).toEqual([]);
  });

  it("catches an estimator that mutates its input", () => {
    expect(failedChecks(() => new MutatingScaler())).toContain("inputs not mutated");
  });

  it("catches an estimator that treats records otherwise than their Frame", () => {
    expect(failedChecks(() => new RecordsAsMatrixScaler())).toContain("records behave like the Frame");
  });

  it("catches an estimator that remembers an earlier fit", () => {
    expect(failedChecks(() => new StickyScaler())).toContain("refit forgets");
  });
});
