import { describe, expect, it } from "vitest";
import { ColumnTransformer, Pipeline } from "../src/compose/index.js";
import { DataError, NotFittedError, isTabkitError, type TabkitError, type TabkitErrorCode } from "../src/core/errors.js";
import { Frame } from "../src/core/frame.js";
import { Matrix } from "../src/core/matrix.js";
import {
  FunctionTransformer,
  KNNImputer,
  MinMaxScaler,
  OneHotEncoder,
  OrdinalEncoder,
  PolynomialFeatures,
  PowerTransformer,
  RobustScaler,
  SimpleImputer,
  StandardScaler,
  TargetEncoder,
} from "../src/preprocessing/index.js";

/**
 * Bad input across preprocessing and compose, as one table: each case is a component, an input,
 * and either the error it must raise (class, code, and the message fragments: class.method, the
 * column and the row where there is one) or, where scikit-learn accepts the input on purpose, a
 * check of the result.
 */

interface Fails {
  error: new (...args: never[]) => TabkitError;
  code: TabkitErrorCode;
  /** `Class.method` at the start of the message (a composite's, for a wrapped child error). */
  site: string;
  column?: string;
  row?: number;
  /** Further fragments the message must contain. */
  says?: (string | RegExp)[];
}
interface Passes {
  ok: (out: unknown) => void;
}
type Case = [component: string, input: string, run: () => unknown, expected: Fails | Passes];

const data = (site: string, where: { column?: string; row?: number } = {}, ...says: (string | RegExp)[]): Fails => ({ error: DataError, code: "DATA_ERROR", site, ...where, says });
const notFitted = (site: string): Fails => ({ error: NotFittedError, code: "NOT_FITTED", site, says: ["not fitted yet"] });
const hasNaN = (out: unknown): boolean => Array.from(out instanceof Frame ? out.toMatrix().data : (out as Matrix).data).some(Number.isNaN);

const num = Frame.fromColumns({ a: [1, 2, 3, 4], b: [10, 20, 35, 40] });
const rows4 = [
  [1, 10],
  [2, 20],
  [3, 35],
  [4, 40],
];
const allNaN = Frame.fromColumns({ a: [NaN, NaN, NaN], b: [NaN, NaN, NaN] });
const nanColumn = Frame.fromColumns({ a: [1, 2, 3], b: [NaN, NaN, NaN] });
const textColumn = Frame.fromColumns({ a: [1, 2, 3, 4], b: ["x", "y", "x", "y"] });
const records = [
  { a: 1, b: 10 },
  { a: 2, b: "twenty" },
] as never;
const noRows = Frame.fromColumns({ a: [], b: [] });
const noColumns = new Matrix(new Float64Array(0), 3, 0);
const ragged = [[1, 2], [3]];

/** The cases every numeric transformer shares. */
function numericCases(component: string, make: () => { fit(X: never, y?: never): unknown; fitTransform(X: never, y?: never): unknown; transform(X: never): unknown }): Case[] {
  const fitted = () => make().fit(num as never) as { transform(X: unknown): unknown };
  const fittedRows = () => make().fit(rows4 as never) as { transform(X: unknown): unknown };
  return [
    [component, "Frame with a text column at fit", () => make().fit(textColumn as never), data(`${component}.fit`, { column: "b" }, "categorical")],
    [component, "Frame with a text column at transform", () => fitted().transform(Frame.fromColumns({ a: [1], b: ["x"] })), data(`${component}.transform`, { column: "b" }, "categorical")],
    [component, "records (with a string)", () => make().fit(records), data(`${component}.fit`, {}, "Frame.fromRecords")],
    [component, "missing column at transform", () => fitted().transform(Frame.fromColumns({ a: [1] })), data(`${component}.transform`, { column: "b" }, "missing")],
    [component, "renamed column at transform", () => fitted().transform(Frame.fromColumns({ a: [1], B: [1] })), data(`${component}.transform`, { column: "b" }, "missing")],
    [component, "reordered columns at transform", () => fitted().transform(Frame.fromColumns({ b: [1], a: [1] })), data(`${component}.transform`, { column: "a" }, "different order")],
    [component, "wrong column count (Matrix)", () => fittedRows().transform([[1, 2, 3]]), data(`${component}.transform`, {}, "3 features", "fitted with 2")],
    [component, "Infinity at fit", () => make().fit(Frame.fromColumns({ a: [1, 2, Infinity], b: [1, 2, 3] }) as never), data(`${component}.fit`, { column: "a", row: 2 }, "Infinity")],
    // fitTransform's errors name fitTransform, the method called (a Pipeline or ColumnTransformer fits its children through it).
    [component, "Infinity at fitTransform", () => make().fitTransform(Frame.fromColumns({ a: [1, 2, 3], b: [1, -Infinity, 3] }) as never), data(`${component}.fitTransform`, { column: "b", row: 1 }, "-Infinity")],
    [component, "0 rows at fitTransform", () => make().fitTransform(noRows as never), data(`${component}.fitTransform`, {}, "0 rows")],
    [component, "-Infinity at transform", () => fittedRows().transform([[1, 2], [-Infinity, 3]]), data(`${component}.transform`, { column: "x0", row: 1 }, "-Infinity")],
    [component, "0 rows", () => make().fit(noRows as never), data(`${component}.fit`, {}, "0 rows")],
    [component, "0 columns", () => make().fit(noColumns as never), data(`${component}.fit`, {}, /found 0 (feature )?columns/)],
    [component, "ragged nested arrays", () => make().fit(ragged as never), data(`${component}.fit`, { row: 1 }, "row 1 has 1 values")],
    [component, "transform before fit", () => make().transform(num as never), notFitted(`${component}.transform`)],
  ];
}

const scalerNaN = (component: string, make: () => { fit(X: never): unknown; fitTransform(X: never): unknown }): Case[] => [
  [component, "all-NaN input", () => make().fit(allNaN as never), data(`${component}.fit`, { column: "a" }, "every value is NaN")],
  [component, "an all-NaN column", () => make().fitTransform(nanColumn as never), data(`${component}.fitTransform`, { column: "b" }, "every value is NaN")],
];

const imputerNaN = (component: string, make: () => { fit(X: never): unknown; fitTransform(X: never): unknown }): Case[] => [
  // Deviation: scikit-learn returns an n x 0 array (with a warning).
  [component, "all-NaN input", () => make().fit(allNaN as never), data(`${component}.fit`, { column: "a" }, "every column has only missing values", "keepEmptyFeatures")],
  [component, "all-NaN input at fitTransform", () => make().fitTransform(allNaN as never), data(`${component}.fitTransform`, { column: "a" }, "every column has only missing values", "keepEmptyFeatures")],
  // As scikit-learn: the empty column is dropped, the others imputed.
  [component, "an all-NaN column", () => make().fitTransform(nanColumn as never), { ok: (out) => expect((out as Frame).names).toEqual(["a"]) }],
];

const categories = Frame.fromColumns({ pais: ["BR", "PT", "BR", "PT", "BR", "PT"], g: ["m", "f", "m", "f", "f", "m"] });
const y = [0, 1, 0, 1, 1, 0];
const newCountry = Frame.fromColumns({ pais: ["BR", "Itália"], g: ["m", "f"] });

/** The cases every encoder shares. */
function encoderCases(component: string, make: () => { fit(X: never, y: never): unknown; fitTransform(X: never, y: never): unknown; transform(X: never): unknown }): Case[] {
  const fitted = () => make().fit(categories as never, y as never) as { transform(X: unknown): unknown };
  const numericCodes = [[1, 2], [2, 1], [1, 2], [2, 1], [1, 1], [2, 2]];
  return [
    [component, "missing column at transform", () => fitted().transform(Frame.fromColumns({ pais: ["BR"] })), data(`${component}.transform`, { column: "g" }, "missing")],
    [component, "renamed column at transform", () => fitted().transform(Frame.fromColumns({ pais: ["BR"], G: ["m"] })), data(`${component}.transform`, { column: "g" }, "missing")],
    [component, "reordered columns at transform", () => fitted().transform(Frame.fromColumns({ g: ["m"], pais: ["BR"] })), data(`${component}.transform`, { column: "pais" }, "different order")],
    [component, "wrong column count (Matrix)", () => (make().fit(numericCodes as never, y as never) as { transform(X: unknown): unknown }).transform([[1, 2, 3]]), data(`${component}.transform`, {}, "3 features")],
    [component, "text where numbers were at fit", () => (make().fit(Frame.fromColumns({ n: [1, 2, 1, 2, 1, 2] }) as never, y as never) as { transform(X: unknown): unknown }).transform(Frame.fromColumns({ n: ["1"] })), data(`${component}.transform`, { column: "n" }, "categorical but was numeric")],
    [component, "records mixing numbers and strings", () => make().fit([{ a: 1 }, { a: "x" }] as never, [0, 1] as never), data(`${component}.fit`, { column: "a", row: 1 }, "mixes numbers")],
    [component, "Infinity at fit", () => make().fit([[1], [Infinity], [1], [2], [1], [2]] as never, y as never), data(`${component}.fit`, { column: "x0", row: 1 }, "Infinity")],
    [component, "Infinity at fitTransform", () => make().fitTransform([[1], [Infinity], [1], [2], [1], [2]] as never, y as never), data(`${component}.fitTransform`, { column: "x0", row: 1 }, "Infinity")],
    [component, "0 rows", () => make().fit(Frame.fromColumns({ pais: [] as string[] }) as never, [] as never), data(`${component}.fit`, {}, "0 rows")],
    [component, "0 columns", () => make().fit(new Matrix(new Float64Array(0), 6, 0) as never, y as never), data(`${component}.fit`, {}, "0 columns")],
    [component, "ragged nested arrays", () => make().fit(ragged as never, [0, 1] as never), data(`${component}.fit`, { row: 1 }, "row 1 has 1 values")],
    [component, "transform before fit", () => make().transform(categories as never), notFitted(`${component}.transform`)],
  ];
}

const boxCox = () => new PowerTransformer({ method: "box-cox" });
const knn = () => new KNNImputer({ nNeighbors: 2 });
const targetEncoder = () => new TargetEncoder({ cv: 2 });
const mixed = Frame.fromColumns({ n: [1, 2, NaN, 4, 5, 6], c: ["BR", "PT", "BR", "PT", "BR", "PT"] });
const columnTransformer = () =>
  new ColumnTransformer({
    transformers: [
      ["numerical", new KNNImputer({ nNeighbors: 2 }), ["n"]],
      ["categorical", new OneHotEncoder(), ["c"]],
    ],
  });
const supervised = () => new Pipeline({ steps: [["encode", new TargetEncoder({ cv: 2 })], ["scale", new StandardScaler()]] });
const imputeAndScale = () => new Pipeline({ steps: [["impute", new SimpleImputer()], ["scale", new StandardScaler()]] });

const CASES: Case[] = [
  ...numericCases("StandardScaler", () => new StandardScaler()),
  ...scalerNaN("StandardScaler", () => new StandardScaler()),
  ...numericCases("MinMaxScaler", () => new MinMaxScaler()),
  ...scalerNaN("MinMaxScaler", () => new MinMaxScaler()),
  ...numericCases("RobustScaler", () => new RobustScaler()),
  ...scalerNaN("RobustScaler", () => new RobustScaler()),
  // Frame.fromCSV reads inf/Infinity and numbers beyond float64 (1e309) as ±Infinity, as pandas does: the column stays numeric and is refused here.
  ["StandardScaler", "inf read from CSV", () => new StandardScaler().fit(Frame.fromCSV("a,b\n1,2\ninf,3\n4,5\n")), data("StandardScaler.fit", { column: "a", row: 1 }, "value Infinity is not finite")],
  ["StandardScaler", "1e309 read from CSV at transform", () => new StandardScaler().fit(num).transform(Frame.fromCSV("a,b\n1,2\n3,-1e309\n")), data("StandardScaler.transform", { column: "b", row: 1 }, "-Infinity")],
  ["StandardScaler", "NaN at transform (kept, as scikit-learn)", () => new StandardScaler().fit(num).transform(Frame.fromColumns({ a: [NaN], b: [1] })), { ok: (out) => expect(hasNaN(out)).toBe(true) }],
  ["StandardScaler", "y of another length (ignored, as scikit-learn)", () => new StandardScaler().fit(num, [1, 2]), { ok: (out) => expect(out).toBeInstanceOf(StandardScaler) }],

  ...numericCases("PowerTransformer", () => new PowerTransformer()),
  ["PowerTransformer", "yeo-johnson on all-NaN input", () => new PowerTransformer().fit(allNaN), data("PowerTransformer.fit", { column: "a" }, "every value is NaN")],
  ["PowerTransformer", "yeo-johnson on an all-NaN column", () => new PowerTransformer().fit(nanColumn), data("PowerTransformer.fit", { column: "b" }, "every value is NaN")],
  ["PowerTransformer", "box-cox on zero at fit", () => boxCox().fit([[1], [0], [2]]), data("PowerTransformer.fit", { column: "x0", row: 1 }, "strictly positive")],
  ["PowerTransformer", "box-cox on a negative value at fit", () => boxCox().fit(Frame.fromColumns({ saldo: [3, 1, -2] })), data("PowerTransformer.fit", { column: "saldo", row: 2 }, "strictly positive")],
  ["PowerTransformer", "box-cox on zero at transform", () => boxCox().fit([[1], [2], [3]]).transform([[5], [0]]), data("PowerTransformer.transform", { column: "x0", row: 1 }, "strictly positive")],
  ["PowerTransformer", "box-cox on a negative value at transform", () => boxCox().fit([[1], [2], [3]]).transform([[-2]]), data("PowerTransformer.transform", { column: "x0", row: 0 }, "strictly positive")],
  ["PowerTransformer", "box-cox on a constant column", () => boxCox().fit([[2], [2], [2]]), data("PowerTransformer.fit", { column: "x0" }, "constant")],
  ["PowerTransformer", "box-cox on an all-NaN column", () => boxCox().fit([[NaN], [NaN]]), data("PowerTransformer.fit", { column: "x0" }, "every value is NaN")],

  ...numericCases("SimpleImputer", () => new SimpleImputer()).filter(([, input]) => !input.startsWith("Frame with a text column") && !input.startsWith("records")),
  ["SimpleImputer", "records with a string in a number column", () => new SimpleImputer().fit(records), data("SimpleImputer.fit", { column: "b", row: 1 }, "mixes numbers")],
  ["SimpleImputer", "mean of a text column", () => new SimpleImputer().fit(textColumn), data("SimpleImputer.fit", { column: "b" }, "categorical")],
  ["SimpleImputer", "text where numbers were at fit", () => new SimpleImputer().fit(num).transform(Frame.fromColumns({ a: [1], b: ["x"] })), data("SimpleImputer.transform", { column: "b" }, "categorical but was numeric")],
  ...imputerNaN("SimpleImputer", () => new SimpleImputer()),
  ["SimpleImputer", "all-NaN input with keepEmptyFeatures", () => new SimpleImputer({ keepEmptyFeatures: true }).fitTransform(allNaN), { ok: (out) => expect((out as Frame).nRows).toBe(3) }],
  ["SimpleImputer", "-Infinity read from CSV", () => new SimpleImputer().fit(Frame.fromCSV("a,b\n1,NA\n2,-Infinity\n")), data("SimpleImputer.fit", { column: "b", row: 1 }, "value -Infinity is not finite")],
  ["SimpleImputer", "NaN with a number as missingValues", () => new SimpleImputer({ missingValues: -1 }).fit(nanColumn), data("SimpleImputer.fit", { column: "b", row: 0 }, "found NaN")],

  ...numericCases("KNNImputer", knn),
  ...imputerNaN("KNNImputer", knn),

  ...numericCases("PolynomialFeatures", () => new PolynomialFeatures()).filter(([, input]) => input !== "0 columns"),
  ["PolynomialFeatures", "NaN (refused, as scikit-learn)", () => new PolynomialFeatures().fit(nanColumn), data("PolynomialFeatures.fit", { column: "b", row: 0 }, "NaN")],

  ...numericCases("FunctionTransformer", () => new FunctionTransformer({ func: "log1p" })).filter(([, input]) => !input.includes("Infinity") && !input.includes("text column")),
  ["FunctionTransformer", "Frame with a text column", () => new FunctionTransformer().fit(textColumn), data("FunctionTransformer.fit", { column: "b" }, "categorical")],
  ["FunctionTransformer", "Infinity at fit", () => new FunctionTransformer().fit([[1], [Infinity]]), data("FunctionTransformer.fit", { column: "x0", row: 1 }, "Infinity")],
  // Deviation: numpy returns NaN with a RuntimeWarning.
  ["FunctionTransformer", "log of a negative value", () => new FunctionTransformer({ func: "log" }).fitTransform(Frame.fromColumns({ saldo: [1, -1] })), data("FunctionTransformer.fitTransform", { column: "saldo", row: 1 }, 'function "log" returned NaN', "-1")],
  ["FunctionTransformer", "sqrt of a negative value at transform", () => new FunctionTransformer({ func: "sqrt" }).fit([[1]]).transform([[4], [-4]]), data("FunctionTransformer.transform", { column: "x0", row: 1 }, "returned NaN")],
  ["FunctionTransformer", "NaN in, NaN out (validate false)", () => new FunctionTransformer({ func: "log1p" }).fitTransform([[NaN], [1]]), { ok: (out) => expect(hasNaN(out)).toBe(true) }],
  ["FunctionTransformer", "NaN with validate", () => new FunctionTransformer({ validate: true }).fit([[1], [NaN]]), data("FunctionTransformer.fit", { column: "x0", row: 1 }, "NaN")],

  ...encoderCases("OneHotEncoder", () => new OneHotEncoder()),
  ["OneHotEncoder", 'unknown category, handleUnknown "error"', () => new OneHotEncoder().fit(categories).transform(newCountry), data("OneHotEncoder.transform", { column: "pais", row: 1 }, 'unknown category "Itália"', "handleUnknown")],
  ["OneHotEncoder", "unknown missing value", () => new OneHotEncoder().fit(categories).transform(Frame.fromColumns({ pais: ["BR", null], g: ["m", "f"] })), data("OneHotEncoder.transform", { column: "pais", row: 1 }, "missing value")],
  ["OneHotEncoder", "inverseTransform of NaN", () => new OneHotEncoder().fit([[1], [2]]).inverseTransform([[NaN, 1]]), data("OneHotEncoder.inverseTransform", { column: "x0", row: 0 }, "NaN")],
  ["OneHotEncoder", "inverseTransform of the wrong width", () => new OneHotEncoder().fit([[1], [2]]).inverseTransform([[1, 0, 0]]), data("OneHotEncoder.inverseTransform", {}, "3 columns")],

  ...encoderCases("OrdinalEncoder", () => new OrdinalEncoder()),
  ["OrdinalEncoder", 'unknown category, handleUnknown "error"', () => new OrdinalEncoder().fit(categories).transform(newCountry), data("OrdinalEncoder.transform", { column: "pais", row: 1 }, 'unknown category "Itália"')],
  ["OrdinalEncoder", "inverseTransform of an unknown code", () => new OrdinalEncoder().fit([[1], [2]]).inverseTransform([[0], [7]]), data("OrdinalEncoder.inverseTransform", { column: "x0", row: 1 }, "not a code")],

  ...encoderCases("TargetEncoder", targetEncoder).filter(([, input]) => !input.startsWith("records")),
  ["TargetEncoder", "unknown category (target mean, as scikit-learn)", () => targetEncoder().fit(categories, y).transform(newCountry), { ok: (out) => expect((out as Frame).numeric("pais")[1]).toBeCloseTo(0.5, 12) }],
  ["TargetEncoder", "y with NaN", () => targetEncoder().fit(categories, [0, 1, NaN, 1, 1, 0]), data("TargetEncoder.fit", { row: 2 }, "missing value")],
  ["TargetEncoder", "y with null", () => targetEncoder().fitTransform(categories, [0, 1, 0, null, 1, 0] as never), data("TargetEncoder.fitTransform", { row: 3 }, "missing value")],
  ["TargetEncoder", "y with a missing label (a hole)", () => targetEncoder().fit(categories, Object.assign(new Array<number>(6), [0, 1, 0, 1, 1])), data("TargetEncoder.fit", { row: 5 }, "missing value")],
  ["TargetEncoder", "y with Infinity", () => targetEncoder().fit(categories, [0.5, 1, Infinity, 1, 1, 0]), data("TargetEncoder.fit", { row: 2 }, "Infinity")],
  ["TargetEncoder", "y of another length", () => targetEncoder().fit(categories, [0, 1]), data("TargetEncoder.fit", {}, "y has 2 values but X has 6 rows")],
  ["TargetEncoder", "no y", () => targetEncoder().fit(categories, undefined as never), data("TargetEncoder.fit", {}, "y must be")],

  [
    "ColumnTransformer",
    'unknown category in the "categorical" entry',
    () => columnTransformer().fit(mixed).transform(Frame.fromColumns({ n: [1, 2], c: ["BR", "IT"] })),
    data("ColumnTransformer.transform", { column: "c", row: 1 }, 'entry "categorical" (OneHotEncoder.transform)', 'unknown category "IT"'),
  ],
  ["ColumnTransformer", "text in a numeric column at fit", () => columnTransformer().fit(Frame.fromColumns({ n: ["x", "y"], c: ["BR", "PT"] })), data("ColumnTransformer.fit", { column: "n" }, 'entry "numerical" (KNNImputer.fitTransform)', "categorical")],
  ["ColumnTransformer", "records with a string in a numeric column", () => columnTransformer().fit(mixed).transform([{ n: "x", c: "BR" }] as never), data("ColumnTransformer.transform", { column: "n" }, "categorical but was numeric")],
  ["ColumnTransformer", "Infinity at transform", () => columnTransformer().fit(mixed).transform(Frame.fromColumns({ n: [1, Infinity], c: ["BR", "PT"] })), data("ColumnTransformer.transform", { column: "n", row: 1 }, "Infinity")],
  ["ColumnTransformer", "missing column at transform", () => columnTransformer().fit(mixed).transform(Frame.fromColumns({ c: ["BR"] })), data("ColumnTransformer.transform", { column: "n" }, "missing")],
  ["ColumnTransformer", "renamed column at transform", () => columnTransformer().fit(mixed).transform(Frame.fromColumns({ N: [1], c: ["BR"] })), data("ColumnTransformer.transform", { column: "n" }, "missing")],
  // As scikit-learn: fitted on names, columns are found by name.
  ["ColumnTransformer", "reordered columns at transform", () => columnTransformer().fit(mixed).transform(Frame.fromColumns({ c: ["BR"], n: [1] })), { ok: (out) => expect((out as Frame).names).toEqual(["numerical__n", "categorical__c_BR", "categorical__c_PT"]) }],
  ["ColumnTransformer", "wrong column count (Matrix)", () => new ColumnTransformer({ transformers: [["scale", new StandardScaler(), [0, 1]]] }).fit(rows4).transform([[1, 2, 3]]), data("ColumnTransformer.transform", {}, "3 features")],
  ["ColumnTransformer", "an all-NaN column", () => columnTransformer().fit(Frame.fromColumns({ n: [NaN, NaN], c: ["BR", "PT"] })), data("ColumnTransformer.fit", { column: "n" }, 'entry "numerical" (KNNImputer.fitTransform)', "only missing values")],
  ["ColumnTransformer", "0 rows", () => columnTransformer().fit(Frame.fromColumns({ n: [], c: [] as string[] })), data("ColumnTransformer.fit", {}, "0 rows")],
  ["ColumnTransformer", "0 columns", () => columnTransformer().fit(noColumns), data("ColumnTransformer.fit", {}, "0 columns")],
  ["ColumnTransformer", "ragged nested arrays", () => columnTransformer().fit(ragged), data("ColumnTransformer.fit", { row: 1 }, "row 1 has 1 values")],
  ["ColumnTransformer", "y with NaN for a TargetEncoder entry", () => new ColumnTransformer({ transformers: [["te", targetEncoder(), ["c"]]] }).fit(mixed, [0, 1, NaN, 1, 0, 1]), data("ColumnTransformer.fit", { row: 2 }, 'entry "te" (TargetEncoder.fitTransform)', "missing value")],
  ["ColumnTransformer", "y of another length", () => new ColumnTransformer({ transformers: [["te", targetEncoder(), ["c"]]] }).fitTransform(mixed, [0, 1]), data("ColumnTransformer.fitTransform", {}, 'entry "te"', "y has 2 values")],
  ["ColumnTransformer", "transform before fit", () => columnTransformer().transform(mixed), notFitted("ColumnTransformer.transform")],

  ["Pipeline", "y with NaN for a TargetEncoder step", () => supervised().fit(categories, [0, 1, NaN, 1, 1, 0]), data("Pipeline.fit", { row: 2 }, 'step "encode" (TargetEncoder.fitTransform)', "missing value")],
  ["Pipeline", "y with null", () => supervised().fit(categories, [0, 1, 0, 1, null, 0] as never), data("Pipeline.fit", { row: 4 }, 'step "encode"', "missing value")],
  ["Pipeline", "y of another length", () => supervised().fit(categories, [0, 1]), data("Pipeline.fit", {}, 'step "encode"', "y has 2 values but X has 6 rows")],
  ["Pipeline", "missing column at transform", () => imputeAndScale().fit(num).transform(Frame.fromColumns({ a: [1] })), data("Pipeline.transform", { column: "b" }, 'step "impute" (SimpleImputer.transform)', "missing")],
  ["Pipeline", "Infinity at transform", () => imputeAndScale().fit(num).transform(Frame.fromColumns({ a: [1, Infinity], b: [1, 2] })), data("Pipeline.transform", { column: "a", row: 1 }, 'step "impute"', "Infinity")],
  ["Pipeline", "records with a string", () => imputeAndScale().fit(num).transform(records), data("Pipeline.transform", { column: "b", row: 1 }, 'step "impute"', "mixes numbers")],
  ["Pipeline", "all-NaN input", () => imputeAndScale().fit(allNaN), data("Pipeline.fit", { column: "a" }, 'step "impute" (SimpleImputer.fitTransform)', "only missing values")],
  ["Pipeline", "Infinity at fitTransform", () => imputeAndScale().fitTransform(Frame.fromColumns({ a: [1, Infinity], b: [1, 2] })), data("Pipeline.fitTransform", { column: "a", row: 1 }, 'step "impute" (SimpleImputer.fitTransform)', "Infinity")],
  ["Pipeline", "wrong column count (Matrix)", () => imputeAndScale().fit(rows4).transform([[1, 2, 3]]), data("Pipeline.transform", {}, 'step "impute"', "3 features")],
  ["Pipeline", "0 rows", () => imputeAndScale().fit(noRows), data("Pipeline.fit", {}, 'step "impute"', "0 rows")],
  ["Pipeline", "ragged nested arrays", () => imputeAndScale().fit(ragged), data("Pipeline.fit", { row: 1 }, 'step "impute"', "row 1 has 1 values")],
  [
    "Pipeline",
    "unknown category two levels down",
    () => new Pipeline({ steps: [["prepare", columnTransformer()], ["scale", new StandardScaler()]] }).fit(mixed).transform(Frame.fromColumns({ n: [1], c: ["IT"] })),
    data("Pipeline.transform", { column: "c", row: 0 }, 'step "prepare" (ColumnTransformer.transform): entry "categorical" (OneHotEncoder.transform)', 'unknown category "IT"'),
  ],
  ["Pipeline", "transform before fit", () => imputeAndScale().transform(num), notFitted("Pipeline.transform")],
];

function run(f: () => unknown): { out?: unknown; error?: unknown } {
  try {
    return { out: f() };
  } catch (error) {
    return { error };
  }
}

describe("bad input: component x input -> error", () => {
  it("has no duplicate cases", () => {
    const keys = CASES.map(([component, input]) => `${component} / ${input}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(CASES.map(([component, input, f, expected]) => ({ name: `${component}: ${input}`, f, expected })))("$name", ({ f, expected }) => {
    const { out, error } = run(f);
    if ("ok" in expected) {
      expect(error).toBeUndefined();
      expected.ok(out);
      return;
    }
    expect(error).toBeInstanceOf(expected.error);
    expect(isTabkitError(error, expected.code)).toBe(true);
    const e = error as TabkitError;
    expect(e.message.startsWith(`${expected.site}: `)).toBe(true);
    if (expected.column !== undefined) {
      expect(e.column).toBe(expected.column);
      expect(e.message).toContain(`"${expected.column}"`);
    }
    if (expected.row !== undefined) {
      expect(e.row).toBe(expected.row);
      expect(e.message).toContain(`row ${expected.row}`);
    }
    for (const fragment of expected.says ?? []) expect(e.message).toMatch(fragment);
  });
});
