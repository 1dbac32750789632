import { afterAll, describe, expect, it } from "vitest";
import { blankedBankFrame, type BlankedSource } from "../../test/helpers/bank-churn-missing.js";
import { loadEdited } from "../../test/helpers/edited-model.js";
import { expectFitTransformErrorLikeFit } from "../../test/helpers/thrown.js";
import { ParityTally, readFixture } from "../../test/helpers/fixtures.js";
import { sealModel } from "../core/checksum.js";
import { DataError, NotFittedError, ValidationError } from "../core/errors.js";
import type { JsonObject } from "../core/json.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { fusedMultiplyAdd } from "./nan-euclidean.js";
import { KNNImputer, type KNNImputerParams } from "./knn-imputer.js";

interface BankFit {
  params: Partial<KNNImputerParams>;
  featureNamesOut: string[];
  train: Float64Array;
  new: Float64Array;
  newIndicators: Float64Array | null;
}
interface EdgeCase {
  name: string;
  params: Partial<KNNImputerParams>;
  cols: number;
  X: Float64Array;
  XNew: Float64Array | null;
  names: string[] | null;
  featureNamesOut: string[];
  indicatorFeatures: number[] | null;
  out: Float64Array;
}
interface KnnFixture {
  defaultDispatch: { cells: number; differing: number };
  bank: { rate: number; train: BlankedSource; new: BlankedSource; fits: BankFit[] }[];
  edge: EdgeCase[];
}

const TOL = 1e-12;
const fixture = readFixture<KnnFixture>("preprocessing/knn-imputer.json");
const worst = new ParityTally();
const compare = (got: ArrayLike<number>, want: ArrayLike<number>, what: string) => worst.compare(got, want, TOL, what);

/** The values at the cells of `X` that were missing, row-major (what the fixture stores). */
function imputedCells(X: Frame, out: Frame | Matrix): number[] {
  const values: number[] = [];
  const outFrame = out instanceof Frame ? out : Frame.fromMatrix(out);
  for (let i = 0; i < X.nRows; i++) {
    for (const name of X.names) if (Number.isNaN(X.numeric(name)[i])) values.push(outFrame.numeric(name)[i]);
  }
  return values;
}

describe("KNNImputer parity with scikit-learn 1.9.1", () => {
  for (const bank of fixture.bank) {
    const train = blankedBankFrame(bank.train);
    const fresh = blankedBankFrame(bank.new);
    it.each(bank.fits.map((f) => ({ ...f, label: `bank ${bank.rate * 100}% missing ${JSON.stringify(f.params)}` })))("$label", (expected) => {
      const imputer = new KNNImputer(expected.params);
      const fitted = imputer.fitTransform(train);
      expect(fitted).toBeInstanceOf(Frame);
      compare(imputedCells(train, fitted), expected.train, `${expected.label} fitTransform`);
      const out = imputer.transform(fresh) as Frame;
      expect(imputer.featureNamesOut()).toEqual(expected.featureNamesOut);
      compare(imputedCells(fresh, out), expected.new, `${expected.label} transform`);
      if (expected.newIndicators !== null) {
        const indicators = expected.featureNamesOut.slice(4).map((name) => out.numeric(name));
        const flat = new Float64Array(fresh.nRows * indicators.length);
        for (let i = 0; i < fresh.nRows; i++) indicators.forEach((column, c) => (flat[i * indicators.length + c] = column[i]));
        compare(flat, expected.newIndicators, `${expected.label} indicators`);
      }
    });
  }

  it.each(fixture.edge)("edge: $name", (expected) => {
    const matrix = (X: Float64Array) => new Matrix(X, X.length / expected.cols, expected.cols, expected.names ?? undefined);
    const X = matrix(expected.X);
    const imputer = new KNNImputer(expected.params).fit(expected.names === null ? X : Frame.fromMatrix(X));
    const input = matrix(expected.XNew ?? expected.X);
    const out = imputer.transform(expected.names === null ? input : Frame.fromMatrix(input));
    const data = out instanceof Matrix ? out.data : out.toMatrix().data;
    if (expected.params.keepEmptyFeatures) {
      // scikit-learn's names leave out the kept empty columns; tabkit names every output column.
      expect(imputer.featureNamesOut().length).toBe(expected.out.length / input.rows);
    } else expect(imputer.featureNamesOut()).toEqual(expected.featureNamesOut);
    if (expected.indicatorFeatures !== null) expect(imputer.indicatorFeatures).toEqual(expected.indicatorFeatures);
    compare(data, expected.out, `edge ${expected.name}`);
  });

  it("documents that numpy's SIMD selection (the default on AVX2/AVX-512 CPUs) picks differently among ties", () => {
    expect(fixture.defaultDispatch.cells).toBe(1200);
    expect(fixture.defaultDispatch.differing).toBeGreaterThan(0);
  });

  afterAll(() => {
    console.log(`KNNImputer parity: ${worst}`);
  });
});

describe("nan-euclidean arithmetic", () => {
  it("fused multiply-add rounds once", () => {
    const a = 1 + 2 ** -30;
    expect(fusedMultiplyAdd(a, a, -(1 + 2 ** -29))).toBe(2 ** -60);
    expect(fusedMultiplyAdd(0.1, 10, -1)).toBe(5.551115123125783e-17);
    expect(fusedMultiplyAdd(3, 4, 5)).toBe(17);
  });
});

describe("KNNImputer behaviour", () => {
  const X = Frame.fromColumns({ idade: [30, NaN, 50, 41, 38], saldo: [0, 100.5, NaN, 7, 0], vazia: [NaN, NaN, NaN, NaN, NaN] });

  it("imputes a Frame into a Frame, drops the empty column, and never mutates its input", () => {
    const before = X.numeric("idade").slice();
    const out = new KNNImputer({ nNeighbors: 2 }).fitTransform(X) as Frame;
    expect(out.names).toEqual(["idade", "saldo"]);
    expect(Array.from(X.numeric("idade"))).toEqual(Array.from(before));
    expect(out.numeric("idade").some(Number.isNaN)).toBe(false);
    expect(out.numeric("idade")).not.toBe(X.numeric("idade"));
  });

  it("round-trips through JSON with the training data stored as base64", () => {
    const imputer = new KNNImputer({ nNeighbors: 2, addIndicator: true, keepEmptyFeatures: true }).fit(X);
    const json = JSON.parse(JSON.stringify(imputer.toJSON()));
    expect(typeof json.state.data.$f64).toBe("string");
    const loaded = loadModel<KNNImputer>(json);
    expect((loaded.transform(X) as Frame).toMatrix().data).toEqual((imputer.transform(X) as Frame).toMatrix().data);
    expect(loaded.featureNamesOut()).toEqual(["idade", "saldo", "vazia", "missingindicator_idade", "missingindicator_saldo", "missingindicator_vazia"]);
  });

  it("loads a schemaVersion 1 document, which summed its norms row-major, as columnMajor false", () => {
    const imputer = new KNNImputer({ nNeighbors: 2 }).fit(X.toMatrix());
    const { columnMajor, ...v1State } = imputer.toJSON().state as Record<string, unknown>;
    expect(columnMajor).toBe(false);
    const v1 = JSON.parse(JSON.stringify(sealModel({ ...imputer.toJSON(), schemaVersion: 1, state: v1State as JsonObject })));
    const loaded = loadModel<KNNImputer>(v1);
    expect(loaded.toJSON().schemaVersion).toBe(2);
    expect(loaded.toJSON().state).toEqual(imputer.toJSON().state);
    expect((loaded.transform(X.toMatrix()) as Matrix).data).toEqual((imputer.transform(X.toMatrix()) as Matrix).data);
  });

  it("refuses a stored state with the wrong size or infinite values", () => {
    const json = new KNNImputer().fit(X).toJSON();
    const state = json.state as Record<string, unknown>;
    expect(() => loadModel({ ...json, state: { ...state, rows: 4 }, checksum: undefined })).toThrow(/data must have 12 elements|checksum/);
  });
});

describe("KNNImputer bad input", () => {
  const X = Frame.fromColumns({ idade: [30, 40, NaN], saldo: [0, 100.5, 3] });
  const imputer = new KNNImputer({ nNeighbors: 1 }).fit(X);

  it("names the class, method, column and row", () => {
    const text = Frame.fromColumns({ idade: [30, 40], saldo: ["1", "abc"] }, { kinds: { saldo: "categorical" } });
    expect(() => imputer.transform(text)).toThrow('KNNImputer.transform: column is categorical; this estimator needs numbers (encode it first, e.g. with OneHotEncoder) (column "saldo")');
    expect(() => new KNNImputer().fit([[1, Infinity]])).toThrow('KNNImputer.fit: value Infinity is not allowed (column "x1", row 0)');
    expect(() => imputer.transform(Frame.fromColumns({ idade: [1], saldo: [-Infinity] }))).toThrow(/value -Infinity is not finite \(column "saldo", row 0\)/);
    expect(() => new KNNImputer({ missingValues: -1 }).fit([[1, NaN]])).toThrow('KNNImputer.fit: found NaN but missingValues is -1; NaN is only allowed with the default missingValues NaN (column "x1", row 0)');
  });

  it("rejects missing, renamed and extra columns and a wrong column count", () => {
    expect(() => imputer.transform(X.select(["idade"]))).toThrow('KNNImputer.transform: column(s) "saldo" seen at fit are missing from the input');
    expect(() => imputer.transform(Frame.fromColumns({ idade: [1], balance: [2] }))).toThrow(/"saldo" seen at fit are missing/);
    const unnamed = new KNNImputer().fit([[1, 2], [3, 4]]);
    expect(() => unnamed.transform([[1, 2, 3]])).toThrow("KNNImputer.transform: X has 3 features, but this estimator was fitted with 2");
  });

  it("names fitTransform, the method called, in every error fitTransform raises, as fit names fit", () => {
    const cases: [Partial<KNNImputerParams>, unknown][] = [
      [{}, Frame.fromColumns({ a: [1, NaN, 3], b: ["x", null, "y"] })],
      [{}, [[1, Infinity]]],
      [{}, Frame.fromColumns({ a: [NaN, NaN], b: [NaN, NaN] })],
      [{}, []],
      [{}, [[1, 2], [3]]],
      [{ missingValues: -1 }, [[1, NaN]]],
    ];
    for (const [params, X] of cases) {
      expectFitTransformErrorLikeFit("KNNImputer", () => new KNNImputer(params).fit(X as never), () => new KNNImputer(params).fitTransform(X as never));
    }
    expect(() => new KNNImputer({ missingValues: -1 }).fitTransform([[1, NaN]])).toThrow(
      'KNNImputer.fitTransform: found NaN but missingValues is -1; NaN is only allowed with the default missingValues NaN (column "x1", row 0)',
    );
  });

  it("throws NotFittedError before fit, ValidationError for bad params, DataError for empty input", () => {
    expect(() => new KNNImputer().transform([[1]])).toThrow(NotFittedError);
    expect(() => new KNNImputer({ nNeighbors: 0 })).toThrow(ValidationError);
    expect(() => new KNNImputer({ weights: "cosine" as "uniform" })).toThrow(ValidationError);
    expect(() => new KNNImputer().fit([])).toThrow(DataError);
  });
});

describe("KNNImputer review fixes", () => {
  it("sums the training rows' squared norms as numpy does for the layout scikit-learn gets: column-major for a Frame or records", () => {
    // The nan-euclidean expansion cancels ~1e18 terms here, so the norms' rounding picks the neighbours.
    // scikit-learn 1.9.1, KNNImputer(n_neighbors=2).fit_transform: with a DataFrame (column-major, each
    // row's squares summed in order) rows 1 and 7 are filled [1000000002.1, 32.95] and -1; with a
    // C-ordered array (numpy's two-lane sum) [1000000002.6, 27.549999999999997] and 1.5.
    const N = NaN;
    const rows = [
      [1000000002.1, N, 2.0, -15.0],
      [N, N, 3.0, N],
      [1000000001.1, 1274.109894, N, -24.6],
      [1000000002.1, 1274.110348, -3.0, 80.9],
      [1000000003.1, N, 1.0, 70.1],
      [1000000003.1, 1274.112122, 3.0, -34.2],
      [N, 1274.107532, N, 10.4],
      [1000000004.1, 1274.110127, N, N],
    ];
    const names = ["a", "b", "c", "d"];
    const records = rows.map((row) => Object.fromEntries(names.map((name, j) => [name, Number.isNaN(row[j]) ? null : row[j]])));
    const filled = (out: Frame | Matrix) => {
      const m = out instanceof Frame ? out.toMatrix() : out;
      return [m.get(1, 0), m.get(1, 3), m.get(7, 2)];
    };
    const imputer = () => new KNNImputer({ nNeighbors: 2 });
    expect(filled(imputer().fitTransform(Frame.fromRecords(records)))).toEqual([1000000002.1, 32.95, -1]);
    expect(filled(imputer().fitTransform(records))).toEqual([1000000002.1, 32.95, -1]);
    expect(filled(imputer().fitTransform(rows))).toEqual([1000000002.6, 27.549999999999997, 1.5]);
    expect(filled(imputer().fitTransform(new Matrix(Float64Array.from(rows.flat()), 8, 4, names)))).toEqual([1000000002.6, 27.549999999999997, 1.5]);
    // The layout is saved with the training rows.
    const loaded = loadModel<KNNImputer>(JSON.parse(JSON.stringify(imputer().fit(records).toJSON())));
    expect(filled(loaded.transform(records))).toEqual([1000000002.1, 32.95, -1]);
  });

  it("refuses, at fit and before it commits, an indicator name that an input column already has; and such a saved state", () => {
    const clash = Frame.fromColumns({ a: [1, NaN, 3], missingindicator_a: [0, 1, 2] });
    const collision = 'the output column name "missingindicator_a" comes from both column "missingindicator_a" and the missing-value indicator of column "a"';
    const imputer = new KNNImputer({ addIndicator: true }).fit(Frame.fromColumns({ a: [1, NaN, 3], b: [0, 1, 2] }));
    expect(() => imputer.fit(clash)).toThrow(`KNNImputer.fit: ${collision}, and a Frame or a named Matrix cannot hold two columns of one name; rename an input column`);
    expect(() => imputer.fitTransform(clash)).toThrow(`KNNImputer.fitTransform: ${collision}`);
    expect(imputer.featureNamesOut()).toEqual(["a", "b", "missingindicator_a"]);
    expect(loadEdited(imputer, ["schema", "names"], ["a", "missingindicator_a"])).toThrow(`loadModel: KNNImputer.state.schema.names give colliding output names: ${collision}`);
  });
});
