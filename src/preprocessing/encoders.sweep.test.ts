/**
 * Randomized differential sweep: OneHotEncoder, OrdinalEncoder and TargetEncoder against
 * scikit-learn on the random tables and parameters of parity/gen_sweep_encoders.py
 * (test/fixtures/preprocessing/sweeps/encoders.json). Categories, codes, one-hot outputs and
 * names must match exactly, TargetEncoder's means, encodings and outputs within 1e-12 relative
 * (docs PARITY.md §15), and where scikit-learn raised, tabkit must raise a DataError or a
 * ValidationError.
 */
import { describe, expect, it } from "vitest";
import { categoryText, frameOf, frameTexts, type FixtureTable } from "../../test/helpers/fixture-tables.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DataError, ValidationError } from "../core/errors.js";
import { Frame, type FrameRecord } from "../core/frame.js";
import type { TableInput } from "../core/input.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { OneHotEncoder, type OneHotEncoderParams } from "./one-hot-encoder.js";
import { OrdinalEncoder, type OrdinalEncoderParams } from "./ordinal-encoder.js";
import { TargetEncoder, type TargetEncoderParams } from "./target-encoder.js";

const TOL = 1e-12;

type Value = string | number | null;
/** An exception scikit-learn raised (parity/fixture_io.py's `attempt`). */
interface Refusal {
  type: string;
  message: string;
}

interface BaseCase {
  index: number;
  tags: string[];
  form: "frame" | "records" | "rows";
  fit: FixtureTable;
  new: FixtureTable;
  fitError: Refusal | null;
  categories?: Value[][];
  featureNames?: string[];
  transformError?: Refusal | null;
}
interface OneHotCase extends BaseCase {
  encoder: "OneHotEncoder";
  params: Partial<OneHotEncoderParams>;
  infrequent?: (Value[] | null)[] | null;
  dropIdx?: (number | null)[] | null;
  fitOut?: number[];
  out?: number[] | null;
  inverseOf?: "fit" | "new";
  inverseError?: Refusal | null;
  inverse?: Value[][] | null;
}
interface OrdinalCase extends BaseCase {
  encoder: "OrdinalEncoder";
  params: Partial<OrdinalEncoderParams>;
  infrequent?: (Value[] | null)[] | null;
  fitOut?: number[];
  out?: number[] | null;
  inverseOf?: "fit" | "new";
  inverseError?: Refusal | null;
  inverse?: Value[][] | null;
}
interface TargetCase extends BaseCase {
  encoder: "TargetEncoder";
  params: Partial<TargetEncoderParams>;
  y: Label[];
  yKind: string;
  targetType?: string;
  classes?: Label[] | null;
  targetMean?: number[];
  encodings?: number[][];
  crossFit?: number[];
  out?: number[] | null;
}
type Case = OneHotCase | OrdinalCase | TargetCase;

const fixture = readFixture<{ seed: number; cases: Case[] }>("preprocessing/sweeps/encoders.json");

/** The table in the input form the case gives tabkit: a Frame, records, or number rows. */
function input(table: FixtureTable, form: Case["form"]): TableInput {
  if (form === "frame") return frameOf(table);
  const names = Object.keys(table);
  const n = names.length === 0 ? 0 : table[names[0]].values.length;
  if (form === "rows") return Array.from({ length: n }, (_, i) => names.map((name) => table[name].values[i] as number));
  return Array.from({ length: n }, (_, i): FrameRecord => Object.fromEntries(names.map((name) => [name, table[name].values[i]])));
}

function dense(out: Frame | Matrix): number[] {
  return Array.from(out instanceof Matrix ? out.data : out.toMatrix().data);
}

function nRows(table: FixtureTable): number {
  const first = Object.values(table)[0];
  return first === undefined ? 0 : first.values.length;
}

/** A number as the case name shows it (JSON has no NaN). */
function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? "-0" : v));
}

function title(c: Case): string {
  const { index, encoder, form, params } = c;
  const y = c.encoder === "TargetEncoder" ? ` y=${c.yKind}` : "";
  const raised = c.fitError ?? c.transformError ?? ("inverseError" in c ? c.inverseError : null) ?? null;
  const outcome = raised === null ? "" : ` | scikit-learn: ${said(raised).split("\n")[0].slice(0, 90)}`;
  return `#${index} ${encoder} ${form} ${nRows(c.fit)}x${Object.keys(c.fit).length}${y} ${show(params)}${outcome}`;
}

/** What scikit-learn raised, as Python prints it. */
function said({ type, message }: Refusal): string {
  return `${type}: ${message}`;
}

/** Runs `action`, which must throw a DataError or ValidationError since scikit-learn raised `refusal`. */
function expectRefusal(action: () => unknown, refusal: Refusal): Error {
  const theirs = said(refusal);
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error(`scikit-learn: ${theirs} | tabkit: nothing thrown`);
  if (!(error instanceof DataError || error instanceof ValidationError)) {
    throw new Error(`scikit-learn: ${theirs} | tabkit: ${String(error)} (not a DataError or ValidationError)`, { cause: error });
  }
  return error;
}

/** Runs `action`, which must not throw since scikit-learn did not. */
function expectAccepted<T>(action: () => T, what: string): T {
  try {
    return action();
  } catch (error) {
    throw new Error(`${what}: scikit-learn accepted it | tabkit: ${String(error)}`, { cause: error });
  }
}

/** scikit-learn's inverse_transform output (column-major, missing as null) as comparable text per column. */
function inverseTexts(names: string[], columns: Value[][]): Record<string, (string | null)[]> {
  return Object.fromEntries(names.map((name, j) => [name, columns[j].map(categoryText)]));
}

function namesOf(c: Case): string[] {
  return c.form === "rows" ? Object.keys(c.fit).map((_, j) => `x${j}`) : Object.keys(c.fit);
}

function oneHot(c: OneHotCase): void {
  let encoder!: OneHotEncoder;
  const fit = input(c.fit, c.form);
  if (c.fitError !== null) {
    expectRefusal(() => new OneHotEncoder(c.params).fitTransform(fit), c.fitError);
    return;
  }
  if (c.form !== "rows" && new Set(c.featureNames).size < c.featureNames!.length) {
    // The text "nan" and a missing value both print as "nan". docs/conventions.md, "Data": a
    // transformer fitted on named columns whose output would repeat a name (scikit-learn's
    // get_feature_names_out can) is refused at fit, naming the name and the columns that produce it.
    const error = expectRefusal(() => new OneHotEncoder(c.params).fitTransform(fit), { type: "(none)", message: `get_feature_names_out() repeats a name: ${show(c.featureNames)}` });
    expect(error.message).toMatch(/the output column name ".*" comes from both/);
    return;
  }
  const fitOut = expectAccepted(() => {
    encoder = new OneHotEncoder(c.params);
    return encoder.fitTransform(fit);
  }, "fitTransform");
  expect(encoder.categories, "categories_").toEqual(c.categories);
  expect(encoder.infrequentCategories, "infrequent_categories_").toEqual(c.infrequent ?? c.categories!.map(() => null));
  expect(encoder.dropIdx, "drop_idx_").toEqual(c.dropIdx ?? c.categories!.map(() => null));
  expect(encoder.featureNamesOut(), "get_feature_names_out()").toEqual(c.featureNames);
  expect(dense(fitOut), "fit_transform").toEqual(c.fitOut);
  const fresh = input(c.new, c.form);
  if (c.transformError) expectRefusal(() => encoder.transform(fresh), c.transformError);
  else expect(dense(expectAccepted(() => encoder.transform(fresh), "transform")), "transform").toEqual(c.out);

  const width = c.featureNames!.length;
  const source = c.inverseOf === "new" ? c.out! : c.fitOut!;
  const coded = new Matrix(Float64Array.from(source), nRows(c.inverseOf === "new" ? c.new : c.fit), width);
  if (c.inverseError) {
    if (width === 0) {
      // docs/encoders.md, OneHotEncoder "Deviations": inverseTransform accepts the n x 0 output of an
      // encoder whose every category is dropped (scikit-learn refuses 0 columns).
      expect(c.inverseError.message).toMatch(/0 feature\(s\)/);
      return;
    }
    expectRefusal(() => encoder.inverseTransform(coded), c.inverseError);
    return;
  }
  const back = expectAccepted(() => encoder.inverseTransform(coded), "inverseTransform");
  expect(frameTexts(back), "inverse_transform").toEqual(withDroppedLabels(c, coded, inverseTexts(namesOf(c), c.inverse!)));
}

/**
 * scikit-learn's inverse_transform with the dropped category where it gives another one: with
 * handleUnknown "ignore" (or a block left with no column) it maps an all-zero block to
 * `categories_[j][drop index after grouping]`, an index into the grouped slots used on the
 * ungrouped list, so with infrequent categories it names the wrong category. tabkit gives the
 * dropped category, as docs/encoders.md (OneHotEncoder) says: "an all-zero block gives the
 * dropped category".
 */
function withDroppedLabels(c: OneHotCase, coded: Matrix, expected: Record<string, (string | null)[]>): Record<string, (string | null)[]> {
  const names = namesOf(c);
  let offset = 0;
  c.categories!.forEach((list, j) => {
    const infrequent = c.infrequent?.[j] ?? null;
    const drop = c.dropIdx?.[j] ?? null;
    const slots = list.length - (infrequent === null ? 0 : infrequent.length - 1);
    const width = slots - (drop === null ? 0 : 1);
    if (infrequent !== null && drop !== null && (c.params.handleUnknown === "ignore" || width === 0)) {
      const dropped = infrequent.some((v) => categoryText(v) === categoryText(list[drop])) ? "infrequent_sklearn" : categoryText(list[drop]);
      for (let i = 0; i < coded.rows; i++) {
        let sum = 0;
        for (let k = 0; k < width; k++) sum += coded.data[i * coded.cols + offset + k];
        if (sum === 0) expected[names[j]][i] = dropped;
      }
    }
    offset += width;
  });
  return expected;
}

function ordinal(c: OrdinalCase): void {
  let encoder!: OrdinalEncoder;
  const fit = input(c.fit, c.form);
  if (c.fitError !== null) {
    expectRefusal(() => new OrdinalEncoder(c.params).fitTransform(fit), c.fitError);
    return;
  }
  const fitOut = expectAccepted(() => {
    encoder = new OrdinalEncoder(c.params);
    return encoder.fitTransform(fit);
  }, "fitTransform");
  expect(encoder.categories, "categories_").toEqual(c.categories);
  expect(encoder.infrequentCategories, "infrequent_categories_").toEqual(c.infrequent ?? c.categories!.map(() => null));
  expect(encoder.featureNamesOut(), "get_feature_names_out()").toEqual(c.featureNames);
  expect(dense(fitOut), "fit_transform").toEqual(c.fitOut);
  const fresh = input(c.new, c.form);
  if (c.transformError) expectRefusal(() => encoder.transform(fresh), c.transformError);
  else expect(dense(expectAccepted(() => encoder.transform(fresh), "transform")), "transform").toEqual(c.out);

  const table = c.inverseOf === "new" ? c.new : c.fit;
  const source = c.inverseOf === "new" ? c.out! : c.fitOut!;
  const coded = new Matrix(Float64Array.from(source), nRows(table), c.categories!.length);
  const broken = c.categories!.map((list, j) => categoryText(list[list.length - 1]) === null && (c.infrequent?.[j] ?? null) !== null);
  if (c.inverseError && !(c.inverseError.type === "IndexError" && broken.some(Boolean))) {
    expectRefusal(() => encoder.inverseTransform(coded), c.inverseError);
    return;
  }
  const back = frameTexts(expectAccepted(() => encoder.inverseTransform(coded), "inverseTransform"));
  const names = namesOf(c);
  names.forEach((name, j) => {
    // docs/encoders.md, "Differences from scikit-learn": OrdinalEncoder.inverseTransform works with
    // missing values and infrequent categories together. scikit-learn 1.9.1 counts the missing
    // category when it looks for the group code there, so it raises an IndexError or decodes the
    // group as missing; such columns are checked against the decoding rules instead.
    if (broken[j] || c.inverse === null) expect(back[name], `inverse_transform of column "${name}"`).toEqual(decodeOrdinal(c, j, coded));
    else expect(back[name], `inverse_transform of column "${name}"`).toEqual(c.inverse![j].map(categoryText));
  });
}

/**
 * Column j of OrdinalEncoder codes decoded by scikit-learn's rules: encodedMissingValue is the
 * missing value (if the column has one), the group code "infrequent_sklearn", unknownValue null,
 * any other code the frequent category it numbers.
 */
function decodeOrdinal(c: OrdinalCase, j: number, coded: Matrix): (string | null)[] {
  const list = c.categories![j];
  const hasMissing = categoryText(list[list.length - 1]) === null;
  const grouped = new Set((c.infrequent?.[j] ?? []).map(categoryText));
  const frequent = list.slice(0, hasMissing ? -1 : undefined).map(categoryText).filter((v) => !grouped.has(v));
  const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
  const missingCode = c.params.encodedMissingValue ?? NaN;
  return Array.from({ length: coded.rows }, (_, i) => {
    const v = coded.data[i * coded.cols + j];
    if (hasMissing && same(v, missingCode)) return null;
    if (grouped.size > 0 && v === frequent.length) return "infrequent_sklearn";
    if (c.params.handleUnknown === "use_encoded_value" && same(v, c.params.unknownValue!)) return null;
    return frequent[v];
  });
}

function target(c: TargetCase): void {
  let encoder!: TargetEncoder;
  const fit = input(c.fit, c.form);
  if (c.fitError !== null) {
    expectRefusal(() => new TargetEncoder(c.params).fitTransform(fit, c.y), c.fitError);
    return;
  }
  const cross = expectAccepted(() => {
    encoder = new TargetEncoder(c.params);
    return encoder.fitTransform(fit, c.y);
  }, "fitTransform");
  expect(encoder.categories, "categories_").toEqual(c.categories);
  expect(encoder.targetType, "target_type_").toBe(c.targetType);
  expect(encoder.classes, "classes_").toEqual(c.classes);
  if (c.yKind === "whole" && c.targetType === "multiclass") {
    // docs/encoders.md, "Feature names" and "Differences from scikit-learn": integral class labels
    // print as integers (cidade_3), where scikit-learn prints float labels as cidade_3.0.
    expect(encoder.featureNamesOut(), "get_feature_names_out()").toEqual(c.featureNames!.map((name) => name.replace(/\.0$/, "")));
  } else expect(encoder.featureNamesOut(), "get_feature_names_out()").toEqual(c.featureNames);
  const mean = encoder.targetMean;
  expectClose(typeof mean === "number" ? [mean] : mean, c.targetMean!, TOL, "target_mean_");
  expect(encoder.encodings.length, "len(encodings_)").toBe(c.encodings!.length);
  encoder.encodings.forEach((e, k) => expectClose(e, c.encodings![k], TOL, `encodings_[${k}]`));
  expectClose(dense(cross), c.crossFit!, TOL, "fit_transform (cross-fitted)");
  const fresh = input(c.new, c.form);
  if (c.transformError) expectRefusal(() => encoder.transform(fresh), c.transformError);
  else expectClose(dense(expectAccepted(() => encoder.transform(fresh), "transform")), c.out!, TOL, "transform");
}

describe(`encoders randomized sweep against scikit-learn (seed ${fixture.seed})`, () => {
  it("has the cases", () => {
    const count = (kind: string) => fixture.cases.filter((c) => c.encoder === kind).length;
    expect([count("OneHotEncoder"), count("OrdinalEncoder"), count("TargetEncoder")].every((n) => n >= 20)).toBe(true);
  });

  it.each(fixture.cases.map((c) => [title(c), c] as const))("%s", (_name, c) => {
    if (c.encoder === "OneHotEncoder") oneHot(c);
    else if (c.encoder === "OrdinalEncoder") ordinal(c);
    else target(c);
  });
});
