import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { isTabkitError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { ColumnTransformer } from "./column-transformer.js";
import { Pipeline } from "./pipeline.js";

interface Case {
  columns: string[];
  namesOut: string[];
  output: number[][];
}
const fixture = readFixture<{ rows: number[][]; cases: Record<string, Case> }>("compose/column-transformer.json");
const columns = fixture.cases.scaled_and_passthrough_remainder.columns;
const X = Frame.fromColumns(Object.fromEntries(columns.map((name, j) => [name, fixture.rows.map((row) => row[j])])));
const numeric = ["idade", "saldo_conta", "salario_estimado", "escore_credito"];

const built: Record<string, () => ColumnTransformer> = {
  scaled_and_passthrough_remainder: () =>
    new ColumnTransformer({ transformers: [["num", new StandardScaler(), ["idade", "saldo_conta"]], ["keep", "passthrough", ["escore_credito"]]], remainder: "passthrough" }),
  dropped_remainder_not_verbose: () =>
    new ColumnTransformer({ transformers: [["scaled", new StandardScaler({ withMean: false }), [3, 0]], ["nothing", new StandardScaler(), []]], verboseFeatureNamesOut: false }),
  scaler_remainder_and_weights: () =>
    new ColumnTransformer({ transformers: [["num", new StandardScaler(), numeric]], remainder: new StandardScaler(), transformerWeights: { num: 2, remainder: 0.5 } }),
  pipeline_in_column_transformer: () =>
    new ColumnTransformer({ transformers: [["num", new Pipeline({ steps: [["center", new StandardScaler({ withStd: false })], ["scale", new StandardScaler()]] }), numeric]] }),
};

describe("ColumnTransformer parity with scikit-learn", () => {
  it.each(Object.keys(built))("%s: same values, column order and names", (name) => {
    const expected = fixture.cases[name];
    const ct = built[name]();
    const out = ct.fitTransform(X) as Frame;
    expect(out.names).toEqual(expected.namesOut);
    expect(ct.featureNamesOut()).toEqual(expected.namesOut);
    expectClose(out.toMatrix().data, Float64Array.from(expected.output.flat()), 1e-12, name);
    expectClose((ct.transform(X) as Frame).toMatrix().data, Float64Array.from(expected.output.flat()), 1e-12, `${name} transform`);
  });
});

describe("ColumnTransformer", () => {
  const table = Frame.fromColumns({ a: [1, 2, 3], b: [4, 5, 7], c: ["x", "y", "x"] });
  const ct = () => new ColumnTransformer({ transformers: [["num", new StandardScaler(), ["a", "b"]]], remainder: "passthrough" });

  it("keeps mixed kinds in a Frame and returns a Matrix for numeric matrix input", () => {
    const out = ct().fitTransform(table) as Frame;
    expect(out.names).toEqual(["num__a", "num__b", "remainder__c"]);
    expect(out.column("remainder__c")).toEqual(["x", "y", "x"]);
    const m = new ColumnTransformer({ transformers: [["s", new StandardScaler(), [1]]], remainder: "passthrough" }).fitTransform([[1, 2], [3, 5]]);
    expect(m).toBeInstanceOf(Matrix);
    expect((m as Matrix).featureNames).toEqual(["s__x1", "remainder__x0"]);
  });

  it("never fits the transformers given in params", () => {
    const scaler = new StandardScaler();
    const fitted = new ColumnTransformer({ transformers: [["num", scaler, ["a"]]] }).fit(table);
    expect(scaler.isFitted).toBe(false);
    expect(fitted.transformer<StandardScaler>("num").mean![0]).toBe(2);
    expect(fitted.outputIndices).toEqual({ num: [0, 1] });
  });

  it("finds columns by name at transform time, so extra and reordered columns are fine", () => {
    const fitted = ct().fit(table);
    const shuffled = Frame.fromColumns({ c: ["y"], extra: [0], b: [5], a: [2] });
    expect((fitted.transform(shuffled) as Frame).row(0)).toEqual({ num__a: 0, num__b: (5 - 16 / 3) / Math.sqrt(14 / 9), remainder__c: "y" });
  });

  it("names a missing or re-typed column at transform time", () => {
    const fitted = ct().fit(table);
    expect(() => fitted.transform(table.drop(["b"]))).toThrow(/column\(s\) "b" seen at fit are missing/);
    expect(() => fitted.transform(Frame.fromColumns({ a: [1], b: ["5"], c: ["x"] }))).toThrow(/column is categorical but was numeric at fit \(column "b"\)/);
  });

  it("rejects unknown columns, bad entries and duplicate output names", () => {
    const dataError = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return isTabkitError(error) ? error.code : "other";
      }
      return "none";
    };
    expect(dataError(() => new ColumnTransformer({ transformers: [["n", new StandardScaler(), ["zz"]]] }).fit(table))).toBe("DATA_ERROR");
    expect(dataError(() => new ColumnTransformer({ transformers: [["n", new StandardScaler(), [5]]] }).fit(table))).toBe("DATA_ERROR");
    expect(dataError(() => new ColumnTransformer({ transformers: [["a__b", "passthrough", ["a"]]] }))).toBe("VALIDATION_ERROR");
    expect(dataError(() => new ColumnTransformer({ transformers: [["n", "passthrough", ["a"]], ["n", "drop", ["b"]]] }))).toBe("VALIDATION_ERROR");
    expect(
      dataError(() => new ColumnTransformer({ transformers: [["p", "passthrough", ["a"]], ["q", "passthrough", ["a"]]], verboseFeatureNamesOut: false }).fit(table)),
    ).toBe("DATA_ERROR");
  });
});
