import { describe, expect, it } from "vitest";
import { FirstColumnClassifier, RepeatRareSampler } from "../../test/helpers/doubles.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { thrown } from "../../test/helpers/thrown.js";
import { sealModel } from "../core/checksum.js";
import { isTabkitError } from "../core/errors.js";
import { Estimator } from "../core/estimator.js";
import { Frame } from "../core/frame.js";
import type { JsonObject, ModelJSON } from "../core/json.js";
import { Matrix } from "../core/matrix.js";
import { createRegistry, deserializeModel } from "../core/model-loader.js";
import { OneHotEncoder } from "../preprocessing/one-hot-encoder.js";
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

  it("needs at transform only the columns its entries read, as scikit-learn: dropped ones may be absent", () => {
    const fitted = new ColumnTransformer({ transformers: [["num", new StandardScaler(), ["a"]], ["gone", "drop", ["b"]]] }).fit(table);
    const expected = (fitted.transform(table) as Frame).column("num__a");
    expect((fitted.transform(table.drop(["b", "c"])) as Frame).column("num__a")).toEqual(expected);
    expect(() => fitted.transform(table.drop(["a"]))).toThrow(/column\(s\) "a" seen at fit are missing/);
  });

  it("names a missing or re-typed column at transform time", () => {
    const fitted = ct().fit(table);
    expect(() => fitted.transform(table.drop(["b"]))).toThrow(/column\(s\) "b" seen at fit are missing/);
    expect(() => fitted.transform(Frame.fromColumns({ a: [1], b: ["5"], c: ["x"] }))).toThrow(/column is categorical but was numeric at fit \(column "b"\)/);
  });

  it("weights passthrough entries and a passthrough remainder too, as scikit-learn; text is left as it is", () => {
    const weighted = new ColumnTransformer({ transformers: [["keep", "passthrough", ["a"]]], remainder: "passthrough", transformerWeights: { keep: 2, remainder: 0.5 } });
    const expected = { keep__a: [2, 4, 6], remainder__b: [2, 2.5, 3.5], remainder__c: ["x", "y", "x"] };
    for (const out of [weighted.fitTransform(table) as Frame, weighted.transform(table) as Frame]) {
      expect(Object.fromEntries(out.names.map((name) => [name, Array.from<number | string | null>(out.column(name))]))).toEqual(expected);
    }
  });

  it("keeps an all-missing text column categorical in its output", () => {
    const fitted = ct().fit(table);
    const out = fitted.transform(Frame.fromColumns({ a: [1], b: [4], c: [null] }, { kinds: { c: "categorical" } })) as Frame;
    expect([out.kindOf("remainder__c"), out.column("remainder__c")]).toEqual(["categorical", [null]]);
  });

  it("names a pipeline entry of passthrough steps after its columns, as scikit-learn", () => {
    const passthrough = () => new Pipeline({ steps: [["skip", "passthrough"]] });
    const nested = new ColumnTransformer({ transformers: [["p", passthrough(), ["b", "a"]], ["q", new Pipeline({ steps: [["inner", passthrough()]] }), ["c"]]] });
    const out = nested.fitTransform(table) as Frame;
    expect(out.names).toEqual(["p__b", "p__a", "q__c"]);
    expect(out.toRecords()).toEqual(table.select(["b", "a", "c"]).toRecords().map(({ a, b, c }) => ({ p__b: b, p__a: a, q__c: c })));
    const registry = createRegistry([ColumnTransformer, Pipeline]);
    expect((deserializeModel(JSON.stringify(nested.toJSON()), registry) as ColumnTransformer).featureNamesOut()).toEqual(["p__b", "p__a", "q__c"]);
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

/** A broken transformer: whatever it is given, it returns one row of one column "z". */
class OneRowTransformer extends Estimator<Record<string, never>, { fitted: true }> {
  static readonly kind = "OneRowTransformer";
  static readonly schemaVersion = 1;
  constructor(params?: Record<string, never>) {
    super({}, params);
  }
  fit(): this {
    return this.commit({ fitted: true });
  }
  transform(): Matrix {
    this.fitted("transform");
    return new Matrix(Float64Array.of(1), 1, 1, ["z"]);
  }
  featureNamesOut(): string[] {
    return ["z"];
  }
  protected encodeState(): JsonObject {
    return { fitted: true };
  }
  protected decodeState(): { fitted: true } {
    return { fitted: true };
  }
}

describe("ColumnTransformer shapes", () => {
  const dropFirst = () => new OneHotEncoder({ drop: "first" });

  it("keeps every input row when a block has no output columns", () => {
    const X = [[1, 5], [1, 6], [1, 9]];
    const ct = new ColumnTransformer({ transformers: [["o", dropFirst(), [0]], ["s", new StandardScaler(), [1]]] });
    const out = ct.fitTransform(X) as Matrix;
    expect([out.rows, out.cols]).toEqual([3, 1]);
    expectClose(out.data, (new StandardScaler().fitTransform([[5], [6], [9]]) as Matrix).data, 0, "scaled column");
    expect([(ct.transform(X) as Matrix).rows, ct.outputIndices.o]).toEqual([3, [0, 0]]);
    const alone = new ColumnTransformer({ transformers: [["o", dropFirst(), [0]]] }).fit([[1], [1], [1]]);
    const empty = alone.transform([[1], [1], [1]]) as Matrix;
    expect([empty.rows, empty.cols]).toEqual([3, 0]);
    const frame = alone.withParams({ transformers: [["o", dropFirst(), ["c"]]] }).fitTransform(Frame.fromColumns({ c: ["x", "x", "x"] })) as Frame;
    expect([frame.nRows, frame.nCols]).toEqual([3, 0]);
  });

  it("refuses a block that returns another number of rows than its input has", () => {
    const entries = { transformers: [["k", new OneRowTransformer(), [0]], ["s", new StandardScaler(), [1]]] as const };
    const rows = [[1, 2], [2, 3], [3, 5]];
    const message = 'transformer "k" returned 1 rows for 3 input rows';
    expect(thrown(() => new ColumnTransformer(entries).fitTransform(rows))).toBe(`DATA_ERROR: ColumnTransformer.fitTransform: ${message}`);
    expect(thrown(() => new ColumnTransformer(entries).fit(rows))).toBe(`DATA_ERROR: ColumnTransformer.fit: ${message}`);
    const table = Frame.fromColumns({ a: [1, 2, 3], b: [2, 3, 5] });
    expect(thrown(() => new ColumnTransformer(entries).fitTransform(table))).toBe(`DATA_ERROR: ColumnTransformer.fitTransform: ${message}`);
    const fittedOnOneRow = new ColumnTransformer(entries).fit([[1, 2]]);
    expect(thrown(() => fittedOnOneRow.transform(rows))).toBe(`DATA_ERROR: ColumnTransformer.transform: ${message}`);
  });

  it("refuses an entry that selects a column twice, naming the entry and the column", () => {
    const literal = thrown(() => new ColumnTransformer({ transformers: [["s", new StandardScaler(), ["a", "a"]]] }));
    expect(literal).toMatch(/^VALIDATION_ERROR: .*entry "s": columns select "a" twice; select each column once/);
    const aliased = thrown(() => new ColumnTransformer({ transformers: [["s", new StandardScaler(), [1, -1]]] }).fit(Frame.fromColumns({ a: [1, 2], b: [3, 4] })));
    expect(aliased).toBe('DATA_ERROR: ColumnTransformer.fit: entry "s" selects the same column twice; select each column once (column "b")');
  });

  it("refuses, when built, entries that cannot transform and names the loader or its own params would clash with", () => {
    const entry = (name: string, transformer: Estimator<object, unknown>) => () => new ColumnTransformer({ transformers: [[name, transformer, [0]]], remainder: new StandardScaler() });
    expect(thrown(entry("m", new FirstColumnClassifier()))).toMatch(/^VALIDATION_ERROR: .*entry "m": transformer must be a transformer, but a FirstColumnClassifier has no transform/);
    expect(thrown(entry("r", new RepeatRareSampler()))).toMatch(/^VALIDATION_ERROR: .*a RepeatRareSampler has no transform or featureNamesOut/);
    expect(thrown(() => new ColumnTransformer({ remainder: new RepeatRareSampler() }))).toMatch(/^VALIDATION_ERROR: .*remainder: must be a transformer/);
    for (const name of ["remainder", "transformers", "verboseFeatureNamesOut"]) {
      expect(thrown(entry(name, new StandardScaler()))).toMatch(new RegExp(`^VALIDATION_ERROR: .*name "${name}" conflicts with the parameter of the same name`));
    }
    for (const name of ["constructor", "prototype"]) expect(thrown(entry(name, new StandardScaler()))).toMatch(new RegExp(`^VALIDATION_ERROR: .*name "${name}" is reserved`));
  });
});

describe("ColumnTransformer loader", () => {
  const table = Frame.fromColumns({ a: [1, 2, 4], b: [3, 5, 4], c: ["x", "y", "x"] });
  const registry = createRegistry([ColumnTransformer, StandardScaler]);
  const fitted = (params: ConstructorParameters<typeof ColumnTransformer>[0]) => new ColumnTransformer(params).fit(table);
  const scaled = () => fitted({ transformers: [["s", new StandardScaler(), ["a"]], ["t", new StandardScaler(), ["b"]]], remainder: "passthrough" });
  type Doc = ModelJSON & { params: { transformers: unknown[][] }; state: { schema: { kinds: string[] }; blocks: { columns: number[]; names: string[] }[]; namesOut: string[] } };
  /** Loads `model`'s document after `edit`, re-sealed so that only the state checks can refuse it. */
  const load = (model: ColumnTransformer, edit: (doc: Doc) => void = () => {}) => {
    const doc = JSON.parse(JSON.stringify(model.toJSON())) as Doc;
    edit(doc);
    return () => deserializeModel(sealModel(doc), registry) as ColumnTransformer;
  };
  /** The loader's refusal of the edited document, which must be a SerializationError. */
  const refusal = (model: ColumnTransformer, edit: (doc: Doc) => void) => {
    const error = thrown(load(model, edit));
    expect(error).toMatch(/^SERIALIZATION_ERROR: /);
    return error;
  };

  it("loads what it saved", () => {
    const model = fitted({ transformers: [["s", new StandardScaler(), ["a", "b"]], ["gone", "drop", ["c"]]], transformerWeights: { s: 2 }, verboseFeatureNamesOut: false });
    expect((load(model)().transform(table) as Frame).toMatrix().data).toEqual((model.transform(table) as Frame).toMatrix().data);
  });

  it("refuses output names that are not the blocks' names as the prefixing rule makes them", () => {
    expect(refusal(scaled(), (doc) => doc.state.namesOut.reverse())).toContain("ColumnTransformer.state.namesOut must be the blocks' names in order");
    expect(refusal(scaled(), (doc) => (doc.state.namesOut[1] = "s__a"))).toContain("state.namesOut must be the blocks' names");
    const distinct = fitted({ transformers: [["p", "passthrough", ["a"]], ["q", "passthrough", ["b"]]], verboseFeatureNamesOut: false });
    const sameColumnTwice = (doc: Doc) => {
      doc.params.transformers[1][2] = ["a"];
      doc.state.blocks[1] = { ...doc.state.blocks[1], columns: [0], names: ["a"] };
      doc.state.namesOut = ["a", "a"];
    };
    expect(refusal(distinct, sameColumnTwice)).toContain('state.namesOut has "a" twice');
  });

  it("refuses blocks that params and the saved columns would not build", () => {
    expect(refusal(scaled(), (doc) => ((doc.state.blocks = []), (doc.state.namesOut = [])))).toContain("state.blocks must have 3 elements, has 0");
    expect(refusal(scaled(), (doc) => doc.state.blocks[0].names.push("extra"))).toContain("state.blocks[0].names must be the StandardScaler's featureNamesOut (1 names)");
    expect(refusal(scaled(), (doc) => (doc.state.blocks[2].names = ["z"]))).toContain("state.blocks[2].names must be the selected columns' names");
    expect(refusal(scaled(), (doc) => (doc.state.blocks[0].columns = [2]))).toContain('state.blocks[0].columns must be [0], the columns entry "s" selects');
    // params and columns agree on the categorical "c", but the scaler was fitted on the numeric "a"
    const categorical = (doc: Doc) => {
      doc.params.transformers[0][2] = ["c"];
      doc.state.blocks[0].columns = [2];
    };
    expect(refusal(scaled(), categorical)).toContain('state.blocks[0].model was fitted on other columns than "c"');
    expect(refusal(scaled(), (doc) => (doc.state.schema.kinds[1] = "categorical"))).toContain('state.blocks[1].model was fitted on other columns than "b"');
  });
});
