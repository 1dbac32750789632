import { describe, expect, it } from "vitest";
import { blankedBankFrame, type BlankedSource } from "../../test/helpers/bank-churn-missing.js";
import { loadEdited } from "../../test/helpers/edited-model.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { DataError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { PolynomialFeatures, type PolynomialFeaturesParams } from "./polynomial-features.js";

interface PythonParams {
  degree?: number | [number, number];
  interaction_only?: boolean;
  include_bias?: boolean;
}
interface Fitted {
  params: PythonParams;
  nOutput: number;
  powers: number[][];
  featureNamesOut: string[];
  transform: Float64Array;
}
interface EdgeFit extends Fitted {
  name: string;
  X: Float64Array;
  XNew: Float64Array;
}
interface PolyFixture {
  bank: { train: BlankedSource; new: BlankedSource; fits: Fitted[] };
  edge: EdgeFit[];
  errors: { name: string; message: string }[];
}
interface BlockFixture {
  names: string[];
  train: Float64Array;
  test: Float64Array;
  trainRows: number[];
  testRows: number[];
}

const fixture = readFixture<PolyFixture>("preprocessing/polynomial-features.json");

function paramsOf(p: PythonParams): Partial<PolynomialFeaturesParams> {
  return { degree: p.degree, interactionOnly: p.interaction_only, includeBias: p.include_bias };
}

function dense(out: Frame | Matrix): Float64Array {
  return out instanceof Matrix ? out.data : out.toMatrix().data;
}

/** Bit-for-bit equality (NaN equals NaN, -0 differs from 0); returns the number of values compared. */
function expectIdentical(actual: Float64Array, expected: Float64Array, what: string): number {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`${what}[${i}]: got ${actual[i]}, expected ${expected[i]}`);
  }
  return expected.length;
}

function check(poly: PolynomialFeatures, expected: Fitted, XNew: Frame | Matrix, label: string): void {
  expect(poly.nOutputFeatures).toBe(expected.nOutput);
  expect(poly.powers).toEqual(expected.powers);
  expect(poly.featureNamesOut()).toEqual(expected.featureNamesOut);
  expectIdentical(dense(poly.transform(XNew)), expected.transform, `${label} transform`);
}

describe("PolynomialFeatures parity with scikit-learn 1.9.1 (bit for bit)", () => {
  const train = blankedBankFrame(fixture.bank.train);
  const fresh = blankedBankFrame(fixture.bank.new);

  it.each(fixture.bank.fits.map((f) => ({ ...f, label: JSON.stringify(f.params) })))("bank $label", (expected) => {
    const poly = new PolynomialFeatures(paramsOf(expected.params)).fit(train);
    check(poly, expected, fresh, expected.label);
    const m = fresh.toMatrix();
    check(poly, expected, m, `${expected.label} (matrix)`);
  });

  it.each(fixture.edge)("edge: $name", (expected) => {
    const cols = expected.powers[0].length;
    const X = new Matrix(expected.X, expected.X.length / cols, cols);
    const XNew = new Matrix(expected.XNew, expected.XNew.length / cols, cols);
    check(new PolynomialFeatures(paramsOf(expected.params)).fit(X), expected, XNew, expected.name);
  });

  it("the bank-churn block: 13 columns to scikit-learn's 91 interaction terms, every value identical", () => {
    const block = readFixture<BlockFixture>("churn/block.json");
    const poly = new PolynomialFeatures({ degree: 2, interactionOnly: true, includeBias: false });
    let compared = 0;
    for (const [data, rows] of [
      [block.train, block.trainRows.length],
      [block.test, block.testRows.length],
    ] as const) {
      const width = block.names.length;
      const input = new Float64Array(rows * 13);
      for (let i = 0; i < rows; i++) for (let j = 0; j < 13; j++) input[i * 13 + j] = data[i * width + j];
      const X = new Matrix(input, rows, 13, block.names.slice(0, 13));
      const out = poly.fitTransform(X) as Matrix;
      expect(poly.featureNamesOut()).toEqual(block.names);
      compared += expectIdentical(out.data, data, "block");
    }
    console.log(`PolynomialFeatures: ${compared} bank-churn block values identical to scikit-learn's (max abs error 0)`);
  });

  it.each(fixture.errors)("refuses $name like scikit-learn", ({ name, message }) => {
    expect(message).toBeTruthy();
    const bad = name === "NaN" ? NaN : Infinity;
    expect(() =>
      new PolynomialFeatures().fit([
        [1, bad],
        [2, 3],
      ]),
    ).toThrow(DataError);
  });
});

describe("PolynomialFeatures behaviour", () => {
  it("treats a huge degree without enumerating it: interactions stop at the feature count, full powers are refused", () => {
    const X = new Matrix(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3);
    const huge = 720_416_258;
    const interactions = new PolynomialFeatures({ degree: huge, interactionOnly: true }).fitTransform(X) as Matrix;
    const upToThree = new PolynomialFeatures({ degree: 3, interactionOnly: true }).fitTransform(X) as Matrix;
    expect(Array.from(interactions.data)).toEqual(Array.from(upToThree.data));
    expect(() => new PolynomialFeatures({ degree: huge }).fit(X)).toThrow(DataError);
  });

  const X = Frame.fromColumns({ a: [1, 2, 3], b: [4, 5, 6] });

  it("names terms from the input names and keeps Frames as Frames", () => {
    const poly = new PolynomialFeatures().fit(X);
    expect(poly.featureNamesOut()).toEqual(["1", "a", "b", "a^2", "a b", "b^2"]);
    const out = poly.transform(X) as Frame;
    expect(out.names).toEqual(["1", "a", "b", "a^2", "a b", "b^2"]);
    expect(Array.from(out.numeric("a b"))).toEqual([4, 10, 18]);
  });

  it.each([{}, { degree: [2, 3] as [number, number] }, { degree: 3, interactionOnly: true, includeBias: false }])(
    "gives a Frame's output columns arrays of their own, copies of the input's degree-1 columns (%j)",
    (params) => {
      const input = Frame.fromColumns({ a: [1, 2, 3], b: [4, 5, 6], c: [7, 8, 9] });
      const out = new PolynomialFeatures(params).fitTransform(input) as Frame;
      const columns = out.names.map((name) => out.numeric(name));
      expect(new Set(columns.map((column) => column.buffer)).size).toBe(columns.length);
      expect(columns.every((column) => column.byteOffset === 0 && column.length === 3)).toBe(true);
      for (const column of columns) column.fill(99);
      expect([...input.numeric("a"), ...input.numeric("b"), ...input.numeric("c")]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    },
  );

  it("validates params and names the column and row of bad input", () => {
    expect(() => new PolynomialFeatures({ degree: 0, includeBias: false })).toThrow(ValidationError);
    expect(() => new PolynomialFeatures({ degree: [3, 2] })).toThrow(ValidationError);
    expect(() => new PolynomialFeatures({ degree: -1 })).toThrow(ValidationError);
    expect(() => new PolynomialFeatures({ order: "F" as "C" })).toThrow(ValidationError);
    const poly = new PolynomialFeatures().fit(X);
    expect(() => poly.transform(Frame.fromColumns({ a: [1], b: [NaN] }))).toThrow('PolynomialFeatures.transform: value NaN is not allowed');
    expect(() => poly.transform(Frame.fromColumns({ a: [1], c: [2] }))).toThrow(/column\(s\) "b" seen at fit are missing/);
    expect(() => poly.transform([[1, 2, 3]])).toThrow(DataError);
    expect(() => poly.transform(Frame.fromColumns({ a: [1], b: [Infinity] }))).toThrow(/column "b"/);
    expect(() => poly.fit(Frame.fromColumns({ a: [1, 2], b: ["x", "y"] }))).toThrow(DataError);
  });

  it("round-trips through JSON", () => {
    const poly = new PolynomialFeatures({ degree: [2, 3], interactionOnly: true }).fit(X);
    const loaded = loadModel(JSON.parse(JSON.stringify(poly.toJSON()))) as PolynomialFeatures;
    expect(dense(loaded.transform(X))).toEqual(dense(poly.transform(X)));
    expect(loaded.featureNamesOut()).toEqual(poly.featureNamesOut());
  });
});

describe("PolynomialFeatures review fixes", () => {
  it("refuses at fit an output name that an input column already has, for a Frame and a named Matrix; and such a saved state", () => {
    const matrix = Matrix.from2D([[1, 2, 3]], ["a", "b", "a b"]);
    const collision = 'the output column name "a b" comes from both column "a b" and the product "a" * "b"';
    expect(() => new PolynomialFeatures().fit(matrix)).toThrow(`PolynomialFeatures.fit: ${collision}`);
    expect(() => new PolynomialFeatures().fitTransform(Frame.fromMatrix(matrix))).toThrow(`PolynomialFeatures.fitTransform: ${collision}`);
    const model = new PolynomialFeatures().fit(Matrix.from2D([[1, 2, 3]], ["a", "b", "c"]));
    expect(loadEdited(model, ["schema", "names"], ["a", "b", "a b"])).toThrow(`loadModel: PolynomialFeatures.state.schema.names give colliding output names: ${collision}`);
  });
});
