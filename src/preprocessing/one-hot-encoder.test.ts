import { describe, expect, it } from "vitest";
import { loadEdited } from "../../test/helpers/edited-model.js";
import { categoryText, frameOf, frameTexts, type FixtureTable } from "../../test/helpers/fixture-tables.js";
import { readDataFile, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, isTabkitError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { OneHotEncoder, type OneHotEncoderParams } from "./one-hot-encoder.js";
import { encodeFloat64Array } from "../core/state-codec.js";

interface Split {
  train: number[];
  test: number[];
}
interface BankOneHot {
  split: Split;
  categories: (string | number)[][];
  featureNames: string[];
  trainHot: number[];
  testHot: number[];
}
interface EdgeCase {
  name: string;
  params: Partial<OneHotEncoderParams>;
  fit: FixtureTable;
  new: FixtureTable;
  fitError: string | null;
  categories?: (string | number | null)[][];
  dropIdx?: (number | null)[] | null;
  infrequent?: ((string | number | null)[] | null)[] | null;
  featureNames?: string[];
  fitOut?: number[];
  transformError?: string | null;
  out?: number[] | null;
  warned?: boolean;
  inverseError?: string | null;
  inverse?: Record<string, (string | number | null)[]>;
}

const COLUMNS = ["pais", "genero", "cartao_credito", "anos_cliente", "numero_produtos"];
const bank = Frame.fromCSV(readDataFile("bank_churn/dados_treino.csv")).select(COLUMNS);
const edge = readFixture<{ oneHot: EdgeCase[] }>("preprocessing/encoders/edge-cases.json").oneHot;

function dense(out: Frame | Matrix): Float64Array {
  return out instanceof Matrix ? out.data : out.toMatrix().data;
}

/** The column holding the 1 of each (row, input column) block, -1 for an all-zero block. */
function hotColumns(out: Float64Array, rows: number, widths: number[]): number[] {
  const width = widths.reduce((a, b) => a + b, 0);
  const hot: number[] = [];
  for (let i = 0; i < rows; i++) {
    let start = 0;
    for (const w of widths) {
      let at = -1;
      for (let k = start; k < start + w; k++) {
        const v = out[i * width + k];
        if (v !== 0 && v !== 1) throw new Error(`row ${i}: value ${v} is not 0/1`);
        if (v === 1) {
          if (at >= 0) throw new Error(`row ${i}: two ones in one block`);
          at = k;
        }
      }
      hot.push(at);
      start += w;
    }
  }
  return hot;
}

describe("OneHotEncoder on bank churn (scikit-learn parity, exact)", () => {
  const fixture = readFixture<BankOneHot>("preprocessing/encoders/bank-churn-onehot.json");
  const train = bank.takeRows(fixture.split.train);
  const test = bank.takeRows(fixture.split.test);
  const encoder = new OneHotEncoder({ handleUnknown: "ignore" }).fit(train);
  const widths = fixture.categories.map((c) => c.length);

  it("learns the same categories and names", () => {
    expect(encoder.categories).toEqual(fixture.categories);
    expect(encoder.featureNamesOut()).toEqual(fixture.featureNames);
    expect(fixture.featureNames).toContain("pais_França");
    expect(fixture.featureNames).toContain("anos_cliente_10.0");
  });

  it("puts the ones where scikit-learn does, on the training and test rows", () => {
    expect(hotColumns(dense(encoder.transform(train)), train.nRows, widths)).toEqual(fixture.trainHot);
    expect(hotColumns(dense(encoder.transform(test)), test.nRows, widths)).toEqual(fixture.testHot);
  });

  it("returns a Frame named by featureNamesOut for a Frame, a Matrix for arrays", () => {
    const out = encoder.transform(test) as Frame;
    expect(out).toBeInstanceOf(Frame);
    expect(out.names).toEqual(fixture.featureNames);
    const fromRows = new OneHotEncoder().fit([[1, 2], [3, 2], [1, 5]]).transform([[3, 5]]);
    expect(fromRows).toBeInstanceOf(Matrix);
    expect(Array.from((fromRows as Matrix).data)).toEqual([0, 1, 0, 1]);
  });
});

describe("OneHotEncoder edge cases (scikit-learn parity, exact)", () => {
  for (const c of edge) {
    it(c.name, () => {
      const fit = frameOf(c.fit);
      const fresh = frameOf(c.new);
      const encoder = new OneHotEncoder(c.params);
      if (c.fitError !== null) {
        expect(() => encoder.fit(fit), c.fitError).toThrow(DataError);
        return;
      }
      encoder.fit(fit);
      expect(encoder.categories).toEqual(c.categories);
      expect(encoder.dropIdx).toEqual(c.dropIdx ?? fit.names.map(() => null));
      expect(encoder.infrequentCategories).toEqual(c.infrequent ?? fit.names.map(() => null));
      expect(encoder.featureNamesOut()).toEqual(c.featureNames);
      expect(Array.from(dense(encoder.transform(fit)))).toEqual(c.fitOut);
      if (c.transformError) {
        expect(() => encoder.transform(fresh), c.transformError).toThrow(DataError);
        return;
      }
      const warnings: string[] = [];
      const out = encoder.transform(fresh, { onWarning: (m) => warnings.push(m) });
      expect(Array.from(dense(out))).toEqual(c.out);
      expect(warnings.length > 0).toBe(c.warned);
      const matrix = new Matrix(dense(out), fresh.nRows, c.featureNames!.length);
      if (c.inverseError) {
        expect(() => encoder.inverseTransform(matrix), c.inverseError).toThrow(DataError);
      } else if (c.inverse !== undefined) {
        const expected = Object.fromEntries(Object.entries(c.inverse).map(([k, v]) => [k, v.map(categoryText)]));
        expect(frameTexts(encoder.inverseTransform(matrix))).toEqual(expected);
      }
    });
  }
});

describe("OneHotEncoder behaviour", () => {
  const train = Frame.fromRecords([
    { pais: "França", produtos: 1 },
    { pais: "Alemanha", produtos: 2 },
    { pais: "Espanha", produtos: 1 },
    { pais: null, produtos: NaN },
  ]);

  it("names the value, column and row of an unknown category", () => {
    const encoder = new OneHotEncoder().fit(train);
    const bad = Frame.fromRecords([{ pais: "França", produtos: 1 }, { pais: "Itália", produtos: 2 }]);
    try {
      encoder.transform(bad);
      expect.unreachable();
    } catch (error) {
      expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
      expect((error as DataError).message).toBe(
        'OneHotEncoder.transform: unknown category "Itália" in column "pais" (row 1); set handleUnknown: "ignore" to encode it as all zeros',
      );
      expect((error as DataError).column).toBe("pais");
      expect((error as DataError).row).toBe(1);
    }
  });

  it("treats null and NaN as categories of their own, sorted last", () => {
    const encoder = new OneHotEncoder().fit(train);
    expect(encoder.featureNamesOut()).toEqual(["pais_Alemanha", "pais_Espanha", "pais_França", "pais_nan", "produtos_1.0", "produtos_2.0", "produtos_nan"]);
  });

  it("rejects a missing, renamed or extra column and a wrong column count", () => {
    const encoder = new OneHotEncoder().fit(train);
    expect(() => encoder.transform(train.select(["pais"]))).toThrow(/"produtos" seen at fit are missing/);
    const renamed = Frame.fromColumns({ pais: ["França"], qtd: [1] });
    expect(() => encoder.transform(renamed)).toThrow(DataError);
    const unnamed = new OneHotEncoder().fit([[1, 2], [2, 3]]);
    expect(() => unnamed.transform([[1, 2, 3]])).toThrow(/X has 3 features, but this estimator was fitted with 2/);
    expect(() => encoder.transform(Frame.fromColumns({ pais: [1], produtos: [1] }))).toThrow(/column is numeric but was categorical at fit/);
  });

  it("validates its params", () => {
    expect(() => new OneHotEncoder({ minFrequency: 1.5 })).toThrow(ValidationError);
    expect(() => new OneHotEncoder({ maxCategories: 0 })).toThrow(ValidationError);
    expect(() => new OneHotEncoder({ handleUnknown: "drop" as never })).toThrow(ValidationError);
    expect(() => new OneHotEncoder({ categories: [[1, "a"]] as never })).toThrow(ValidationError);
    expect(() => new OneHotEncoder({ drop: ["a", 1] }).fit(train)).toThrow(/drop has 2 values|not found/);
  });

  it("checks explicit categories against the column", () => {
    const ignoring = (categories: OneHotEncoderParams["categories"]) => new OneHotEncoder({ categories, handleUnknown: "ignore" });
    expect(() => ignoring([["b", "a"], [2, 1]]).fit(train)).toThrow(/ascending/);
    expect(() => ignoring([[1, 2], [1, 2]]).fit(train)).toThrow(/numbers but the column is categorical/);
    expect(() => ignoring([[null, "a"], [1]]).fit(train)).toThrow(/must be the last/);
    expect(() => ignoring([["a", "a"], [1]]).fit(train)).toThrow(/duplicates/);
    expect(ignoring([["b", "a"], [2, NaN]]).fit(train).featureNamesOut()).toEqual(["pais_b", "pais_a", "produtos_2.0", "produtos_nan"]);
    expect(() => new OneHotEncoder({ categories: [["França"], [1, 2]] }).fit(train)).toThrow(/unknown category "Alemanha" in column "pais" \(row 1\)/);
  });

  it("round-trips through JSON with grouping and drop, and keeps a failed fit from changing state", () => {
    const encoder = new OneHotEncoder({ minFrequency: 2, handleUnknown: "infrequent_if_exist", drop: "first" }).fit(train);
    const loaded = loadModel<OneHotEncoder>(JSON.stringify(encoder.toJSON()));
    const probe = Frame.fromRecords([{ pais: "Itália", produtos: 1 }, { pais: null, produtos: 7 }]);
    expect(dense(loaded.transform(probe))).toEqual(dense(encoder.transform(probe)));
    expect(loaded.featureNamesOut()).toEqual(encoder.featureNamesOut());
    const before = encoder.featureNamesOut();
    expect(() => encoder.fit(Frame.fromColumns({ pais: [] as string[] }))).toThrow(DataError);
    expect(encoder.featureNamesOut()).toEqual(before);
  });

  it("does not mutate its input and returns fresh arrays", () => {
    const X = [[1, 2], [3, 4]];
    const copy = JSON.stringify(X);
    const out = new OneHotEncoder().fitTransform(X) as Matrix;
    expect(JSON.stringify(X)).toBe(copy);
    out.data[0] = 99;
    expect((new OneHotEncoder().fitTransform(X) as Matrix).data[0]).toBe(1);
  });
});

describe("OneHotEncoder review fixes", () => {
  const clash = Frame.fromRecords([{ a: "b_c", a_b: "c" }, { a: "x", a_b: "c" }]);

  it("refuses at fit output names that would collide in a Frame or a named Matrix; and such a saved state", () => {
    const collision = 'the output column name "a_b_c" comes from both column "a" (category "b_c") and column "a_b" (category "c")';
    const refusal = `${collision}, and a Frame or a named Matrix cannot hold two columns of one name; rename an input column`;
    expect(() => new OneHotEncoder().fit(clash)).toThrow(`OneHotEncoder.fit: ${refusal}`);
    expect(() => new OneHotEncoder().fitTransform(clash.toRecords())).toThrow(`OneHotEncoder.fitTransform: ${refusal}`);
    const encoder = new OneHotEncoder().fit(Frame.fromRecords([{ a: "b_c", z: "c" }, { a: "x", z: "c" }]));
    expect(loadEdited(encoder, ["schema", "names"], ["a", "a_b"])).toThrow(`loadModel: OneHotEncoder.state.schema.names give colliding output names: ${collision}`);
  });

  it("keeps the row count when drop leaves no column, and inverts that output", () => {
    const encoder = new OneHotEncoder({ drop: "first" }).fit(Frame.fromRecords([{ c: "a" }, { c: "a" }]));
    const out = encoder.transform(Frame.fromRecords([{ c: "a" }, { c: "a" }, { c: "a" }])) as Frame;
    expect([out.nRows, out.nCols]).toEqual([3, 0]);
    expect(encoder.inverseTransform(out).toRecords().map((r) => r.c)).toEqual(["a", "a", "a"]);
    // records are read as their Frame: a Frame of one row and no columns
    const fromRecords = encoder.transform([{ c: "a" }]);
    expect(fromRecords).toBeInstanceOf(Frame);
    expect([(fromRecords as Frame).nRows, (fromRecords as Frame).nCols]).toEqual([1, 0]);
    expect(encoder.inverseTransform(fromRecords).column("c")).toEqual(["a"]);
    expect(encoder.inverseTransform(new Matrix(new Float64Array(0), 1, 0)).column("c")).toEqual(["a"]);
  });

  it("keeps the sign of a -0 category, as scikit-learn names it (v_-0.0)", () => {
    // Map keys turn -0 into 0: the category must come from the column, not from the lookup.
    const encoder = new OneHotEncoder().fit(Frame.fromColumns({ v: [-0, 1, -0] }));
    expect(Object.is(encoder.categories[0][0], -0)).toBe(true);
    expect(encoder.featureNamesOut()).toEqual(["v_-0.0", "v_1.0"]);
    expect(dense(encoder.transform(Frame.fromColumns({ v: [0, -0, 1] })))).toEqual(Float64Array.from([1, 0, 1, 0, 0, 1]));
  });

  it("refuses saved numeric categories out of order", () => {
    const encoder = new OneHotEncoder().fit(Frame.fromColumns({ n: [1, 2, 3] }));
    const edit = loadEdited(encoder, ["categories", 0, "numbers"], encodeFloat64Array(Float64Array.from([3, 1, 2])));
    expect(edit).toThrow("loadModel: OneHotEncoder.state.categories[0].numbers must be in ascending order");
  });
});
