import { describe, expect, it } from "vitest";
import { isTabkitError } from "./errors.js";
import { Frame } from "./frame.js";
import { checkFeatures, decodeSchema, hasNames, isRecords, isTable, readRecords, schemaOfFrame, schemaOfMatrix, toFrame, toMatrix } from "./input.js";
import { Matrix } from "./matrix.js";
import { StateReader } from "./state-codec.js";

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

  it("reads records as Frame.fromRecords does, for numeric estimators too", () => {
    const records = [{ a: 1, b: 2 }, { a: 3 }];
    const matrix = toMatrix(records, site, { allowNaN: true });
    expect(matrix.featureNames).toEqual(["a", "b"]);
    expect(Array.from(matrix.data)).toEqual(Array.from(Frame.fromRecords(records).toMatrix().data));
    expect(schemaOfMatrix(records, matrix).named).toBe(true);
    // the Frame.fromRecords error, restated as the site's, with its column and row
    expect(messageOf(() => toMatrix([{ a: 1 }, { a: "x" }] as never, site))).toMatch(/^Thing\.fit: Frame\.fromRecords: column "a" mixes numbers \(row 0\) and strings \(row 1\)/);
    expect(messageOf(() => toMatrix([{ pais: "FR" }], site))).toContain('column "pais"');
  });

  it("tells records from number rows, and reads records once into their Frame", () => {
    expect([isRecords([{ a: 1 }]), isRecords([[1]]), isRecords([]), isRecords(Frame.fromColumns({ a: [1] })), isRecords([null])]).toEqual([true, false, false, false, true]); // [null] goes to the records reader, whose DataError names row 0
    expect([isTable([{ a: 1 }]), isTable(Frame.fromColumns({ a: [1] })), isTable([[1]]), isTable(Matrix.from2D([[1]], ["a"]))]).toEqual([true, true, false, false]);
    const frame = readRecords([{ a: 1, b: "x" }], site);
    expect(frame).toBeInstanceOf(Frame);
    expect((frame as Frame).kindOf("b")).toBe("categorical");
    const rows = [[1, 2]];
    expect(readRecords(rows, site)).toBe(rows);
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
    expect(messageOf(() => checkFeatures(unnamed, ["x0"], predict))).toContain("X has 1 feature, but this estimator was fitted with 2");
    expect(messageOf(() => checkFeatures(unnamed, ["x0", "x1", "x2"], predict))).toContain("X has 3 features, but this estimator was fitted with 2");
  });

  it("says an unnamed input has no column names rather than that the fitted ones are missing", () => {
    const frame = Frame.fromColumns({ a: [1], b: [2] });
    const schema = schemaOfFrame(frame, frame);
    const predict = { estimator: "Thing", method: "predict" };
    const numbers = [[1, 2]];
    const matrix = toMatrix(numbers, predict);
    expect(messageOf(() => checkFeatures(schema, schemaOfMatrix(numbers, matrix), predict))).toBe(
      'Thing.predict: the input has no column names, but this estimator was fitted on named columns ("a", "b"); pass a Frame, records or a Matrix with featureNames holding those columns',
    );
    // a names array (what models pass) keeps the named-input messages
    expect(messageOf(() => checkFeatures(schema, ["x0", "x1"], predict))).toContain('column(s) "a", "b" seen at fit are missing');
    expect(hasNames(numbers)).toBe(false);
    expect(hasNames(new Matrix(new Float64Array(2), 1, 2, ["a", "b"]))).toBe(true);
    expect(hasNames([{ a: 1 }])).toBe(true);
  });

  it("refuses duplicated names, and text kinds for a numeric estimator, in a saved schema", () => {
    const read = (state: object, options?: { numeric?: boolean }) => () => decodeSchema(new StateReader(state, "state.schema"), options);
    expect(read({ names: ["a", "a"], kinds: ["numeric", "numeric"], named: true })).toThrow('loadModel: state.schema.names holds "a" twice (positions 0 and 1); names must be unique');
    expect(read({ names: ["a", "b"], kinds: ["categorical", "numeric"], named: true }, { numeric: true })).toThrow(
      'loadModel: state.schema.kinds[0] must be "numeric": this estimator takes numeric columns only',
    );
    expect(read({ names: ["a", "b"], kinds: ["categorical", "numeric"], named: true })().kinds).toEqual(["categorical", "numeric"]);
  });
});
