import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { blankedBankFrame, type BlankedSource } from "../../test/helpers/bank-churn-missing.js";
import { loadEdited } from "../../test/helpers/edited-model.js";
import { expectFitTransformErrorLikeFit } from "../../test/helpers/thrown.js";
import { frameOf, type FixtureTable } from "../../test/helpers/fixture-tables.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { sealModel } from "../core/checksum.js";
import { DataError, isTabkitError, NotFittedError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { encodeInt32Array } from "../core/state-codec.js";
import { loadModel } from "../load-model.js";
import { SimpleImputer, type SimpleImputerParams } from "./simple-imputer.js";

interface PyParams {
  strategy?: SimpleImputerParams["strategy"];
  fill_value?: number | string;
  add_indicator?: boolean;
  keep_empty_features?: boolean;
  missing_values?: number | string;
}
interface Case {
  name: string;
  params: PyParams;
  array?: boolean;
  fit?: FixtureTable;
  new?: FixtureTable;
  error: string | null;
  statistics?: (number | string)[];
  indicatorFeatures?: number[] | null;
  featureNamesOut?: string[];
  out?: FixtureTable;
}
interface ImputerFixture {
  bank: { train: BlankedSource; new: BlankedSource; cases: Case[] };
  edge: Case[];
}

const fixture = readFixture<ImputerFixture>("preprocessing/simple-imputer.json");
const bankTrain = blankedBankFrame(fixture.bank.train);
const bankNew = blankedBankFrame(fixture.bank.new);
const worst = new Map<string, number>();

function paramsOf(py: PyParams): Partial<SimpleImputerParams> {
  return {
    strategy: py.strategy,
    fillValue: py.fill_value,
    addIndicator: py.add_indicator,
    keepEmptyFeatures: py.keep_empty_features,
    missingValues: py.missing_values,
  };
}

/** A fixture table as the input scikit-learn saw: a Frame, or a bare (unnamed) matrix. */
function inputOf(table: FixtureTable, array: boolean | undefined): Frame | Matrix {
  const frame = frameOf(table);
  return array ? new Matrix(frame.toMatrix().data, frame.nRows, frame.nCols) : frame;
}

/** The output's columns as plain arrays keyed by name (a Matrix's by featureNamesOut). */
function columnsOf(out: Frame | Matrix, names: string[]): Record<string, (number | string | null)[]> {
  if (out instanceof Frame) return Object.fromEntries(out.names.map((n) => [n, Array.from(out.column(n) as ArrayLike<number | string | null>)]));
  return Object.fromEntries(names.map((n, k) => [n, Array.from(out.column(k))]));
}

function checkCase(c: Case, fitX: Frame | Matrix, newX: Frame | Matrix, label: string): SimpleImputer {
  const imputer = new SimpleImputer(paramsOf(c.params));
  if (c.error !== null) {
    expect(() => imputer.fit(fitX).transform(newX), `${label}: scikit-learn raised ${c.error}`).toThrow(DataError);
    return imputer;
  }
  imputer.fit(fitX);
  const fitKinds = fitX instanceof Frame ? fitX.names.map((n) => fitX.kindOf(n)) : [];
  // scikit-learn keeps the number 0 for a kept empty text column; tabkit keeps its text "0".
  const expectedStats = c.statistics!.map((v, j) => (fitKinds[j] === "categorical" && typeof v === "number" && !Number.isNaN(v) ? String(v) : v));
  const stats = imputer.statistics;
  expectedStats.forEach((v, j) => {
    if (typeof v === "string") expect(stats[j], `${label} statistics[${j}]`).toBe(v);
    else note(`${label} statistics`, expectClose([stats[j] as number], [v], 0, `${label} statistics[${j}]`));
  });
  expect(imputer.featureNamesOut()).toEqual(c.featureNamesOut);
  if (c.indicatorFeatures !== null) expect(imputer.indicatorFeatures).toEqual(c.indicatorFeatures);
  const out = imputer.transform(newX);
  expect(out instanceof Frame ? out.names : out.featureNames ?? c.featureNamesOut).toEqual(c.featureNamesOut);
  const got = columnsOf(out, c.featureNamesOut!);
  for (const [name, { kind, values }] of Object.entries(c.out!)) {
    const column = got[name];
    if (kind === "numeric" && typeof column[0] === "number") note(`${label} output`, expectClose(column as number[], values as number[], 0, `${label} ${name}`));
    else expect(column, `${label} ${name}`).toEqual(values.map((v) => (typeof v === "number" ? String(v) : v)));
  }
  return imputer;
}

function note(what: string, error: number): void {
  worst.set(what, Math.max(worst.get(what) ?? 0, error));
}

describe("SimpleImputer parity with scikit-learn 1.9.1", () => {
  it.each(fixture.bank.cases)("bank churn: $name", (c) => {
    const columns = Object.keys(c.out ?? {}).filter((n) => !n.startsWith("missingindicator_"));
    const wanted = c.error === null ? columns : (fixture.bank.train.columns as string[]);
    checkCase(c, bankTrain.select(wanted), bankNew.select(wanted), `bank ${c.name}`);
  });

  it.each(fixture.edge)("edge: $name", (c) => {
    const imputer = checkCase(c, inputOf(c.fit!, c.array), inputOf(c.new!, c.array), `edge ${c.name}`);
    if (!imputer.isFitted) return;
    const loaded = loadModel<SimpleImputer>(JSON.parse(JSON.stringify(imputer.toJSON())));
    const before = imputer.transform(inputOf(c.new!, c.array));
    const after = loaded.transform(inputOf(c.new!, c.array));
    expect(columnsOf(after, c.featureNamesOut!)).toEqual(columnsOf(before, c.featureNamesOut!));
    expect(loaded.statistics).toEqual(imputer.statistics);
  });

  afterAll(() => {
    if (process.env.TABKIT_PARITY_REPORT === "1") console.log(Object.fromEntries(worst));
  });
});

describe("SimpleImputer behaviour", () => {
  const X = Frame.fromColumns({ idade: [30, NaN, 50, 30], pais: ["França", null, "Espanha", "Espanha"] });

  it("defaults to the mean and refuses text columns for it, naming the column", () => {
    expect(new SimpleImputer().params).toEqual({ missingValues: NaN, strategy: "mean", fillValue: null, addIndicator: false, keepEmptyFeatures: false });
    expect(() => new SimpleImputer().fit(X)).toThrow(
      'SimpleImputer.fit: strategy "mean" needs numbers but column "pais" is categorical (text); use strategy "most_frequent" or "constant" for it, e.g. in a ColumnTransformer',
    );
    expect(() => new SimpleImputer({ strategy: "median" }).fit(X)).toThrow(/column "pais" is categorical/);
  });

  it("takes records (Frame out) and number rows (Matrix out), never mutating or aliasing them", () => {
    const records = [{ a: 1, b: "x" }, { a: null, b: null }, { a: 3, b: "x" }];
    const copy = JSON.stringify(records);
    const out = new SimpleImputer({ strategy: "most_frequent" }).fitTransform(records) as Frame;
    expect(out).toBeInstanceOf(Frame);
    expect(out.toRecords()).toEqual([{ a: 1, b: "x" }, { a: 1, b: "x" }, { a: 3, b: "x" }]);
    expect(JSON.stringify(records)).toBe(copy);
    const rows = [
      [1, NaN],
      [3, 4],
    ];
    const matrix = new SimpleImputer({ addIndicator: true }).fitTransform(rows) as Matrix;
    expect(matrix).toBeInstanceOf(Matrix);
    expect(matrix.featureNames).toBeUndefined();
    expect(matrix.to2D()).toEqual([
      [1, 4, 1],
      [3, 4, 0],
    ]);
    expect(Number.isNaN(rows[0][1])).toBe(true);
    const column = Float64Array.from([1, NaN, 3]);
    const frame = Frame.fromColumns({ a: column });
    const filled = new SimpleImputer().fitTransform(frame) as Frame;
    expect(filled.numeric("a")).not.toBe(frame.numeric("a"));
    expect(Number.isNaN(frame.numeric("a")[1])).toBe(true);
  });

  it("accepts an all-missing column at transform whatever kind it reads as", () => {
    const imputer = new SimpleImputer({ strategy: "most_frequent" }).fit(X);
    const out = imputer.transform([{ idade: 40, pais: null }]) as Frame;
    expect(out.toRecords()).toEqual([{ idade: 40, pais: "Espanha" }]);
  });

  it("a failed fit keeps the previous state", () => {
    const imputer = new SimpleImputer({ strategy: "most_frequent" }).fit(X);
    expect(() => imputer.fit([[1, Infinity]])).toThrow(DataError);
    expect(imputer.statistics).toEqual([30, "Espanha"]);
  });

  it("refuses corrupted saved state", () => {
    const json = new SimpleImputer({ strategy: "most_frequent" }).fit(X).toJSON();
    const state = json.state as Record<string, unknown>;
    const damaged = (patch: object) => () => loadModel(sealModel({ ...json, ...patch }));
    expect(damaged({ state: { ...state, text: ["x", "y"] } })).toThrow(/text\[0\] must be null for a numeric column/);
    expect(damaged({ state: { ...state, text: ["x"] } })).toThrow(/must have 2 elements/);
    expect(damaged({ params: { ...json.params, strategy: "mean" } })).toThrow(/cannot be categorical with strategy "mean"/);
    expect(damaged({ state: { ...state, indicator: encodeInt32Array(Int32Array.from([1, 0])) } })).toThrow(/strictly increasing/);
    expect(damaged({ state: { ...state, indicator: encodeInt32Array(Int32Array.from([0, 5])) } })).toThrow(/indicator\[1\] must be within/);
  });

  it("most_frequent agrees with a plain count for any numbers or strings (ties to the smallest)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-2, -0.5, 0, 1, 3, 1e9), { minLength: 1, maxLength: 40 }), (values) => {
        const got = new SimpleImputer({ strategy: "most_frequent" }).fit(Frame.fromColumns({ v: values })).statistics[0];
        expect(got).toBe(referenceMode(values, (a, b) => a - b));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "B", "b", "França", "Franca", "😀", "\uffff"), { minLength: 1, maxLength: 40 }), (values) => {
        const got = new SimpleImputer({ strategy: "most_frequent" }).fit(Frame.fromColumns({ v: values })).statistics[0];
        const byCodePoint = (a: string, b: string) => {
          const x = [...a].map((ch) => ch.codePointAt(0)!);
          const y = [...b].map((ch) => ch.codePointAt(0)!);
          for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
          return x.length - y.length;
        };
        expect(got).toBe(referenceMode(values, byCodePoint));
      }),
    );
  });

  it("never leaves a missing value in a kept column", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom<SimpleImputerParams["strategy"]>("mean", "median", "most_frequent", "constant"),
        (values, strategy) => {
          const imputer = new SimpleImputer({ strategy, keepEmptyFeatures: true });
          const out = imputer.fitTransform(Frame.fromColumns({ v: values.map((v) => v ?? NaN) })) as Frame;
          for (const v of out.numeric("v")) expect(Number.isFinite(v)).toBe(true);
        },
      ),
    );
  });
});

/** The most frequent value, ties broken by the smallest in `compare` order. */
function referenceMode<T>(values: T[], compare: (a: T, b: T) => number): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return [...counts.keys()].filter((v) => counts.get(v) === top).sort(compare)[0];
}

describe("SimpleImputer bad input", () => {
  const X = Frame.fromColumns({ idade: [30, NaN, 50], saldo: [0, 100.5, NaN] });
  const imputer = new SimpleImputer({ addIndicator: true }).fit(X);

  it("names the class, method, column and row for bad values", () => {
    const text = Frame.fromColumns({ idade: [30, 40], saldo: ["1", "abc"] }, { kinds: { saldo: "categorical" } });
    expect(() => imputer.transform(text)).toThrow('SimpleImputer.transform: column is categorical but was numeric at fit (column "saldo")');
    expect(() => imputer.transform([{ idade: 1, saldo: 2 }, { idade: "x", saldo: 3 }])).toThrow(/SimpleImputer.transform: .*column "idade" mixes numbers \(row 0\) and strings \(row 1\)/);
    expect(() => imputer.transform(Frame.fromColumns({ idade: [1, 2], saldo: [3, Infinity] }))).toThrow('SimpleImputer.transform: value Infinity is not finite (column "saldo", row 1)');
    expect(() => new SimpleImputer().fit([[1], [-Infinity]])).toThrow(/value -Infinity is not finite \(column "x0", row 1\)/);
  });

  it("rejects missing, renamed, extra and reordered columns and a wrong column count", () => {
    expect(() => imputer.transform(X.select(["idade"]))).toThrow('SimpleImputer.transform: column(s) "saldo" seen at fit are missing from the input');
    expect(() => imputer.transform(Frame.fromColumns({ idade: [1], balance: [2] }))).toThrow(/"saldo" seen at fit are missing/);
    expect(() => imputer.transform(X.withColumn("extra", [1, 2, 3]))).toThrow(/column\(s\) "extra" were not seen at fit/);
    expect(() => imputer.transform(X.select(["saldo", "idade"]))).toThrow(/different order than at fit/);
    const unnamed = new SimpleImputer().fit([
      [1, 2],
      [NaN, 4],
    ]);
    expect(() => unnamed.transform([[1, 2, 3]])).toThrow("SimpleImputer.transform: X has 3 features, but this estimator was fitted with 2");
  });

  it("refuses empty input, and NaN/null when another missing marker is set", () => {
    expect(() => new SimpleImputer().fit([])).toThrow(/found 0 rows/);
    expect(() => new SimpleImputer().fit(Frame.fromColumns({ a: [] }))).toThrow(/found 0 rows/);
    expect(() => new SimpleImputer({ missingValues: -1 }).fit(Frame.fromColumns({ a: [1, -1, NaN] }))).toThrow(
      'SimpleImputer.fit: found NaN but missingValues is -1; NaN is only allowed with the default missingValues NaN (column "a", row 2)',
    );
    expect(() => new SimpleImputer({ missingValues: "?", strategy: "most_frequent" }).fit(Frame.fromColumns({ a: ["x", null] }))).toThrow(/found a missing value \(null\) but missingValues is "\?"/);
    expect(() => new SimpleImputer({ missingValues: "?", strategy: "most_frequent" }).fit([[1], [2]])).toThrow(/missingValues is the string "\?" but every column is numeric/);
  });

  it("refuses fill values that do not fit a column and bad params", () => {
    const mixed = Frame.fromColumns({ a: [1, NaN], b: ["x", null] });
    expect(() => new SimpleImputer({ strategy: "constant", fillValue: 0 }).fit(mixed)).toThrow(
      'SimpleImputer.fit: fillValue 0 is a number but column "b" is categorical; impute numeric and text columns separately (ColumnTransformer) or leave fillValue null',
    );
    expect(() => new SimpleImputer({ strategy: "constant", fillValue: "?" }).fit(mixed)).toThrow(/fillValue "\?" is a string but column "a" is numeric/);
    expect(() => new SimpleImputer({ fillValue: 1 })).toThrow(ValidationError);
    expect(() => new SimpleImputer({ strategy: "mode" as "mean" })).toThrow(/strategy: must be one of "mean", "median", "most_frequent", "constant"/);
    expect(() => new SimpleImputer({ missingValues: Infinity })).toThrow(ValidationError);
    try {
      new SimpleImputer({ keepEmptyFeatures: 1 as unknown as boolean });
      expect.unreachable();
    } catch (error) {
      expect(isTabkitError(error, "VALIDATION_ERROR")).toBe(true);
    }
  });

  it("refuses, at fit and before it commits, an indicator name that would replace an input column; and such a saved state", () => {
    const clash = Frame.fromColumns({ a: [1, NaN], missingindicator_a: [0, 1] });
    const collision = 'the output column name "missingindicator_a" comes from both column "missingindicator_a" and the missing-value indicator of column "a"';
    const imputer = new SimpleImputer({ addIndicator: true }).fit(Frame.fromColumns({ a: [1, NaN], b: [0, 1] }));
    expect(() => imputer.fit(clash)).toThrow(`SimpleImputer.fit: ${collision}, and a Frame or a named Matrix cannot hold two columns of one name; rename an input column`);
    expect(() => imputer.fitTransform(clash)).toThrow(`SimpleImputer.fitTransform: ${collision}`);
    expect(imputer.featureNamesOut()).toEqual(["a", "b", "missingindicator_a"]);
    expect(loadEdited(imputer, ["schema", "names"], ["a", "missingindicator_a"])).toThrow(`loadModel: SimpleImputer.state.schema.names give colliding output names: ${collision}`);
  });

  it("names fitTransform, the method called, in every error fitTransform raises, as fit names fit", () => {
    const mixed = Frame.fromColumns({ a: [1, NaN, 3], b: ["x", null, "y"] });
    const cases: [Partial<SimpleImputerParams>, unknown][] = [
      [{}, mixed],
      [{}, [[1], [-Infinity]]],
      [{}, Frame.fromColumns({ a: [NaN, NaN], b: [NaN, NaN] })],
      [{}, []],
      [{}, [{ a: 1 }, { a: "x" }]],
      [{ missingValues: -1 }, Frame.fromColumns({ a: [1, -1, NaN] })],
      [{ missingValues: "?", strategy: "most_frequent" }, [[1], [2]]],
      [{ strategy: "constant", fillValue: 0 }, mixed],
      [{}, [[1e308], [1e308], [NaN]]],
    ];
    for (const [params, X] of cases) {
      expectFitTransformErrorLikeFit("SimpleImputer", () => new SimpleImputer(params).fit(X as never), () => new SimpleImputer(params).fitTransform(X as never));
    }
    expect(() => new SimpleImputer().fitTransform(mixed)).toThrow(
      'SimpleImputer.fitTransform: strategy "mean" needs numbers but column "b" is categorical (text); use strategy "most_frequent" or "constant" for it, e.g. in a ColumnTransformer (column "b")',
    );
  });

  it("throws NotFittedError before fit", () => {
    expect(() => new SimpleImputer().transform([[1]])).toThrow(NotFittedError);
    expect(() => new SimpleImputer().statistics).toThrow(NotFittedError);
    expect(() => new SimpleImputer().featureNamesOut()).toThrow(NotFittedError);
  });
});

describe("SimpleImputer review fixes", () => {
  it("refuses a mean or median that overflows instead of filling Infinity", () => {
    expect(() => new SimpleImputer().fitTransform([[1e308], [1e308], [NaN]])).toThrow(
      'SimpleImputer.fitTransform: the mean of column "x0" overflows float64 (it comes out as Infinity); scale the column down first',
    );
    expect(() => new SimpleImputer({ strategy: "median" }).fit(Frame.fromColumns({ v: [-1e308, -1e308, NaN] }))).toThrow(
      'the median of column "v" overflows float64 (it comes out as -Infinity)',
    );
  });

  it("gives +0 for a median of zeros, -0 among them, as scikit-learn", () => {
    // scikit-learn 1.9.1: [[-0], [-0], [-0], [nan]] -> 0.0; 3000 x -0 and 1096 x 0 -> 0.0
    expect(Object.is(new SimpleImputer({ strategy: "median" }).fit([[-0], [-0], [-0], [NaN]]).statistics[0], 0)).toBe(true);
    const many = Frame.fromColumns({ v: Float64Array.from({ length: 4096 }, (_, i) => (i < 3000 ? -0 : 0)) });
    expect(Object.is(new SimpleImputer({ strategy: "median" }).fit(many).statistics[0], 0)).toBe(true);
  });

  it("most_frequent names 0 and -0 by the first seen, as scikit-learn", () => {
    // scikit-learn 1.9.1: [0, -0, nan] -> 0.0, [-0, 0, nan] -> -0.0
    expect(Object.is(new SimpleImputer({ strategy: "most_frequent" }).fit([[0], [-0], [NaN]]).statistics[0], 0)).toBe(true);
    expect(Object.is(new SimpleImputer({ strategy: "most_frequent" }).fit([[-0], [0], [NaN]]).statistics[0], -0)).toBe(true);
  });
});
