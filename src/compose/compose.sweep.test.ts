/**
 * Randomized differential sweep: ColumnTransformer and Pipeline against scikit-learn on the random
 * frames and compositions of parity/gen_sweep_compose.py (test/fixtures/compose/sweeps/compose.json).
 * Each case's spec is built here the way the script builds it in Python; names must match exactly,
 * values within 1e-12 relative, and where scikit-learn raised tabkit must raise a DataError or a
 * ValidationError. Every fitted composition must also survive a JSON round trip bit for bit.
 */
import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, ValidationError } from "../core/errors.js";
import { Frame, type ColumnKind } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { MinMaxScaler } from "../preprocessing/min-max-scaler.js";
import { OneHotEncoder } from "../preprocessing/one-hot-encoder.js";
import { OrdinalEncoder } from "../preprocessing/ordinal-encoder.js";
import { PolynomialFeatures } from "../preprocessing/polynomial-features.js";
import { SimpleImputer } from "../preprocessing/simple-imputer.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { ColumnTransformer, type ColumnTransformerEntry } from "./column-transformer.js";
import { Pipeline, type PipelineStep } from "./pipeline.js";
import type { Step } from "./steps.js";

type Spec =
  | "drop"
  | "passthrough"
  | { kind: "Pipeline"; steps: [string, Spec][] }
  | {
      kind: "ColumnTransformer";
      transformers: [string, Spec, string[] | number[]][];
      remainder: Spec;
      verboseFeatureNamesOut: boolean;
      transformerWeights: Record<string, number> | null;
    }
  | { kind: keyof typeof LEAVES; params: Record<string, unknown> };

interface FixtureColumn {
  name: string;
  kind: ColumnKind;
  values: (number | string | null)[];
}
interface Output {
  rows: number;
  kinds: ColumnKind[];
  /** The numeric columns, row-major rows x (number of numeric kinds). */
  numeric: Float64Array;
  text: Record<string, (string | null)[]>;
}
interface PyError {
  class: string;
  message: string;
}
interface Case {
  index: number;
  spec: Spec;
  train: FixtureColumn[];
  test: FixtureColumn[];
  testVariant: "same" | "reordered" | "extra" | "missing";
  expected: {
    fitTransform?: Output;
    fitError?: PyError;
    namesOut?: string[];
    namesError?: PyError;
    transform?: Output;
    transformError?: PyError;
  };
}

const LEAVES = { StandardScaler, MinMaxScaler, SimpleImputer, OneHotEncoder, OrdinalEncoder, PolynomialFeatures } as const;
const ABBREVIATIONS: Record<string, string> = {
  StandardScaler: "Std",
  MinMaxScaler: "MinMax",
  SimpleImputer: "Imp",
  OneHotEncoder: "OHE",
  OrdinalEncoder: "Ord",
  PolynomialFeatures: "Poly",
};

const fixture = readFixture<{ seed: number; cases: Case[] }>("compose/sweeps/compose.json");

function build(spec: Spec): Step | "drop" | "passthrough" {
  if (typeof spec === "string") return spec;
  if (spec.kind === "Pipeline") return new Pipeline({ steps: spec.steps.map(([name, step]) => [name, build(step)] as PipelineStep) });
  if (spec.kind === "ColumnTransformer") {
    const remainder = build(spec.remainder);
    return new ColumnTransformer({
      transformers: spec.transformers.map(([name, t, columns]) => [name, build(t), columns] as ColumnTransformerEntry),
      remainder: remainder as ColumnTransformer["params"]["remainder"],
      verboseFeatureNamesOut: spec.verboseFeatureNamesOut,
      transformerWeights: spec.transformerWeights,
    });
  }
  // The generator writes NaN (scikit-learn's default) for OrdinalEncoder's encodedMissingValue as null.
  const params = Object.fromEntries(Object.entries(spec.params).map(([key, value]) => [key, key === "encodedMissingValue" && value === null ? NaN : value]));
  return new LEAVES[spec.kind](params as never) as unknown as Step;
}

function summary(spec: Spec): string {
  if (typeof spec === "string") return spec;
  if (spec.kind === "Pipeline") return `Pipe(${spec.steps.map(([name, step]) => `${name}=${summary(step)}`).join(", ")})`;
  if (spec.kind === "ColumnTransformer") {
    const entries = spec.transformers.map(([name, t, columns]) => `${name}:${summary(t)}@${JSON.stringify(columns)}`).join("; ");
    const weights = spec.transformerWeights === null ? "" : ` w=${JSON.stringify(spec.transformerWeights)}`;
    return `CT[${entries}] rem=${summary(spec.remainder)}${spec.verboseFeatureNamesOut ? "" : " terse"}${weights}`;
  }
  const params = Object.keys(spec.params).length === 0 ? "" : JSON.stringify(spec.params);
  return `${ABBREVIATIONS[spec.kind]}${params}`;
}

function frameOf(columns: FixtureColumn[]): Frame {
  return Frame.fromColumns(Object.fromEntries(columns.map((c) => [c.name, c.values])), { kinds: Object.fromEntries(columns.map((c) => [c.name, c.kind])) });
}

/** The composition's output as a Frame (tabkit returns a Frame for a Frame; a Matrix would fail the kind check). */
function asFrame(out: Frame | Matrix): Frame {
  expect(out).toBeInstanceOf(Frame);
  return out as Frame;
}

/** Compares an output with scikit-learn's: same column kinds, text exactly, numbers within 1e-12. */
function expectOutput(out: Frame, expected: Output, what: string): void {
  expect([out.nRows, out.nCols], `${what}: shape`).toEqual([expected.rows, expected.kinds.length]);
  expect(
    out.names.map((name) => out.kindOf(name)),
    `${what}: column kinds`,
  ).toEqual(expected.kinds);
  const numeric = out.names.filter((name) => out.kindOf(name) === "numeric");
  const got = new Float64Array(out.nRows * numeric.length);
  numeric.forEach((name, k) => out.numeric(name).forEach((v, i) => (got[i * numeric.length + k] = v)));
  expectClose(got, expected.numeric, 1e-12, `${what}: numeric columns`);
  out.names.forEach((name, j) => {
    if (expected.kinds[j] === "categorical") expect(out.column(name), `${what}: text column ${j}`).toEqual(expected.text[String(j)]);
  });
}

const bytes = (column: Float64Array): Uint8Array => new Uint8Array(column.buffer, column.byteOffset, column.byteLength);

/** Bit-identical outputs: same names, kinds, numeric bits (NaN included) and text. */
function expectIdentical(actual: Frame, expected: Frame, what: string): void {
  expect(actual.names, what).toEqual(expected.names);
  for (const name of expected.names) {
    const want = expected.column(name);
    const got = actual.column(name);
    if (want instanceof Float64Array) {
      expect(got).toBeInstanceOf(Float64Array);
      expect(bytes(got as Float64Array), `${what}: column ${name}`).toEqual(bytes(want));
    } else expect(got, `${what}: column ${name}`).toEqual(want);
  }
}

/** Fails the test unless `error` is a DataError or a ValidationError (where scikit-learn raised `why`). */
function expectTabkitRefusal(error: unknown, why: PyError): Error {
  if (error instanceof DataError || error instanceof ValidationError) return error;
  throw new Error(`expected a DataError or ValidationError like scikit-learn's ${why.class}: ${why.message}; got ${String(error)}`, { cause: error });
}

/** What `action` throws, which must be a DataError or a ValidationError. */
function expectRefusal(action: () => unknown, why: PyError): Error {
  try {
    action();
  } catch (error) {
    return expectTabkitRefusal(error, why);
  }
  throw new Error(`nothing thrown where scikit-learn raised ${why.class}: ${why.message}`);
}

type Composite = ColumnTransformer | Pipeline;

describe(`ColumnTransformer / Pipeline randomized sweep against scikit-learn (seed ${fixture.seed})`, () => {
  it("has the cases", () => expect(fixture.cases.length).toBeGreaterThanOrEqual(60));

  it.each(fixture.cases.map((c) => [`#${c.index} ${summary(c.spec)} | test ${c.testVariant}`, c] as const))("%s", (_name, c) => {
    const train = frameOf(c.train);
    const test = frameOf(c.test);
    const { expected } = c;

    if (expected.fitError !== undefined) {
      if (expected.fitError.class === "TypeError" && /^can't multiply sequence by non-int/.test(expected.fitError.message)) {
        // scikit-learn multiplies a weighted entry's text output and fails; tabkit weights numeric
        // columns only and keeps text as it is (ColumnTransformerParams.transformerWeights:
        // "Multiplies each named transformer's numeric output"). Later entries may still refuse the data.
        try {
          (build(c.spec) as Composite).fitTransform(train);
        } catch (error) {
          expectTabkitRefusal(error, expected.fitError);
        }
        return;
      }
      // scikit-learn checks params at fit; tabkit's constructor may refuse them first.
      expectRefusal(() => (build(c.spec) as Composite).fitTransform(train), expected.fitError);
      return;
    }
    // scikit-learn fits whatever the names; get_feature_names_out then refuses repeated names
    // (ColumnTransformer with verbose_feature_names_out=False) or lists them twice (PolynomialFeatures
    // multiplying "a" by "b" next to an input column "a b"). tabkit refuses such a fit, since a Frame
    // holds one column per name (docs/conventions.md, "Data": an output that would repeat a name "is
    // refused at fit").
    const repeated = expected.namesOut !== undefined && new Set(expected.namesOut).size < expected.namesOut.length;
    if (expected.namesError !== undefined || repeated) {
      const why = expected.namesError ?? { class: "(repeated names)", message: JSON.stringify(expected.namesOut) };
      if (expected.namesError !== undefined) expect(expected.namesError.message).toMatch(/are not unique/);
      const error = expectRefusal(() => (build(c.spec) as Composite).fitTransform(train), why);
      expect(error.message).toMatch(/appears more than once|comes from both/);
      return;
    }

    const model = build(c.spec) as Composite;
    const fitted = asFrame(model.fitTransform(train));
    expect(fitted.names).toEqual(expected.namesOut);
    expect(model.featureNamesOut()).toEqual(expected.namesOut);
    expectOutput(fitted, expected.fitTransform!, "fitTransform");
    expectOutput(asFrame(model.transform(train)), expected.fitTransform!, "transform of the training frame");

    let transformed: Frame | undefined;
    if (expected.transformError !== undefined) {
      expectRefusal(() => model.transform(test), expected.transformError);
    } else {
      transformed = asFrame(model.transform(test));
      expect(transformed.names).toEqual(expected.namesOut);
      expectOutput(transformed, expected.transform!, "transform");
    }

    const loaded = loadModel<Composite>(JSON.stringify(model.toJSON()));
    expect(loaded.featureNamesOut()).toEqual(model.featureNamesOut());
    const probe = transformed === undefined ? train : test;
    expectIdentical(asFrame(loaded.transform(probe)), transformed ?? asFrame(model.transform(train)), "loaded model's transform");
  });
});
