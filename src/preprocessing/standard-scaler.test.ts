import { afterAll, describe, expect, it } from "vitest";
import { blankedBankFrame, type BlankedSource } from "../../test/helpers/bank-churn-missing.js";
import { loadEdited } from "../../test/helpers/edited-model.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, isTabkitError, NotFittedError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { RandomState } from "../core/random-state.js";
import { loadModel } from "../load-model.js";
import { StandardScaler } from "./standard-scaler.js";

interface Fitted {
  params: { withMean: boolean; withStd: boolean };
  mean: number[] | null;
  var: number[] | null;
  scale: number[] | null;
  nSamplesSeen: number[];
  featureNamesOut: string[];
  transform: Float64Array;
  inverse: Float64Array;
}
interface WeightSpec {
  call: "uniform" | "randint";
  seed: number;
  args: [number, number, number];
  sum: number;
}
interface BankFit extends Fitted {
  weights: "float" | "integer" | null;
  complete?: boolean;
}
interface EdgeFit extends Fitted {
  name: string;
  X: Float64Array;
  XNew: Float64Array;
  names: string[] | null;
  sampleWeight: number[] | null;
}
interface ScalerFixture {
  bank: { train: BlankedSource; new: BlankedSource; weights: Record<"float" | "integer", WeightSpec>; fits: BankFit[] };
  edge: EdgeFit[];
  allNaN: { X: Float64Array; mean: number[]; var: number[]; scale: number[]; transform: Float64Array };
}

const TOL = 1e-12;
const fixture = readFixture<ScalerFixture>("preprocessing/standard-scaler.json");
const train = blankedBankFrame(fixture.bank.train);
const fresh = blankedBankFrame(fixture.bank.new);
const complete = blankedBankFrame({ ...fixture.bank.train, blankRows: {} });
const worst = new Map<string, number>();

function note(what: string, error: number): void {
  worst.set(what, Math.max(worst.get(what) ?? 0, error));
}

function weightsOf(spec: WeightSpec): Float64Array {
  const rs = new RandomState(spec.seed);
  const [low, high, size] = spec.args;
  const weights = spec.call === "uniform" ? rs.uniform(low, high, size) : Float64Array.from(rs.randintArray(low, high, size));
  let sum = 0;
  for (const w of weights) sum += w;
  expect(sum).toBeCloseTo(spec.sum, 6);
  return weights;
}

function dense(out: Frame | Matrix): Float64Array {
  return out instanceof Matrix ? out.data : out.toMatrix().data;
}

/**
 * Checks fitted attributes and outputs against scikit-learn: bit for bit without weights (the sums
 * follow numpy's order), within 1e-12 with them (scikit-learn sums weights by matrix products).
 */
function checkFit(scaler: StandardScaler, expected: Fitted, XNew: Frame | Matrix, label: string, weighted: boolean): void {
  const tol = weighted ? TOL : 0;
  const attribute = (name: string, got: Float64Array | null, want: number[] | null) => {
    if (want === null) expect(got, `${label} ${name}`).toBeNull();
    else note(`${label} ${name}`, expectClose(got!, want, tol, `${label} ${name}`));
  };
  attribute("mean", scaler.mean, expected.mean);
  attribute("var", scaler.variance, expected.var);
  attribute("scale", scaler.scale, expected.scale);
  note(`${label} n_samples_seen`, expectClose(scaler.samplesSeen, expected.nSamplesSeen, tol, `${label} n_samples_seen`));
  expect(scaler.featureNamesOut()).toEqual(expected.featureNamesOut);
  const out = scaler.transform(XNew);
  note(`${label} transform`, expectClose(dense(out), expected.transform, tol, `${label} transform`));
  const back = scaler.inverseTransform(out);
  note(`${label} inverse`, expectClose(dense(back), expected.inverse, tol, `${label} inverse`));
}

describe("StandardScaler parity with scikit-learn 1.9.1", () => {
  it.each(fixture.bank.fits.map((f) => ({ ...f, label: `bank ${JSON.stringify(f.params)} weights=${f.weights}${f.complete ? " complete" : ""}` })))(
    "$label",
    (expected) => {
      const weights = expected.weights === null ? undefined : weightsOf(fixture.bank.weights[expected.weights]);
      const scaler = new StandardScaler(expected.params).fit(expected.complete ? complete : train, undefined, { sampleWeight: weights });
      checkFit(scaler, expected, fresh, expected.label, weights !== undefined);
    },
  );

  it.each(fixture.edge)("edge: $name", (expected) => {
    const cols = expected.featureNamesOut.length;
    const matrix = (X: Float64Array) => new Matrix(X, X.length / cols, cols, expected.names ?? undefined);
    const scaler = new StandardScaler(expected.params).fit(matrix(expected.X), undefined, { sampleWeight: expected.sampleWeight ?? undefined });
    checkFit(scaler, expected, matrix(expected.XNew), `edge ${expected.name}`, expected.sampleWeight !== null);
  });

  it("all-NaN column: scikit-learn returns NaN statistics with a warning; tabkit refuses the column", () => {
    const { X, mean, scale, transform } = fixture.allNaN;
    expect(Number.isNaN(mean[0]) && Number.isNaN(scale[0]) && Number.isNaN(transform[0])).toBe(true);
    expect(() => new StandardScaler().fit(new Matrix(X, 3, 2))).toThrow(
      'StandardScaler.fit: column "x0" has no values to scale (every value is NaN); drop the column or impute it first',
    );
  });

  afterAll(() => {
    if (process.env.TABKIT_PARITY_REPORT === "1") console.log(Object.fromEntries(worst));
  });
});

describe("StandardScaler behaviour", () => {
  const X = Frame.fromColumns({ a: [1, 2, NaN, 4], b: [10, 10, 10, 10], c: [-1, 0.5, 3, 8] });

  it("keeps Frames as Frames and arrays as unnamed matrices", () => {
    const scaler = new StandardScaler().fit(X);
    const out = scaler.transform(X);
    expect(out).toBeInstanceOf(Frame);
    expect((out as Frame).names).toEqual(["a", "b", "c"]);
    expect(Number.isNaN((out as Frame).numeric("a")[2])).toBe(true);
    expect(Array.from((out as Frame).numeric("b"))).toEqual([0, 0, 0, 0]);
    const plain = new StandardScaler().fit([
      [1, 2],
      [3, 4],
    ]);
    const m = plain.transform([[1, 2]]) as Matrix;
    expect(m).toBeInstanceOf(Matrix);
    expect(m.featureNames).toBeUndefined();
    expect(plain.featureNamesOut()).toEqual(["x0", "x1"]);
  });

  it("never mutates or aliases its input", () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const input = new Matrix(data, 3, 2);
    const scaler = new StandardScaler().fit(input);
    const out = scaler.transform(input) as Matrix;
    expect(Array.from(data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.data).not.toBe(data);
    const means = scaler.mean!;
    means[0] = 99;
    expect(scaler.mean![0]).toBe(3);
  });

  it("round-trips through JSON bit for bit, for every combination of withMean/withStd", () => {
    for (const withMean of [true, false]) {
      for (const withStd of [true, false]) {
        const scaler = new StandardScaler({ withMean, withStd }).fit(X);
        const loaded = loadModel<StandardScaler>(JSON.parse(JSON.stringify(scaler.toJSON())));
        expect(loaded).toBeInstanceOf(StandardScaler);
        expect(dense(loaded.transform(X))).toEqual(dense(scaler.transform(X)));
        expect(loaded.mean).toEqual(scaler.mean);
        expect(loaded.scale).toEqual(scaler.scale);
      }
    }
  });

  it("refuses stored state that disagrees with the params", () => {
    const json = new StandardScaler().fit(X).toJSON();
    const state = json.state as Record<string, unknown>;
    expect(() => loadModel({ ...json, params: { withMean: true, withStd: false } })).toThrow(/variance does not match withStd|scale does not match withStd|checksum/);
    expect(() => loadModel({ ...json, state: { ...state, mean: null } })).toThrow(/mean|checksum/);
  });

  it("a failed fit keeps the previous state", () => {
    const scaler = new StandardScaler().fit(X);
    const before = scaler.mean;
    expect(() => scaler.fit([[1, Infinity]])).toThrow(DataError);
    expect(scaler.mean).toEqual(before);
  });
});

describe("StandardScaler bad input", () => {
  const X = Frame.fromColumns({ idade: [30, 40, 50], saldo: [0, 100.5, NaN] });
  const scaler = new StandardScaler().fit(X);

  it("names the class, method, column and row", () => {
    const text = Frame.fromColumns({ idade: [30, 40], saldo: ["1", "abc"] }, { kinds: { saldo: "categorical" } });
    expect(() => scaler.transform(text)).toThrow('StandardScaler.transform: column is categorical; this estimator needs numbers (encode it first, e.g. with OneHotEncoder) (column "saldo")');
    expect(() => new StandardScaler().fit([[1, Infinity]])).toThrow('StandardScaler.fit: value Infinity is not allowed (column "x1", row 0)');
    expect(() => scaler.transform(Frame.fromColumns({ idade: [1], saldo: [-Infinity] }))).toThrow(/value -Infinity is not finite \(column "saldo", row 0\)/);
    expect(() => new StandardScaler().fit([[1, 2], [3, "x" as unknown as number]])).toThrow(/value "x" in column "x1" \(row 1\) is not a number/);
  });

  it("rejects missing, renamed, extra and reordered columns and a wrong column count", () => {
    expect(() => scaler.transform(X.select(["idade"]))).toThrow('StandardScaler.transform: column(s) "saldo" seen at fit are missing from the input');
    expect(() => scaler.transform(Frame.fromColumns({ idade: [1], balance: [2] }))).toThrow(/"saldo" seen at fit are missing/);
    expect(() => scaler.transform(X.withColumn("extra", [1, 2, 3]))).toThrow(/column\(s\) "extra" were not seen at fit/);
    expect(() => scaler.transform(X.select(["saldo", "idade"]))).toThrow(/different order than at fit/);
    const unnamed = new StandardScaler().fit([[1, 2], [3, 4]]);
    expect(() => unnamed.transform([[1, 2, 3]])).toThrow("StandardScaler.transform: X has 3 features, but this estimator was fitted with 2");
  });

  it("refuses empty input, all-NaN columns and useless weights", () => {
    expect(() => new StandardScaler().fit([])).toThrow(/found 0 rows/);
    expect(() => new StandardScaler().fit(new Matrix(new Float64Array(0), 0, 2))).toThrow(/found 0 rows/);
    expect(() => new StandardScaler().fit([[NaN], [NaN]])).toThrow(/column "x0" has no values to scale/);
    expect(() => new StandardScaler().fit([[1], [2]], undefined, { sampleWeight: [0, 0] })).toThrow("StandardScaler.fit: sampleWeight must contain at least one non-zero weight");
    expect(() => new StandardScaler().fit([[1, NaN], [2, 3]], undefined, { sampleWeight: [1, 0] })).toThrow(/no row with a non-zero weight has a value/);
    expect(() => new StandardScaler().fit([[1], [2]], undefined, { sampleWeight: [1] })).toThrow(/sampleWeight has 1 values but X has 2 rows/);
    expect(() => new StandardScaler().fit([[1], [2]], undefined, { sampleWeight: [1, -1] })).toThrow(/row 1/);
  });

  it("throws NotFittedError before fit and ValidationError for bad params", () => {
    expect(() => new StandardScaler().transform([[1]])).toThrow(NotFittedError);
    expect(() => new StandardScaler().mean).toThrow(NotFittedError);
    try {
      new StandardScaler({ withMean: "yes" as unknown as boolean });
      expect.unreachable();
    } catch (error) {
      expect(isTabkitError(error, "VALIDATION_ERROR")).toBe(true);
    }
  });
});

describe("StandardScaler review fixes", () => {
  const model = () => new StandardScaler().fit(Frame.fromColumns({ a: [1, 2], b: [3, 5] }));

  it("refuses a saved schema with a text column or a repeated name", () => {
    expect(loadEdited(model(), ["schema", "kinds"], ["categorical", "numeric"])).toThrow(
      'loadModel: StandardScaler.state.schema.kinds[0] must be "numeric": this estimator takes numeric columns only',
    );
    expect(loadEdited(model(), ["schema", "names"], ["a", "a"])).toThrow('loadModel: StandardScaler.state.schema.names holds "a" twice');
  });

  it("says that unnamed input has no column names", () => {
    const message = 'the input has no column names, but this estimator was fitted on named columns ("a", "b")';
    expect(() => model().transform([[1, 2]])).toThrow(`StandardScaler.transform: ${message}`);
    expect(() => model().inverseTransform(new Matrix(new Float64Array([1, 2]), 1, 2))).toThrow(`StandardScaler.inverseTransform: ${message}`);
  });

  it("counts the values, not their weights, in samplesSeen when it keeps no statistic (as scikit-learn)", () => {
    // scikit-learn 1.9.1: StandardScaler(with_mean=False, with_std=False).fit([[1, 5], [nan, 6], [3, 7]], sample_weight=[0.5, 2, 0.25]).n_samples_seen_ == [2, 3]
    const X = [
      [1, 5],
      [NaN, 6],
      [3, 7],
    ];
    const sampleWeight = [0.5, 2, 0.25];
    expect(Array.from(new StandardScaler({ withMean: false, withStd: false }).fit(X, undefined, { sampleWeight }).samplesSeen)).toEqual([2, 3]);
    expect(Array.from(new StandardScaler({ withMean: false }).fit(X, undefined, { sampleWeight }).samplesSeen)).toEqual([0.75, 2.75]);
  });

  it("refuses a Frame with a repeated name instead of merging the columns", () => {
    expect(() => Frame.fromMatrix(new Matrix(new Float64Array([1, 20, 3, 40]), 2, 2, ["a", "a"]))).toThrow('the feature name "a" is given to columns 0 and 1');
  });
});
