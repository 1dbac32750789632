import { afterAll, describe, expect, it } from "vitest";
import { blankedBankFrame, type BlankedSource } from "../../test/helpers/bank-churn-missing.js";
import { ParityTally, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, NotFittedError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { MinMaxScaler, type MinMaxScalerParams } from "./min-max-scaler.js";
import { normalQuantile } from "./normal-quantile.js";
import { RobustScaler, type RobustScalerParams } from "./robust-scaler.js";

type Attrs = Record<string, number[] | null>;
interface Fit {
  params: Record<string, unknown>;
  featureNamesOut: string[];
  transform: Float64Array;
  inverse: Float64Array;
}
interface EdgeFit extends Fit {
  name: string;
  input: string;
  X?: Float64Array;
  XNew?: Float64Array;
  names?: string[] | null;
  cols?: number;
}
interface Section {
  bank: { train: BlankedSource; new: BlankedSource; fits: (Fit & { complete?: boolean })[] };
  edge: EdgeFit[];
  allNaN: Fit & { X: Float64Array };
}
const fixture = readFixture<{ minMax: Section; robust: Section }>("preprocessing/min-max-robust-scalers.json");
const TOL = 1e-12;
const worst = new Map<string, ParityTally>();

function compare(got: ArrayLike<number> | null, want: ArrayLike<number> | null, component: string, what: string): void {
  if (want === null) {
    expect(got, what).toBeNull();
    return;
  }
  expect(got, what).not.toBeNull();
  const tally = worst.get(component) ?? new ParityTally();
  worst.set(component, tally);
  tally.compare(got!, want, TOL, what);
}

const dense = (out: Frame | Matrix) => (out instanceof Matrix ? out.data : out.toMatrix().data);

type Scaler = MinMaxScaler | RobustScaler;
const COMPONENTS: { name: "minMax" | "robust"; make: (params: Record<string, unknown>) => Scaler; attributes: (s: Scaler) => Attrs }[] = [
  {
    name: "minMax",
    make: (params) => new MinMaxScaler(params as Partial<MinMaxScalerParams>),
    attributes: (s) => {
      const m = s as MinMaxScaler;
      return { dataMin: [...m.dataMin], dataMax: [...m.dataMax], dataRange: [...m.dataRange], scale: [...m.scale], min: [...m.min] };
    },
  },
  {
    name: "robust",
    make: (params) => new RobustScaler(params as Partial<RobustScalerParams>),
    attributes: (s) => {
      const r = s as RobustScaler;
      return { center: r.center === null ? null : [...r.center], scale: r.scale === null ? null : [...r.scale] };
    },
  },
];

function check(component: (typeof COMPONENTS)[number], scaler: Scaler, expected: Fit, XNew: Frame | Matrix, label: string): void {
  const attributes = component.attributes(scaler);
  const stored = expected as unknown as Attrs;
  for (const [key, value] of Object.entries(attributes)) compare(value, stored[key], component.name, `${label} ${key}`);
  expect(scaler.featureNamesOut()).toEqual(expected.featureNamesOut);
  const out = scaler.transform(XNew);
  compare(dense(out), expected.transform, component.name, `${label} transform`);
  compare(dense(scaler.inverseTransform(out)), expected.inverse, component.name, `${label} inverse`);
}

for (const component of COMPONENTS) {
  const section = fixture[component.name];
  const kind = component.name === "minMax" ? "MinMaxScaler" : "RobustScaler";
  describe(`${kind} parity with scikit-learn 1.9.1`, () => {
    const train = blankedBankFrame(section.bank.train);
    const fresh = blankedBankFrame(section.bank.new);
    const complete = blankedBankFrame({ ...section.bank.train, blankRows: {} });
    it.each(section.bank.fits.map((f) => ({ ...f, label: `bank ${JSON.stringify(f.params)}${f.complete ? " complete" : ""}` })))("$label", (expected) => {
      const scaler = component.make(expected.params).fit(expected.complete ? complete : train);
      check(component, scaler, expected, fresh, expected.label);
    });

    const inputs = new Map<string, EdgeFit>();
    for (const e of section.edge) if (e.X !== undefined) inputs.set(e.input, e);
    it.each(section.edge)("edge: $name", (expected) => {
      const source = inputs.get(expected.input)!;
      const cols = source.cols!;
      const matrix = (X: Float64Array) => new Matrix(X, X.length / cols, cols, source.names ?? undefined);
      const scaler = component.make(expected.params).fit(matrix(source.X!));
      check(component, scaler, expected, matrix(source.XNew!), `edge ${expected.name}`);
    });

    it("all-NaN column: scikit-learn returns NaN statistics with a warning; tabkit refuses the column", () => {
      expect(Number.isNaN(section.allNaN.transform[0])).toBe(true);
      expect(() => component.make({}).fit(new Matrix(section.allNaN.X, 3, 2))).toThrow(
        `${kind}.fit: column "x0" has no values to scale (every value is NaN); drop the column or impute it first`,
      );
    });
  });
}

afterAll(() => {
  for (const [name, s] of worst) {
    console.log(`${name} parity: ${s}`);
  }
});

describe("scalers: behaviour and bad input", () => {
  const X = Frame.fromColumns({ idade: [30, 40, 50, NaN], saldo: [0, 100.5, NaN, 3] });

  it("RobustScaler centers a column of zeros, -0 among them, on +0 as scikit-learn", () => {
    // scikit-learn 1.9.1: center_ of [[-0], [-0], [-0]], of [[-0]] * 4 and of 3000 x -0 with 1096 x 0 is 0.0
    for (const column of [[-0, -0, -0], [-0, -0, -0, -0], Array.from({ length: 4096 }, (_, i) => (i < 3000 ? -0 : 0))]) {
      const center = new RobustScaler().fit(Frame.fromColumns({ v: Float64Array.from(column) })).center!;
      expect(Object.is(center[0], 0)).toBe(true);
    }
  });

  it("normalQuantile matches scipy's ndtri", () => {
    expect(normalQuantile(0.75)).toBe(0.6744897501960817);
    expect(normalQuantile(0.975)).toBe(1.959963984540054);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 14);
    expect(normalQuantile(0)).toBe(-Infinity);
  });

  it.each([
    ["MinMaxScaler", () => new MinMaxScaler({ featureRange: [-1, 1], clip: true })],
    ["RobustScaler", () => new RobustScaler({ quantileRange: [10, 90], unitVariance: true })],
  ] as const)("%s: Frame in, Frame out; JSON round trip; errors name class, method, column and row", (kind, make) => {
    const scaler = make().fit(X);
    const out = scaler.transform(X) as Frame;
    expect(out.names).toEqual(["idade", "saldo"]);
    expect(Number.isNaN(out.numeric("idade")[3])).toBe(true);
    const loaded = loadModel<Scaler>(JSON.parse(JSON.stringify(scaler.toJSON())));
    expect(dense(loaded.transform(X))).toEqual(dense(out));
    expect(() => scaler.transform(X.select(["idade"]))).toThrow(`${kind}.transform: column(s) "saldo" seen at fit are missing from the input`);
    expect(() => scaler.transform(Frame.fromColumns({ idade: [1], balance: [2] }))).toThrow(/"saldo" seen at fit are missing/);
    expect(() => make().fit([[1, Infinity]])).toThrow(`${kind}.fit: value Infinity is not allowed (column "x1", row 0)`);
    const text = Frame.fromColumns({ idade: [30, 40], saldo: ["1", "abc"] }, { kinds: { saldo: "categorical" } });
    expect(() => scaler.transform(text)).toThrow(`${kind}.transform: column is categorical; this estimator needs numbers (encode it first, e.g. with OneHotEncoder) (column "saldo")`);
    expect(() => make().fit([[1, 2], [3, "x" as unknown as number]])).toThrow(/value "x" in column "x1" \(row 1\) is not a number/);
    const unnamed = make().fit([[1, 2], [3, 4]]);
    expect(() => unnamed.transform([[1, 2, 3]])).toThrow(`${kind}.transform: X has 3 features, but this estimator was fitted with 2`);
    expect(() => make().withParams({}).transform([[1]])).toThrow(NotFittedError);
    expect(() => make().fit([])).toThrow(DataError);
  });

  it("validates params", () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 1] })).toThrow(ValidationError);
    expect(() => new MinMaxScaler({ featureRange: [0] as unknown as [number, number] })).toThrow(ValidationError);
    expect(() => new RobustScaler({ quantileRange: [80, 20] })).toThrow(ValidationError);
    expect(() => new RobustScaler({ quantileRange: [-1, 20] })).toThrow(ValidationError);
  });

  it("finds each column's range wherever its extremes sit, NaN ignored, a zero bound signed as the column's first zero", () => {
    // lengths around the groups of four the range is scanned in, extremes at every position
    for (const n of [1, 2, 3, 4, 5, 7, 8, 9]) {
      for (let at = 0; at < n; at++) {
        const values = Array.from({ length: n }, (_, i) => (i === at ? -50 : i === n - 1 - at ? 70 : (i % 3) - 1));
        if (n > 2) values[(at + 1) % n] = NaN;
        const present = values.filter((v) => !Number.isNaN(v));
        const scaler = new MinMaxScaler().fit(values.map((v) => [v]));
        expect([scaler.dataMin[0], scaler.dataMax[0]]).toEqual([Math.min(...present), Math.max(...present)]);
      }
    }
    // lengths around the blocks of 4096 it is scanned in, extremes next to their edges
    const range = (values: number[]) => {
      const scaler = new MinMaxScaler().fit(new Matrix(Float64Array.from(values), values.length, 1));
      return [scaler.dataMin[0], scaler.dataMax[0]];
    };
    for (const n of [4095, 4096, 4097, 8195]) {
      for (const at of [0, 4095, 4096, n - 1].filter((i) => i < n)) {
        const values = Array.from({ length: n }, (_, i) => (i % 5) - 2);
        values[at] = -50;
        values[n - 1 - at] = 70;
        expect(range(values), `n ${n}, at ${at}`).toEqual([-50, 70]);
      }
    }
    // a first block that is all NaN, and a last block of three values holding both extremes
    const afterNaN = Array.from({ length: 8195 }, (_, i) => (i < 4096 ? NaN : (i % 7) - 3));
    afterNaN[8193] = -9;
    afterNaN[8194] = 9;
    expect(range(afterNaN)).toEqual([-9, 9]);
    // the first zero's sign across blocks
    const zeros = (first: number, second: number) => Array.from({ length: 8195 }, (_, i) => (i === 5000 ? first : i === 6000 ? second : i + 1));
    expect(Object.is(range(zeros(-0, 0))[0], -0)).toBe(true);
    expect(Object.is(range(zeros(0, -0))[0], 0)).toBe(true);
    const signs = (column: number[]) => {
      const scaler = new MinMaxScaler().fit(column.map((v) => [v]));
      return [Object.is(scaler.dataMin[0], -0), Object.is(scaler.dataMax[0], -0)];
    };
    expect(signs([0, -0, 1, 2])).toEqual([false, false]);
    expect(signs([-0, 0, 1, 2])).toEqual([true, false]);
    expect(signs([0, 1, 2, 3, -0])).toEqual([false, false]);
    expect(signs([-1, -2, -0, -3, 0])).toEqual([false, true]);
  });

  it("clip keeps NaN and bounds new values", () => {
    const scaler = new MinMaxScaler({ clip: true }).fit([[0], [10]]);
    expect(Array.from((scaler.transform([[-5], [5], [15], [NaN]]) as Matrix).data)).toEqual([0, 0.5, 1, NaN]);
  });
});
