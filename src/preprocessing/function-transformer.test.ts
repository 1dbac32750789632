import { describe, expect, it } from "vitest";
import { loadEdited } from "../../test/helpers/edited-model.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, SerializationError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { Pipeline } from "../compose/pipeline.js";
import { loadModel } from "../load-model.js";
import { builtinRegistry } from "../registry.js";
import { StandardScaler } from "./standard-scaler.js";
import { elementwise, FunctionTransformer, registryWithFunctions, type FunctionRegistry } from "./function-transformer.js";

const values = (out: Frame | Matrix): Float64Array => (out instanceof Matrix ? out.data : out.toMatrix().data);

describe("FunctionTransformer built-in functions (numpy parity, 1e-12)", () => {
  const fixture = readFixture<{ names: string[]; cases: Record<string, { X: Float64Array; out: Float64Array }> }>("preprocessing/encoders/function-transformer.json");
  for (const [name, { X, out }] of Object.entries(fixture.cases)) {
    it(name, () => {
      const input = new Matrix(X, X.length / fixture.names.length, fixture.names.length, fixture.names);
      const result = new FunctionTransformer({ func: name }).fitTransform(input);
      expectClose(values(result), out, 1e-12, name);
    });
  }
});

describe("FunctionTransformer", () => {
  const X = Frame.fromColumns({ a: [0, 1, 2, NaN], b: [10, 20, 30, 40] });
  const mine: FunctionRegistry = {
    addColumns: (m) => Matrix.from2D(Array.from({ length: m.rows }, (_, i) => [m.get(i, 0) + m.get(i, 1)])),
    scaleBy: (m, kw) => elementwise((v) => v * (kw.factor as number))(m, kw),
    halve: elementwise((v) => v / 2),
  };

  it("is the identity by default, with fresh output arrays", () => {
    const input = new Matrix(Float64Array.from([1, 2, 3, 4]), 2, 2);
    const out = new FunctionTransformer().fitTransform(input) as Matrix;
    expect(Array.from(out.data)).toEqual([1, 2, 3, 4]);
    expect(out.data).not.toBe(input.data);
  });

  it("keeps input names one-to-one and names other widths x0, x1, ...", () => {
    const log = new FunctionTransformer({ func: "log1p", featureNamesOut: "one-to-one" }).fit(X);
    expect(log.featureNamesOut()).toEqual(["a", "b"]);
    expect((log.transform(X) as Frame).names).toEqual(["a", "b"]);
    const sum = new FunctionTransformer({ func: "addColumns" }, { functions: mine });
    const out = sum.fitTransform(X) as Frame;
    expect(out.names).toEqual(["x0"]);
    expect(Array.from(out.numeric("x0"))).toEqual([10, 21, 32, NaN]);
    expect(() => new FunctionTransformer({ func: "addColumns", featureNamesOut: "one-to-one" }, { functions: mine }).fit(X)).toThrow(DataError);
  });

  it("passes kwArgs and applies inverseFunc", () => {
    const scaler = new FunctionTransformer({ func: "scaleBy", kwArgs: { factor: 4 }, inverseFunc: "halve" }, { functions: mine });
    const out = scaler.fitTransform(X);
    expect(Array.from(values(out))).toEqual([0, 40, 4, 80, 8, 120, NaN, 160]);
    expect(Array.from(values(scaler.inverseTransform(out)))).toEqual([0, 20, 2, 40, 4, 60, NaN, 80]);
  });

  it("warns through onWarning when the functions are not inverses", () => {
    const warnings: string[] = [];
    new FunctionTransformer({ func: "scaleBy", kwArgs: { factor: 4 }, inverseFunc: "halve" }, { functions: mine }).fit(X.select(["b"]), undefined, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(/^FunctionTransformer\.fit: the provided functions are not strictly inverse/)]);
    // fitTransform's warning names fitTransform, the method called.
    const fitTransformWarnings: string[] = [];
    new FunctionTransformer({ func: "scaleBy", kwArgs: { factor: 4 }, inverseFunc: "halve" }, { functions: mine }).fitTransform(X.select(["b"]), undefined, { onWarning: (m) => fitTransformWarnings.push(m) });
    expect(fitTransformWarnings).toEqual([expect.stringMatching(/^FunctionTransformer\.fitTransform: the provided functions are not strictly inverse/)]);
    const quiet: string[] = [];
    new FunctionTransformer({ func: "log1p", inverseFunc: "expm1" }).fit(X.select(["b"]), undefined, { onWarning: (m) => quiet.push(m) });
    expect(quiet).toEqual([]);
  });

  it("refuses unknown names, shadowed built-ins and NaN with validate", () => {
    expect(() => new FunctionTransformer({ func: "nope" })).toThrow(ValidationError);
    expect(() => new FunctionTransformer({ func: "toString" })).toThrow(/neither built in/);
    expect(() => new FunctionTransformer({}, { functions: { log: elementwise(Math.log) } })).toThrow(/taken by a built-in/);
    expect(() => new FunctionTransformer({ validate: true }).fit(X)).toThrow(DataError);
    expect(() => new FunctionTransformer().fit(Frame.fromColumns({ c: ["a", "b"] }))).toThrow(/categorical/);
  });

  it("rejects a wrong column count at transform", () => {
    const fitted = new FunctionTransformer({ func: "sqrt" }).fit([[1, 4], [9, 16]]);
    expect(() => fitted.transform([[1, 2, 3]])).toThrow(/X has 3 features/);
    expect(() => new FunctionTransformer({ func: "sqrt" }).fit(X).transform(X.select(["a"]))).toThrow(/"b" seen at fit are missing/);
  });

  it("keeps its functions through clone, withParams and pipelines", () => {
    const step = new FunctionTransformer({ func: "addColumns" }, { functions: mine });
    expect(values(step.clone().fitTransform(X))).toEqual(values(step.fitTransform(X)));
    expect(step.withParams({ func: "halve" }).fitTransform(X)).toBeInstanceOf(Frame);
    const pipe = new Pipeline({ steps: [["sum", step], ["scale", new StandardScaler()]] });
    expect(pipe.fitTransform(X.takeRows([0, 1, 2]))).toBeInstanceOf(Frame);
  });

  it("saves names only, and loads with the same functions or a SerializationError naming the missing one", () => {
    const step = new FunctionTransformer({ func: "scaleBy", kwArgs: { factor: 3 } }, { functions: mine }).fit(X);
    const text = JSON.stringify(step.toJSON());
    expect(text).toContain('"func":"scaleBy"');
    expect(() => loadModel(text)).toThrow(SerializationError);
    expect(() => loadModel(text)).toThrow(/"scaleBy"/);
    const loaded = loadModel<FunctionTransformer>(text, { registry: registryWithFunctions(builtinRegistry, mine) });
    expect(values(loaded.transform(X))).toEqual(values(step.transform(X)));
    const pipe = new Pipeline({ steps: [["scale3", step.clone()], ["std", new StandardScaler()]] }).fit(X.takeRows([0, 1, 2]));
    const reloaded = loadModel<Pipeline>(JSON.stringify(pipe.toJSON()), { registry: registryWithFunctions(builtinRegistry, mine) });
    expect(values(reloaded.transform(X.takeRows([1, 2])))).toEqual(values(pipe.transform(X.takeRows([1, 2]))));
  });
});

describe("FunctionTransformer review fixes", () => {
  it("refuses kwArgs keys that a saved model may not hold", () => {
    for (const key of ["constructor", "prototype", "__proto__"]) {
      const kwArgs = JSON.parse(`{"${key}": 1}`) as Record<string, number>;
      expect(() => new FunctionTransformer({ kwArgs })).toThrow(ValidationError);
      expect(() => new FunctionTransformer({ invKwArgs: kwArgs })).toThrow(`must not use the key "${key}"`);
    }
  });

  it("names the function, the class and the method when a function returns ragged rows", () => {
    const functions: FunctionRegistry = { ragged: (X) => (X.rows === 2 ? [[1, 2], [3]] : [[1, 2]]) };
    expect(() => new FunctionTransformer({ func: "ragged" }, { functions }).fit([[1], [2]])).toThrow(
      'FunctionTransformer.fit: function "ragged" returned rows that do not form a matrix: row 1 has 1 values but row 0 has 2',
    );
  });

  it("refuses saved namesOut that do not match what func keeps, or that repeat", () => {
    const model = new FunctionTransformer({ func: "log1p" }).fit(Frame.fromColumns({ a: [1], b: [2] }));
    expect(loadEdited(model, ["namesOut"], ["a"])).toThrow("loadModel: FunctionTransformer.state.namesOut must equal schema.names: func keeps the input columns");
    const functions: FunctionRegistry = { pair: (X) => new Matrix(new Float64Array(X.rows * 2), X.rows, 2) };
    const custom = new FunctionTransformer({ func: "pair" }, { functions }).fit([[1, 2, 3]]);
    const registry = registryWithFunctions(builtinRegistry, functions);
    expect(loadEdited(custom, ["namesOut"], ["x0", "x0"], { registry })).toThrow("loadModel: FunctionTransformer.state.namesOut must not repeat a name");
  });
});
