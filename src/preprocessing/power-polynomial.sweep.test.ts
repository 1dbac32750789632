/**
 * Randomized differential sweep: PowerTransformer (Yeo-Johnson and Box-Cox) and PolynomialFeatures
 * against scikit-learn 1.9.1 / scipy 1.17.1 on the seeded random cases of
 * `parity/gen_sweep_power_polynomial.py` (test/fixtures/preprocessing/sweeps/power-polynomial.json).
 *
 * Tiers: lambdas within 1e-7 and power-transformed values (scaler statistics, fitTransform,
 * transform) within 1e-9, both |a − b| ≤ tol·max(1, |b|); the inverse at the tiers of
 * power-transformer.test.ts (1e-15 Yeo-Johnson, 1e-14 Box-Cox); PolynomialFeatures names, powers
 * and widths exact, values bit-identical for a maximum degree ≤ 2 and within 1e-12 above. Where
 * scikit-learn raised, tabkit must throw a DataError or ValidationError at the same stage. The
 * worst lambda difference (and how many lambdas are bit-identical) is printed, not asserted. Four
 * Yeo-Johnson columns are held to the documented tier instead (SVML_MISROUNDED below).
 */
import { afterAll, describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { PolynomialFeatures } from "./polynomial-features.js";
import { PowerTransformer, type PowerTransformerParams } from "./power-transformer.js";

interface SweepError {
  stage: "fit" | "transform";
  type: string;
  message: string;
}
interface PowerCase {
  index: number;
  label: string;
  params: PowerTransformerParams;
  names: string[] | null;
  cols: number;
  X: Float64Array;
  XNew: Float64Array;
  lambdas?: number[];
  scalerMean?: number[] | null;
  scalerVar?: number[] | null;
  scalerScale?: number[] | null;
  fitTransformHead?: Float64Array;
  transform?: Float64Array;
  inverse?: Float64Array;
  error?: SweepError;
  warnings?: string[];
}
interface PolyCase {
  index: number;
  label: string;
  params: { degree: number | [number, number]; interaction_only: boolean; include_bias: boolean };
  names: string[] | null;
  asFrame: boolean;
  cols: number;
  X: Float64Array;
  XNew: Float64Array;
  nOutput?: number;
  powers?: number[][];
  featureNamesOut?: string[];
  fitTransformHead?: Float64Array;
  transform?: Float64Array;
  error?: SweepError;
}
interface SweepFixture {
  seed: number;
  power: PowerCase[];
  polynomial: PolyCase[];
}

const fixture = readFixture<SweepFixture>("preprocessing/sweeps/power-polynomial.json");

const LAMBDA_TOL = 1e-7;
const VALUE_TOL = 1e-9;
/** power-transformer.test.ts's inverse tiers. */
const INVERSE_TOL = { "yeo-johnson": 1e-15, "box-cox": 1e-14 } as const;
const POLY_HIGH_DEGREE_TOL = 1e-12;

/** A row-major block as scikit-learn saw it: a C-ordered array (Matrix), or a DataFrame (Frame) when named. */
function powerInput(data: Float64Array, cols: number, names: string[] | null): Frame | Matrix {
  const rows = data.length / cols;
  if (names === null) return new Matrix(data.slice(), rows, cols);
  return frameOf(data, cols, names);
}

function frameOf(data: Float64Array, cols: number, names: readonly string[]): Frame {
  const rows = data.length / cols;
  const columns: Record<string, Float64Array> = {};
  names.forEach((name, j) => (columns[name] = Float64Array.from({ length: rows }, (_, i) => data[i * cols + j])));
  return Frame.fromColumns(columns);
}

function dense(out: Frame | Matrix): Float64Array {
  return out instanceof Matrix ? out.data : out.toMatrix().data;
}

/** Runs `action`, which must throw a tabkit DataError or ValidationError (scikit-learn raised `expected`). */
function expectRefused(action: () => unknown, expected: SweepError, label: string): void {
  let thrown: unknown = undefined;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${label}: scikit-learn raised ${expected.type} at ${expected.stage} ("${expected.message}"), tabkit did not throw`).toBeDefined();
  expect(thrown instanceof DataError || thrown instanceof ValidationError, `${label}: expected DataError/ValidationError, got ${String(thrown)}`).toBe(true);
}

/**
 * Yeo-Johnson columns held to PARITY.md's PowerTransformer tier (§4.3 and §15: outputs within 1e-6
 * relative; lambdas keep 1e-7) instead of 1e-9. On each, numpy's SVML `log1p` or `expm1` returns
 * a value one ulp from the correctly rounded one that tabkit's Yeo-Johnson takes on purpose
 * (docs/power-and-polynomial.md, "Parity": correctly rounded, "which reproduces numpy's values
 * wherever SVML is correctly rounded"; power-functions.ts's header). The likelihood is flat at
 * its maximum, so that ulp moves lambda by up to 2.8e-7 and the outputs by up to 1.1e-7. Traced
 * by replaying scipy's fminbound on both likelihoods: the first differing evaluation comes from
 * these values (checked against 60-digit references).
 */
const SVML_MISROUNDED = new Map<string, string>([
  ["13/0", "numpy's log1p(0.07480880665229053) = 0.07214279148473962, correctly rounded 0.07214279148473961"],
  ["46/0", "numpy's log1p(0.5338782003845776), log1p(0.6250788378812092) and expm1(-0.5367029968012433) are an ulp off"],
  ["78/1", "numpy's log1p(0.11941087453212978) and log1p(0.016650980485174344) are an ulp off"],
  ["96/3", "numpy's expm1(0.2950917743620455) = 0.34324962890742805, correctly rounded 0.3432496289074281"],
]);
const DOCUMENTED_TIER = 1e-6;

/** Worst errors per method and quantity (with the case), and the lambda tally (reported, not asserted). */
const worst = new Map<string, { error: number; where: string }>();
const lambdaTally = { "yeo-johnson": { compared: 0, identical: 0, worstAbs: 0, worstCase: "" }, "box-cox": { compared: 0, identical: 0, worstAbs: 0, worstCase: "" } };
const polyTally = { values: 0, identical: 0 };

function note(what: string, error: number, where: string): void {
  const seen = worst.get(what);
  if (seen === undefined || error > seen.error) worst.set(what, { error, where });
}

/** Column j of a row-major block of `cols` columns. */
function column(data: Float64Array, cols: number, j: number): Float64Array {
  return Float64Array.from({ length: data.length / cols }, (_, i) => data[i * cols + j]);
}

describe(`PowerTransformer randomized sweep against scikit-learn 1.9.1 / scipy 1.17.1 (seed ${fixture.seed})`, () => {
  it.each(fixture.power.map((c) => ({ ...c, name: `#${c.index} ${c.label}` })))("$name", (c) => {
    const { method } = c.params;
    const label = `#${c.index}`;
    const X = powerInput(c.X, c.cols, c.names);
    const XNew = powerInput(c.XNew, c.cols, c.names);
    if (c.error?.stage === "fit") {
      expectRefused(() => new PowerTransformer(c.params).fit(X), c.error, `${label} fit`);
      expectRefused(() => new PowerTransformer(c.params).fitTransform(X), c.error, `${label} fitTransform`);
      return;
    }
    const excluded = (j: number) => SVML_MISROUNDED.has(`${c.index}/${j}`);
    /**
     * Compares column by column; `values` marks the power-transformed values, which the excluded
     * columns hold to DOCUMENTED_TIER (their worst errors are kept apart).
     */
    const compare = (what: string, got: Float64Array, want: Float64Array | number[], tol: number, values = false) => {
      const wanted = Float64Array.from(want);
      for (let j = 0; j < c.cols; j++) {
        const documented = values && excluded(j);
        const error = expectClose(column(got, c.cols, j), column(wanted, c.cols, j), documented ? DOCUMENTED_TIER : tol, `${label} ${what} column ${j}`);
        note(`${method} ${what}${excluded(j) ? " (SVML-misrounded columns)" : ""}`, error, `#${c.index} column ${j}`);
      }
    };
    const pt = new PowerTransformer(c.params).fit(X);
    const lambdas = pt.lambdas;
    const tally = lambdaTally[method];
    for (let j = 0; j < lambdas.length; j++) {
      const diff = Math.abs(lambdas[j] - c.lambdas![j]);
      tally.compared++;
      if (Object.is(lambdas[j], c.lambdas![j])) tally.identical++;
      if (diff > tally.worstAbs) {
        tally.worstAbs = diff;
        tally.worstCase = `#${c.index} column ${j}: ${lambdas[j]} against ${c.lambdas![j]}`;
      }
    }
    compare("lambda", lambdas, c.lambdas!, LAMBDA_TOL);
    const stat = (name: string, got: Float64Array | null, want: number[] | null | undefined) => {
      if (want === null || want === undefined) expect(got, `${label} ${name}`).toBeNull();
      else compare("scaler statistics", got!, want, VALUE_TOL, true);
    };
    stat("scaler mean", pt.scalerMean, c.scalerMean);
    stat("scaler var", pt.scalerVariance, c.scalerVar);
    stat("scaler scale", pt.scalerScale, c.scalerScale);
    const fitted = dense(new PowerTransformer(c.params).fitTransform(X));
    const head = c.fitTransformHead!;
    compare("fitTransform", fitted.subarray(0, head.length), head, VALUE_TOL, true);
    if (c.error?.stage === "transform") {
      expectRefused(() => pt.transform(XNew), c.error, `${label} transform`);
      return;
    }
    const out = pt.transform(XNew);
    compare("transform", dense(out), c.transform!, VALUE_TOL, true);
    compare("inverse", dense(pt.inverseTransform(out)), c.inverse!, INVERSE_TOL[method]);
  });

  afterAll(() => {
    for (const [method, t] of Object.entries(lambdaTally)) {
      console.log(`PowerTransformer sweep ${method}: ${t.identical}/${t.compared} lambdas bit-identical to scipy's; worst |Δλ| = ${t.worstAbs}${t.worstCase ? ` (${t.worstCase})` : ""}`);
    }
    for (const [column, why] of SVML_MISROUNDED) console.log(`PowerTransformer sweep: #${column.replace("/", " column ")} held to ${DOCUMENTED_TIER} (${why})`);
    const table = Object.fromEntries([...worst].filter(([what]) => !what.startsWith("polynomial")).map(([what, { error, where }]) => [what, `${error} (${where})`]));
    console.log("PowerTransformer sweep worst errors (relative to max(1, |expected|)):", table);
  });
});

describe(`PolynomialFeatures randomized sweep against scikit-learn 1.9.1 (seed ${fixture.seed})`, () => {
  /** Bit-for-bit equality (-0 differs from 0); counts identical values. */
  function expectIdentical(actual: Float64Array, expected: Float64Array, what: string): void {
    expect(actual.length, what).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
      if (!Object.is(actual[i], expected[i])) throw new Error(`${what}[${i}]: got ${actual[i]}, expected ${expected[i]}`);
    }
  }

  function compare(actual: Float64Array, expected: Float64Array, maxDegree: number, what: string): void {
    polyTally.values += expected.length;
    for (let i = 0; i < Math.min(actual.length, expected.length); i++) if (Object.is(actual[i], expected[i])) polyTally.identical++;
    if (maxDegree <= 2) expectIdentical(actual, expected, what);
    else note("polynomial degree 3", expectClose(actual, expected, POLY_HIGH_DEGREE_TOL, what), what);
  }

  it.each(fixture.polynomial.map((c) => ({ ...c, name: `#${c.index} ${c.label}` })))("$name", (c) => {
    const label = `#${c.index}`;
    const { degree, interaction_only: interactionOnly, include_bias: includeBias } = c.params;
    const params = { degree: typeof degree === "number" ? degree : ([degree[0], degree[1]] as const), interactionOnly, includeBias };
    const input = (data: Float64Array): Frame | Matrix => {
      if (c.names !== null && c.asFrame) return frameOf(data, c.cols, c.names);
      return new Matrix(data.slice(), data.length / c.cols, c.cols, c.names ?? undefined);
    };
    const X = input(c.X);
    const XNew = input(c.XNew);
    if (c.error?.stage === "fit") {
      expectRefused(() => new PolynomialFeatures(params).fit(X), c.error, `${label} fit`);
      return;
    }
    const poly = new PolynomialFeatures(params);
    const fitted = dense(poly.fitTransform(X));
    expect(poly.nOutputFeatures, `${label} nOutput`).toBe(c.nOutput);
    expect(poly.powers, `${label} powers`).toEqual(c.powers);
    expect(poly.featureNamesOut(), `${label} names`).toEqual(c.featureNamesOut);
    const maxDegree = typeof degree === "number" ? degree : degree[1];
    const head = c.fitTransformHead!;
    compare(fitted.subarray(0, head.length), head, maxDegree, `${label} fitTransform`);
    if (c.error?.stage === "transform") {
      expectRefused(() => poly.transform(XNew), c.error, `${label} transform`);
      return;
    }
    compare(dense(poly.transform(XNew)), c.transform!, maxDegree, `${label} transform`);
  });

  afterAll(() => {
    console.log(`PolynomialFeatures sweep: ${polyTally.identical}/${polyTally.values} values bit-identical; worst degree-3 error ${worst.get("polynomial degree 3")?.error ?? 0}`);
  });
});
