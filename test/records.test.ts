import { describe, expect, it } from "vitest";
import { ColumnTransformer, Pipeline } from "../src/compose/index.js";
import { DataError, isTabkitError } from "../src/core/errors.js";
import { Frame, type FrameRecord } from "../src/core/frame.js";
import { Matrix } from "../src/core/matrix.js";
import { DataDriftDetector } from "../src/drift/index.js";
import { DecisionTreeClassifier, LogisticRegression, RandomForestRegressor } from "../src/models/index.js";
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
import { RandomOverSampler, RandomUnderSampler, SMOTE, SMOTENC } from "../src/sampling/index.js";
import { crossValidate, GridSearchCV, KFold, TunedThresholdClassifierCV } from "../src/selection/index.js";
import { sameOutput, snapshot } from "../src/testing/snapshot.js";

/**
 * Records are a table with names: read as Frame.fromRecords reads them, and everything that takes
 * a Frame takes them and behaves as it does for that Frame (a Frame out where a Frame gives one,
 * the same feature names remembered, the same errors), fitted on one and used on the other.
 */

const numbers: FrameRecord[] = [
  { idade: 32, saldo: 1200.5, produtos: 1 },
  { idade: 45, saldo: 0, produtos: 2 },
  { idade: 27, saldo: null, produtos: 1 },
  { idade: 61, saldo: 5400, produtos: 3 },
  { idade: 38, saldo: 310.25, produtos: 2 },
  { idade: 50, saldo: 77.5, produtos: 1 },
];
const complete = numbers.map((r) => ({ idade: r.idade as number, saldo: (r.saldo as number | null) ?? 150, produtos: r.produtos as number }));
const people: FrameRecord[] = [
  { pais: "França", genero: "F", idade: 32 },
  { pais: "Alemanha", genero: "M", idade: 45 },
  { pais: "França", genero: "M", idade: 27 },
  { pais: "Espanha", genero: null, idade: 61 },
  { pais: "Alemanha", genero: "F", idade: 38 },
  { pais: "França", genero: "F", idade: 50 },
];
const churned = [0, 1, 0, 1, 1, 0];

interface TransformerLike {
  fit(X: unknown, y?: unknown): unknown;
  transform(X: unknown): Frame | Matrix;
  fitTransform(X: unknown, y?: unknown): Frame | Matrix;
  featureNamesIn?: string[];
}

/** Fit on records / on their Frame, transform either: always the Frame's result, as a Frame. */
function expectLikeFrame(make: () => TransformerLike, records: readonly FrameRecord[], y?: readonly number[]): void {
  const frame = Frame.fromRecords(records);
  const onFrame = make();
  onFrame.fit(frame, y);
  const expected = onFrame.transform(frame);
  expect(expected).toBeInstanceOf(Frame);
  const onRecords = make();
  onRecords.fit(records, y);
  const out = onRecords.transform(records);
  expect(out).toBeInstanceOf(Frame);
  expect(snapshot(out)).toEqual(snapshot(expected));
  if ("featureNamesIn" in onFrame) expect(onRecords.featureNamesIn).toEqual(onFrame.featureNamesIn);
  // mixed: fitted on one, given the other
  expect(snapshot(onFrame.transform(records))).toEqual(snapshot(expected));
  expect(snapshot(onRecords.transform(frame))).toEqual(snapshot(expected));
  expect(sameOutput(make().fitTransform(records, y), make().fitTransform(frame, y))).toBe(true);
}

/** The DataError thrown by `action`, checked to be one. */
function dataError(action: () => unknown): DataError {
  try {
    action();
  } catch (error) {
    expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
    return error as DataError;
  }
  throw new Error("expected a DataError");
}

describe("records behave as their Frame", () => {
  it("scalers and numeric transformers: a Frame out, the same values and names, either way round", () => {
    expectLikeFrame(() => new StandardScaler(), numbers);
    expectLikeFrame(() => new MinMaxScaler({ featureRange: [-1, 1] }), numbers);
    expectLikeFrame(() => new RobustScaler(), numbers);
    expectLikeFrame(() => new PowerTransformer(), numbers);
    expectLikeFrame(() => new KNNImputer({ nNeighbors: 2 }), numbers);
    expectLikeFrame(() => new PolynomialFeatures({ degree: 2 }), complete);
    expectLikeFrame(() => new FunctionTransformer({ func: "log1p", inverseFunc: "expm1" }), complete);
  });

  it("inverseTransform takes records of the output columns", () => {
    const scaler = new StandardScaler().fit(numbers);
    const scaled = scaler.transform(numbers) as Frame;
    const back = scaler.inverseTransform(scaled.toRecords());
    expect(back).toBeInstanceOf(Frame);
    expect(snapshot(back)).toEqual(snapshot(scaler.inverseTransform(scaled)));
  });

  it("encoders give a Frame for records, as for their Frame", () => {
    expectLikeFrame(() => new OneHotEncoder({ handleUnknown: "ignore" }), people);
    expectLikeFrame(() => new OrdinalEncoder(), people);
    expectLikeFrame(() => new TargetEncoder({ cv: 2, randomState: 0 }), people, churned);
  });

  it("ColumnTransformer gives a Frame for records, even when every output column is numeric", () => {
    const make = () =>
      new ColumnTransformer({
        transformers: [
          ["num", new StandardScaler(), ["idade"]],
          ["cat", new OneHotEncoder(), ["pais", "genero"]],
        ],
      });
    expectLikeFrame(make, people);
    // fitted on records, columns are then found by name in a Frame with another order
    const reordered = Frame.fromRecords(people).select(["idade", "genero", "pais"]);
    expect(snapshot(make().fit(people).transform(reordered))).toEqual(snapshot(make().fit(Frame.fromRecords(people)).transform(people)));
  });

  it("Pipeline: fitted on records, predicts records and Frames as the Frame-fitted pipeline does", () => {
    const make = () => new Pipeline({ steps: [["impute", new SimpleImputer()], ["scale", new StandardScaler()], ["clf", new LogisticRegression()]] });
    const frame = Frame.fromRecords(numbers);
    const onFrame = make().fit(frame, churned);
    const onRecords = make().fit(numbers, churned);
    const expected = onFrame.predictProba(frame);
    expect(snapshot(onRecords.predictProba(numbers))).toEqual(snapshot(expected));
    expect(snapshot(onFrame.predictProba(numbers))).toEqual(snapshot(expected));
    expect(snapshot(onRecords.predictProba(frame))).toEqual(snapshot(expected));
    // a transformer pipeline gives a Frame for records
    const scaling = () => new Pipeline({ steps: [["scale", new StandardScaler()], ["range", new MinMaxScaler()]] });
    const out = scaling().fit(complete).transform(complete);
    expect(out).toBeInstanceOf(Frame);
    expect(snapshot(out)).toEqual(snapshot(scaling().fit(Frame.fromRecords(complete)).transform(Frame.fromRecords(complete))));
  });

  it("models: fit, predict, predictProba, decisionFunction, score and apply take records", () => {
    const frame = Frame.fromRecords(complete);
    const logistic = new LogisticRegression().fit(frame, churned);
    const fromRecords = new LogisticRegression().fit(complete, churned);
    expect(fromRecords.featureNamesIn).toEqual(["idade", "saldo", "produtos"]);
    expect(JSON.stringify(fromRecords.toJSON())).toBe(JSON.stringify(logistic.toJSON()));
    expect(logistic.predict(complete)).toEqual(logistic.predict(frame));
    expect(snapshot(logistic.predictProba(complete))).toEqual(snapshot(logistic.predictProba(frame)));
    expect(snapshot(fromRecords.decisionFunction(frame))).toEqual(snapshot(logistic.decisionFunction(frame)));
    expect(logistic.score(complete, churned)).toBe(logistic.score(frame, churned));

    // trees read a missing key as NaN, as the Frame does
    const tree = new DecisionTreeClassifier({ randomState: 0 }).fit(numbers, churned);
    const treeOnFrame = new DecisionTreeClassifier({ randomState: 0 }).fit(Frame.fromRecords(numbers), churned);
    expect(tree.predict(numbers)).toEqual(treeOnFrame.predict(Frame.fromRecords(numbers)));
    expect(Array.from(tree.apply(numbers))).toEqual(Array.from(treeOnFrame.apply(Frame.fromRecords(numbers))));
    const forest = new RandomForestRegressor({ nEstimators: 3, randomState: 0 }).fit(numbers, [1, 2, 3, 4, 5, 6]);
    expect(Array.from(forest.predict(numbers))).toEqual(Array.from(new RandomForestRegressor({ nEstimators: 3, randomState: 0 }).fit(Frame.fromRecords(numbers), [1, 2, 3, 4, 5, 6]).predict(Frame.fromRecords(numbers))));
  });

  it("samplers: records give the Frame their Frame gives", () => {
    const balanced = (n: number) => Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const rows = Array.from({ length: 12 }, (_, i) => ({ a: Math.sin(i) * 3, b: (i * 7) % 5, city: i % 3 === 0 ? "x" : "y" }));
    const numeric = rows.map(({ a, b }) => ({ a, b }));
    const y = balanced(12);
    const cases: [string, () => { fitResample(X: unknown, y: unknown): { X: Frame | Matrix; y: unknown } }, FrameRecord[]][] = [
      ["RandomOverSampler", () => new RandomOverSampler({ randomState: 0 }), numeric],
      ["RandomUnderSampler", () => new RandomUnderSampler({ randomState: 0 }), numeric],
      ["SMOTE", () => new SMOTE({ kNeighbors: 1, randomState: 0 }), numeric],
      ["SMOTENC", () => new SMOTENC({ categoricalFeatures: ["city"], kNeighbors: 1, randomState: 0 }), rows],
      // categories coded as numbers: every output column is numeric, and records still give a Frame
      ["SMOTENC (numeric codes)", () => new SMOTENC({ categoricalFeatures: ["code"], kNeighbors: 1, randomState: 0 }), rows.map(({ a, b }, i) => ({ a, b, code: i % 3 }))],
    ];
    for (const [kind, make, records] of cases) {
      const out = make().fitResample(records, y);
      const expected = make().fitResample(Frame.fromRecords(records), y);
      expect(out.X, kind).toBeInstanceOf(Frame);
      expect(snapshot(out), kind).toEqual(snapshot(expected));
    }
  });

  it("cross-validation and searches read records once, as their Frame (a key absent from a whole fold is still a column)", () => {
    // "x" is absent from the first six records: in the Frame it is a column with NaN there.
    const records: FrameRecord[] = Array.from({ length: 12 }, (_, i) => (i < 6 ? { a: i % 5 } : { a: i % 5, x: i * 1.5 }));
    const y = records.map((_, i) => (i % 2 === 0 ? "no" : "yes"));
    const frame = Frame.fromRecords(records);
    const cv = new KFold({ nSplits: 2 });
    const scores = (X: unknown) => Array.from(crossValidate(new DecisionTreeClassifier({ randomState: 0 }), X as Frame, y, { cv }).test_score as Float64Array);
    expect(scores(records)).toEqual(scores(frame));

    const search = (X: unknown) => new GridSearchCV({ estimator: new DecisionTreeClassifier({ randomState: 0 }), paramGrid: { maxDepth: [1, 2] }, cv, errorScore: "raise" }).fit(X as Frame, y);
    const [onRecords, onFrame] = [search(records), search(frame)];
    expect(snapshot(onRecords.cvResults.mean_test_score)).toEqual(snapshot(onFrame.cvResults.mean_test_score));
    expect(onRecords.predict(records)).toEqual(onFrame.predict(frame));

    const binary = records.map((_, i) => (i % 3 === 0 ? 1 : 0));
    const tune = (X: unknown) => new TunedThresholdClassifierCV({ estimator: new DecisionTreeClassifier({ maxDepth: 2, randomState: 0 }), cv, thresholds: 5 }).fit(X as Frame, binary);
    expect(tune(records).bestThreshold).toBe(tune(frame).bestThreshold);
  });

  it("DataDriftDetector reads records as their Frame, with errors naming its method", () => {
    const reference = Array.from({ length: 20 }, (_, i) => ({ idade: 20 + i, pais: i % 2 === 0 ? "FR" : "DE" }));
    const current = reference.map((r) => ({ ...r, idade: r.idade + 5 }));
    const detector = new DataDriftDetector({ minRows: 3 }).fit(reference);
    expect(snapshot(detector.evaluate(current))).toEqual(snapshot(new DataDriftDetector({ minRows: 3 }).fit(Frame.fromRecords(reference)).evaluate(Frame.fromRecords(current))));
    const error = dataError(() => new DataDriftDetector().fit([{ idade: 1 }, { idade: "x" }] as never));
    expect(error.message).toMatch(/^DataDriftDetector\.fit: Frame\.fromRecords: column "idade" mixes numbers \(row 0\) and strings \(row 1\)/);
    expect([error.column, error.row]).toEqual(["idade", 1]);
  });
});

describe("records give the errors their Frame gives", () => {
  const mixed = [{ a: 1, b: 2 }, { a: 2, b: "dois" }] as never;

  it("a column mixing numbers and strings is Frame.fromRecords' DataError, naming the method, column and row", () => {
    const fromRecords = dataError(() => Frame.fromRecords(mixed));
    const cases: [string, () => unknown][] = [
      ["StandardScaler.fit", () => new StandardScaler().fit(mixed)],
      ["StandardScaler.transform", () => new StandardScaler().fit(complete).transform(mixed)],
      ["PolynomialFeatures.fit", () => new PolynomialFeatures().fit(mixed)],
      ["LogisticRegression.predict", () => new LogisticRegression().fit(complete, churned).predict(mixed)],
      ["DecisionTreeClassifier.fit", () => new DecisionTreeClassifier().fit(mixed, [0, 1])],
      ["SMOTE.fitResample", () => new SMOTE().fitResample(mixed, [0, 1])],
      ["RandomOverSampler.fitResample", () => new RandomOverSampler().fitResample(mixed, [0, 1])],
      ["OneHotEncoder.fit", () => new OneHotEncoder().fit(mixed)],
      ["ColumnTransformer.fit", () => new ColumnTransformer({ transformers: [["s", new StandardScaler(), ["a"]]] }).fit(mixed)],
      ["GridSearchCV.fit", () => new GridSearchCV({ estimator: new LogisticRegression(), paramGrid: { C: [1] }, cv: 2 }).fit(mixed, [0, 1])],
    ];
    for (const [site, action] of cases) {
      const error = dataError(action);
      expect(error.message, site).toBe(`${site}: ${fromRecords.message}`);
      expect([error.column, error.row], site).toEqual([fromRecords.column, fromRecords.row]);
    }
  });

  it("a record without a key gives what Frame.fromRecords gives for it, error or value, with its column and row", () => {
    const gap = [...complete.slice(0, 3), { idade: 40, produtos: 2 }, ...complete.slice(4)];
    const model = new LogisticRegression().fit(complete, churned);
    let frame: Frame;
    try {
      frame = Frame.fromRecords(gap);
    } catch (error) {
      // Frame.fromRecords refuses the record: so must every estimator, with the same error.
      const expected = error as DataError;
      const got = dataError(() => model.predict(gap));
      expect(got.message).toBe(`LogisticRegression.predict: ${expected.message}`);
      expect([got.column, got.row]).toEqual([expected.column, expected.row]);
      return;
    }
    // Frame.fromRecords reads the absent key as missing: the model refuses the NaN as it does in the Frame.
    const onFrame = dataError(() => model.predict(frame));
    const onRecords = dataError(() => model.predict(gap));
    expect(onRecords.message).toBe(onFrame.message);
    expect([onRecords.column, onRecords.row]).toEqual(["saldo", 3]);
    // and an imputer fills it as it does in the Frame
    expect(snapshot(new SimpleImputer().fit(complete).transform(gap))).toEqual(snapshot(new SimpleImputer().fit(complete).transform(frame)));
  });

  it("±Infinity in records is refused as in their Frame, naming the column and row", () => {
    const infinite = complete.map((r, i) => (i === 4 ? { ...r, saldo: -Infinity } : r));
    const frame = Frame.fromRecords(infinite);
    const makers: [string, () => TransformerLike][] = [
      ["StandardScaler", () => new StandardScaler()],
      ["MinMaxScaler", () => new MinMaxScaler()],
      ["RobustScaler", () => new RobustScaler()],
      ["PowerTransformer", () => new PowerTransformer()],
    ];
    for (const [kind, make] of makers) {
      for (const [method, run] of [
        ["fit", (X: unknown) => make().fit(X)],
        ["transform", (X: unknown) => (make().fit(complete) as TransformerLike).transform(X)],
      ] as const) {
        const expected = dataError(() => run(frame));
        const error = dataError(() => run(infinite));
        expect(error.message, `${kind}.${method}`).toBe(expected.message);
        expect([error.column, error.row], `${kind}.${method}`).toEqual(["saldo", 4]);
      }
    }
  });

  it("records with other columns than at fit are refused as that Frame is, naming the column", () => {
    const scaler = new StandardScaler().fit(Frame.fromRecords(complete));
    const renamed = complete.map(({ idade, saldo, produtos }) => ({ idade, balance: saldo, produtos }));
    const error = dataError(() => scaler.transform(renamed));
    expect(error.message).toBe(dataError(() => scaler.transform(Frame.fromRecords(renamed))).message);
    expect(error.column).toBe("saldo");
  });

  it("number rows given to an estimator fitted on records are refused for having no names", () => {
    const error = dataError(() => new StandardScaler().fit(complete).transform([[1, 2, 3]]));
    expect(error.message).toContain("the input has no column names");
  });

  it("a first row that is neither a record nor a number array is a DataError naming row 0, never a crash", () => {
    for (const fit of [() => new OneHotEncoder().fit([null, { a: "x" }] as never), () => new StandardScaler().fit([null, { a: 1 }] as never), () => new StandardScaler().fit([5, 6] as never)]) {
      expect(fit).toThrow(DataError);
      expect(fit).toThrow(/\.fit: Frame\.fromRecords: row 0 is not a record object/);
    }
    expect(() => Matrix.from2D([null] as never)).toThrow("Matrix.from2D: row 0 is not an array");
  });

  it("empty records are empty input", () => {
    expect(dataError(() => new StandardScaler().fit([] as FrameRecord[])).message).toContain("0 rows");
  });

  it("keeps a Matrix a Matrix and number rows unnamed", () => {
    const rows = complete.map((r) => [r.idade, r.saldo, r.produtos]);
    const out = new StandardScaler().fit(rows).transform(rows);
    expect(out).toBeInstanceOf(Matrix);
    expect((out as Matrix).featureNames).toBeUndefined();
  });
});
