import { describe, expect, it } from "vitest";
import { loadEdited } from "../../test/helpers/edited-model.js";
import { frameOf, type FixtureTable } from "../../test/helpers/fixture-tables.js";
import { expectClose, readDataFile, readFixture } from "../../test/helpers/fixtures.js";
import { thrown } from "../../test/helpers/thrown.js";
import { DataError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { StratifiedKFold } from "../selection/stratified-k-fold.js";
import { OneHotEncoder } from "./one-hot-encoder.js";
import { TargetEncoder, type TargetEncoderParams } from "./target-encoder.js";
import { encodeFloat64Array } from "../core/state-codec.js";

const TOL = 1e-12;
const COLUMNS = ["pais", "genero", "cartao_credito", "anos_cliente", "numero_produtos"];
const csv = Frame.fromCSV(readDataFile("bank_churn/dados_treino.csv"));
const bank = csv.select(COLUMNS);

const values = (out: Frame | Matrix): Float64Array => (out instanceof Matrix ? out.data : out.toMatrix().data);
const pick = (column: Float64Array, rows: number[]): number[] => rows.map((i) => column[i]);

interface Fitted {
  targetMean: number | number[];
  encodings: number[][];
  crossFit: Float64Array;
  test: Float64Array;
}

/** Checks a fitted encoder and its cross-fit output against scikit-learn's, within 1e-12. */
function expectLike(encoder: TargetEncoder, cross: Frame | Matrix, test: Frame | Matrix, expected: Fitted): void {
  const mean = encoder.targetMean;
  expectClose(typeof mean === "number" ? [mean] : mean, typeof expected.targetMean === "number" ? [expected.targetMean] : expected.targetMean, TOL, "targetMean");
  expect(encoder.encodings.length).toBe(expected.encodings.length);
  encoder.encodings.forEach((e, k) => expectClose(e, expected.encodings[k], TOL, `encodings[${k}]`));
  expectClose(values(cross), expected.crossFit, TOL, "cross-fitted output");
  expectClose(values(test), expected.test, TOL, "transform output");
}

describe("TargetEncoder on bank churn (scikit-learn parity)", () => {
  const fixture = readFixture<Fitted & { split: { train: number[]; test: number[] }; categories: (string | number)[][]; targetType: string; classes: number[]; featureNames: string[]; folds: number[] }>(
    "preprocessing/encoders/bank-churn-target.json",
  );
  const train = bank.takeRows(fixture.split.train);
  const test = bank.takeRows(fixture.split.test);
  const y = pick(csv.numeric("saiu"), fixture.split.train);

  it("cross-fits with cv=10 and randomState 42 like scikit-learn, and transforms new rows with the full encodings", () => {
    const encoder = new TargetEncoder({ cv: 10, randomState: 42 });
    const cross = encoder.fitTransform(train, y);
    expect(encoder.categories).toEqual(fixture.categories);
    expect(encoder.targetType).toBe(fixture.targetType);
    expect(encoder.classes).toEqual(fixture.classes);
    expect(encoder.featureNamesOut()).toEqual(fixture.featureNames);
    expectLike(encoder, cross, encoder.transform(test), fixture);
  });

  it("uses StratifiedKFold's folds", () => {
    const folds = new Int32Array(y.length);
    let f = 0;
    for (const { test: rows } of new StratifiedKFold({ nSplits: 10, shuffle: true, randomState: 42 }).split(train, y)) {
      for (const i of rows) folds[i] = f;
      f++;
    }
    expect(Array.from(folds)).toEqual(fixture.folds);
  });

  it("differs from fit(X, y).transform(X), which has no cross-fitting", () => {
    const encoder = new TargetEncoder({ cv: 10, randomState: 42 });
    const cross = values(encoder.fitTransform(train, y));
    const plain = values(new TargetEncoder().fit(train, y).transform(train));
    expect(Array.from(plain)).not.toEqual(Array.from(cross));
    expectClose(values(encoder.transform(train)), plain, 0, "transform after fitTransform");
  });
});

describe("the encoding block of the churn pipeline fixture", () => {
  const block = readFixture<{ trainRows: number[]; testRows: number[]; names: string[]; train: Float64Array; test: Float64Array }>("churn/block.json");
  const columnsOf = (data: Float64Array, rows: number, names: string[]) =>
    names.map((name) => {
      const j = block.names.indexOf(name);
      return Float64Array.from({ length: rows }, (_, i) => data[i * block.names.length + j]);
    });

  it("has the OneHotEncoder and TargetEncoder(cv=10, randomState=42) columns of scikit-learn's pipeline", () => {
    const train = bank.takeRows(block.trainRows);
    const test = bank.takeRows(block.testRows);
    const y = pick(csv.numeric("saiu"), block.trainRows);
    const oneHot = new OneHotEncoder().fit(train.select(["pais", "genero", "cartao_credito"]));
    const target = new TargetEncoder({ cv: 10, randomState: 42 });
    const cross = target.fitTransform(train.select(["anos_cliente", "numero_produtos"]), y) as Frame;
    const names = [...oneHot.featureNamesOut().map((n) => `categorical__${n}`), "ordinal__anos_cliente", "ordinal__numero_produtos"];
    const ours = (hot: Frame, encoded: Frame) => [...hot.names.map((n) => hot.numeric(n)), ...encoded.names.map((n) => encoded.numeric(n))];
    const trainOurs = ours(oneHot.transform(train.select(["pais", "genero", "cartao_credito"])) as Frame, cross);
    const testOurs = ours(oneHot.transform(test.select(["pais", "genero", "cartao_credito"])) as Frame, target.transform(test.select(["anos_cliente", "numero_produtos"])) as Frame);
    columnsOf(block.train, block.trainRows.length, names).forEach((expected, c) => expectClose(trainOurs[c], expected, TOL, names[c]));
    columnsOf(block.test, block.testRows.length, names).forEach((expected, c) => expectClose(testOurs[c], expected, TOL, names[c]));
  });
});

describe("TargetEncoder multiclass and continuous targets on bank churn (scikit-learn parity)", () => {
  interface More {
    rows: number[];
    holdout: number[];
    multiclass: Fitted & { params: Partial<TargetEncoderParams>; y: number[]; classes: number[]; targetType: string; featureNames: string[] };
    continuous: Fitted & { params: Partial<TargetEncoderParams>; y: number[]; targetType: string };
    continuousSmooth: Fitted & { params: Partial<TargetEncoderParams>; y: number[] };
  }
  const fixture = readFixture<More>("preprocessing/encoders/bank-churn-target-more.json");
  const features = csv.select(["pais", "genero", "cartao_credito", "anos_cliente"]);
  const X = features.takeRows(fixture.rows);
  const holdout = features.takeRows(fixture.holdout);

  it("multiclass: one column per class, named column_class", () => {
    const { params, y } = fixture.multiclass;
    const encoder = new TargetEncoder(params);
    const cross = encoder.fitTransform(X, y);
    expect(encoder.targetType).toBe("multiclass");
    expect(encoder.classes).toEqual(fixture.multiclass.classes);
    expect(encoder.featureNamesOut()).toEqual(fixture.multiclass.featureNames);
    expectLike(encoder, cross, encoder.transform(holdout), fixture.multiclass);
  });

  it("continuous with smooth auto and with smooth 10 without shuffling", () => {
    for (const expected of [fixture.continuous, fixture.continuousSmooth]) {
      const encoder = new TargetEncoder(expected.params);
      const cross = encoder.fitTransform(X, expected.y);
      expect(encoder.targetType).toBe("continuous");
      expect(encoder.classes).toBeNull();
      expectLike(encoder, cross, encoder.transform(holdout), expected);
    }
  });
});

describe("TargetEncoder edge cases (scikit-learn parity)", () => {
  interface EdgeCase {
    name: string;
    params: Partial<TargetEncoderParams>;
    fit: FixtureTable;
    new: FixtureTable;
    y: Label[];
    fitError: string | null;
    categories?: (string | number | null)[][];
    targetType?: string;
    classes?: Label[] | null;
    targetMean?: number | number[];
    encodings?: number[][];
    featureNames?: string[];
    crossFit?: number[];
    out?: number[];
  }
  const edge = readFixture<{ target: EdgeCase[] }>("preprocessing/encoders/edge-cases.json").target;
  for (const c of edge) {
    it(c.name, () => {
      const fit = frameOf(c.fit);
      const encoder = new TargetEncoder(c.params);
      if (c.fitError !== null) {
        expect(() => encoder.fitTransform(fit, c.y), c.fitError).toThrow(DataError);
        return;
      }
      const cross = encoder.fitTransform(fit, c.y);
      expect(encoder.categories).toEqual(c.categories);
      expect(encoder.targetType).toBe(c.targetType);
      expect(encoder.classes).toEqual(c.classes);
      expect(encoder.featureNamesOut()).toEqual(c.featureNames);
      expectLike(encoder, cross, encoder.transform(frameOf(c.new)), {
        targetMean: c.targetMean!,
        encodings: c.encodings!,
        crossFit: Float64Array.from(c.crossFit!),
        test: Float64Array.from(c.out!),
      });
    });
  }
});

describe("TargetEncoder behaviour", () => {
  const X = Frame.fromRecords([{ c: "a" }, { c: "b" }, { c: "a" }, { c: "b" }, { c: "a" }, { c: "c" }]);

  it("refuses a target with NaN or null, naming the row", () => {
    expect(() => new TargetEncoder().fit(X, [0, 1, NaN, 1, 0, 1])).toThrow(/row 2/);
    expect(() => new TargetEncoder({ targetType: "continuous" }).fit(X, [0.5, 1, NaN, 1, 0, 1])).toThrow(DataError);
    expect(() => new TargetEncoder().fit(X, [0, 1, null, 1, 0, 1] as never)).toThrow(/missing value/);
    expect(() => new TargetEncoder().fit(X, [0, 1, 1])).toThrow(/y has 3 values but X has 6 rows/);
  });

  it("rejects labels as a continuous target and a multiclass target with two classes", () => {
    expect(() => new TargetEncoder({ targetType: "continuous" }).fit(X, ["a", "b", "a", "b", "a", "b"])).toThrow(DataError);
    expect(() => new TargetEncoder({ targetType: "multiclass" }).fit(X, [0, 1, 0, 1, 0, 1])).toThrow(/at least 3 classes/);
  });

  it("rejects a missing or renamed column and a wrong column count at transform", () => {
    const encoder = new TargetEncoder().fit(Frame.fromRecords([{ c: "a", d: 1 }, { c: "b", d: 2 }, { c: "a", d: 1 }]), [1, 0, 1]);
    expect(() => encoder.transform(Frame.fromRecords([{ c: "a" }]))).toThrow(/"d" seen at fit are missing/);
    expect(() => encoder.transform(Frame.fromRecords([{ c: "a", e: 1 }]))).toThrow(DataError);
    const unnamed = new TargetEncoder().fit([[1], [2], [1]], [1, 0, 1]);
    expect(() => unnamed.transform([[1, 2]])).toThrow(/X has 2 features/);
  });

  it("validates its params", () => {
    expect(() => new TargetEncoder({ shuffle: false, randomState: 3 })).toThrow(ValidationError);
    expect(() => new TargetEncoder({ cv: 1 })).toThrow(ValidationError);
    expect(() => new TargetEncoder({ smooth: -1 })).toThrow(ValidationError);
  });

  it("refuses a cv splitter whose test folds overlap", () => {
    const encoder = new TargetEncoder({ cv: { splitter: "ShuffleSplit", nSplits: 3, testSize: 0.5, randomState: 0 } });
    expect(() => encoder.fitTransform(X, [0, 1, 0, 1, 0, 1])).toThrow(/cover every row exactly once/);
    expect(encoder.isFitted).toBe(false);
  });

  it("is deterministic with a seed and round-trips through JSON", () => {
    const y = [0, 1, 1, 0, 1, 0];
    const a = new TargetEncoder({ cv: 2, randomState: 5 });
    const b = new TargetEncoder({ cv: 2, randomState: 5 });
    expect(values(a.fitTransform(X, y))).toEqual(values(b.fitTransform(X, y)));
    const multi = new TargetEncoder({ cv: 2, randomState: 1 }).fit(X, ["x", "y", "z", "x", "y", "z"]);
    for (const model of [a, multi]) {
      const loaded = loadModel<TargetEncoder>(JSON.stringify(model.toJSON()));
      const probe = Frame.fromRecords([{ c: "a" }, { c: "zz" }, { c: null }]);
      expect(values(loaded.transform(probe))).toEqual(values(model.transform(probe)));
      expect(loaded.featureNamesOut()).toEqual(model.featureNamesOut());
    }
    expect(multi.featureNamesOut()).toEqual(["c_x", "c_y", "c_z"]);
  });
});

describe("TargetEncoder review fixes", () => {
  const X = Frame.fromColumns({ a: ["x", "y", "x", "y", "x", "y", "x", "y"] });
  const y = [0, 1, 0, 1, 1, 1, 0, 1];

  it("names fitTransform and cv when there are more folds than rows", () => {
    expect(() => new TargetEncoder({ cv: 20 }).fitTransform(X, y)).toThrow(
      "TargetEncoder.fitTransform: cv=20 cannot split the 8 rows (StratifiedKFold.split: cannot have nSplits=20 greater than the number of samples (8)); lower cv",
    );
  });

  it("quotes a string in a continuous target", () => {
    expect(() => new TargetEncoder({ targetType: "continuous" }).fit(X, y.map(String))).toThrow(
      'TargetEncoder.fit: y value "0" is a string, not a number; convert y to numbers for a continuous target (row 0)',
    );
  });

  it("hints at lowering cv only when there are fewer rows than folds", () => {
    const encoder = new TargetEncoder({ cv: { splitter: "GroupKFold", nSplits: 2 } });
    expect(thrown(() => encoder.fitTransform(X, y))).toBe(
      "DATA_ERROR: TargetEncoder.fitTransform: the cv splitter cannot split the 8 rows (GroupKFold.split: groups is required (one group label per row))",
    );
  });

  it("refuses colliding multiclass output names at fit; and such a saved state", () => {
    const clash = Frame.fromColumns({ a: ["x", "y", "x"], a_b: ["y", "y", "z"] });
    const classes = ["b_c", "c", "d"];
    const collision = 'the output column name "a_b_c" comes from both column "a" (class "b_c") and column "a_b" (class "c")';
    expect(() => new TargetEncoder({ cv: 2 }).fit(clash, classes)).toThrow(`TargetEncoder.fit: ${collision}`);
    expect(() => new TargetEncoder({ cv: 2 }).fitTransform(clash, classes)).toThrow(`TargetEncoder.fitTransform: ${collision}`);
    const encoder = new TargetEncoder({ cv: 2 }).fit(Frame.fromColumns({ a: ["x", "y", "x"], z: ["y", "y", "z"] }), classes);
    expect(loadEdited(encoder, ["schema", "names"], ["a", "a_b"])).toThrow(`loadModel: TargetEncoder.state.schema.names give colliding output names: ${collision}`);
  });

  it("follows scikit-learn's LabelBinarizer for a multiclass targetType: one class is a zero column, non-integral numbers are refused", () => {
    const single = new TargetEncoder({ targetType: "multiclass", cv: 2, randomState: 0 });
    expect(values(single.fitTransform(X, new Array(8).fill("s")))).toEqual(new Float64Array(8));
    expect([single.classes, single.featureNamesOut(), Array.from(single.targetMean as Float64Array)]).toEqual([["s"], ["a_s"], [0]]);
    expect(values(single.transform(Frame.fromColumns({ a: ["x", "zz"] })))).toEqual(new Float64Array(2));
    expect((loadModel(single.toJSON()) as TargetEncoder).featureNamesOut()).toEqual(["a_s"]);
    expect(() => new TargetEncoder({ targetType: "multiclass" }).fit(X, [0.5, 1.5, 2.5, 0.5, 1.5, 2.25, 0.5, 1.5])).toThrow(
      'TargetEncoder.fit: targetType "multiclass" needs class labels, but y holds non-integral numbers; set targetType to "continuous"',
    );
  });

  it("refuses saved numeric categories out of order and classes too few for the target mean", () => {
    const encoder = new TargetEncoder().fit(Frame.fromColumns({ n: [1, 2, 3, 1, 2, 3] }), [0, 1, 0, 1, 1, 1]);
    expect(loadEdited(encoder, ["categories", 0, "numbers"], encodeFloat64Array(Float64Array.from([3, 1, 2])))).toThrow(
      "loadModel: TargetEncoder.state.categories[0].numbers must be in ascending order",
    );
    expect(loadEdited(encoder, ["classes"], { numbers: [0] })).toThrow("loadModel: TargetEncoder.state.classes holds 1 label(s), which cannot give the target mean");
    // scikit-learn fits a binary target with one class (and with three when forced): those load
    const single = new TargetEncoder().fit(Frame.fromColumns({ n: [1, 2, 1] }), [1, 1, 1]);
    expect((loadModel(single.toJSON()) as TargetEncoder).classes).toEqual([1]);
  });
});
