import { sealModel } from "../core/checksum.js";
import { isTabkitError } from "../core/errors.js";
import type { ModelJSON } from "../core/json.js";
import type { Estimator } from "../core/estimator.js";
import { Frame } from "../core/frame.js";
import { toFrame, type TableInput } from "../core/input.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { sameOutput, snapshot } from "./snapshot.js";

/**
 * What kind of estimator is being checked, which decides the methods exercised: a monitor is fitted
 * on reference data and `evaluate`s new data into a report (the drift detectors).
 */
export type EstimatorRole = "transformer" | "classifier" | "regressor" | "sampler" | "monitor";

export interface ConformanceOptions {
  role: EstimatorRole;
  /** Training data that a freshly made estimator fits (at least 4 rows). */
  X: TableInput;
  /** Targets for supervised estimators. */
  y?: readonly Label[];
  /** Whether NaN in X is accepted; when false, NaN must raise a DataError. */
  allowNaN?: boolean;
  /** The param holding `randomState`, to check that a seed fixes the result. */
  seedParam?: string;
  /** The param holding `nJobs`, to check that results do not depend on it. */
  nJobsParam?: string;
  /** False where fitTransform legitimately differs from fit().transform() (cross-fitting). */
  fitTransformEqualsTransform?: boolean;
  /** Checks known not to apply, each with its reason. */
  skip?: Partial<Record<string, string>>;
}

/** A conformance case: how to make the estimator and what data it fits. */
export interface ConformanceCase {
  factory: () => Estimator<object, unknown>;
  options: ConformanceOptions;
}

/** Cases keyed by estimator kind; the conformance test needs one for every built-in kind. */
export type ConformanceCases = Record<string, () => ConformanceCase>;

/** One named check of the suite. */
export interface EstimatorCheck {
  name: string;
  run: () => void;
}

/** Raised by `checkEstimator` with every failed check listed. */
export class ConformanceError extends Error {
  readonly failures: readonly { check: string; message: string }[];
  constructor(kind: string, failures: { check: string; message: string }[]) {
    super(`${kind} failed ${failures.length} conformance check(s):\n${failures.map((f) => `- ${f.check}: ${f.message}`).join("\n")}`);
    this.name = "ConformanceError";
    this.failures = failures;
  }
}

type AnyEstimator = Estimator<object, unknown> & Record<string, unknown>;
type Method = (...args: unknown[]) => unknown;

function call(estimator: AnyEstimator, method: string, ...args: unknown[]): unknown {
  const fn = estimator[method];
  if (typeof fn !== "function") throw new Error(`${estimator.kind} has no method ${method}`);
  return (fn as Method).apply(estimator, args);
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function expectThrows(action: () => unknown, code: string, what: string): void {
  try {
    action();
  } catch (error) {
    if (isTabkitError(error) && error.code === code) return;
    throw new Error(`${what}: expected a ${code} TabkitError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
  }
  throw new Error(`${what}: expected a ${code} TabkitError, but nothing was thrown`);
}

/** Rebuilds data in the same shape as the original input (Frame, Matrix, nested arrays or records). */
function likeInput(original: TableInput, frame: Frame): TableInput {
  if (original instanceof Frame) return frame;
  if (original instanceof Matrix) {
    const m = frame.toMatrix();
    return original.featureNames === undefined ? new Matrix(m.data, m.rows, m.cols) : m;
  }
  if (Array.isArray(original) && original.length > 0 && !Array.isArray(original[0])) return frame.toRecords();
  return frame.toMatrix().to2D();
}

/**
 * The conformance checks of DESIGN.md §10 for one estimator, as named functions (so a test runner
 * can report them one by one). Each throws an Error describing what went wrong.
 */
export function estimatorChecks(factory: () => Estimator<object, unknown>, options: ConformanceOptions): EstimatorCheck[] {
  const make = () => factory() as AnyEstimator;
  const { role, X, y } = options;
  const frame = toFrame(X, { estimator: "checkEstimator", method: "data" });
  const half = likeInput(X, frame.takeRows(Array.from({ length: Math.max(2, Math.ceil(frame.nRows / 2)) }, (_, i) => i)));
  const halfY = y?.slice(0, Math.max(2, Math.ceil(frame.nRows / 2)));
  const supervised = (role !== "transformer" && role !== "monitor") || y !== undefined;

  const fit = (estimator: AnyEstimator, data: TableInput = X, target = y): unknown =>
    role === "sampler" ? call(estimator, "fitResample", data, target) : supervised ? call(estimator, "fit", data, target) : call(estimator, "fit", data);
  /** Everything the fitted estimator outputs for `data`. */
  const outputs = (estimator: AnyEstimator, data: TableInput = X): unknown => {
    switch (role) {
      case "transformer":
        return call(estimator, "transform", data);
      case "classifier":
        return { predict: call(estimator, "predict", data), proba: call(estimator, "predictProba", data) };
      case "regressor":
        return call(estimator, "predict", data);
      case "sampler":
        return call(estimator, "fitResample", data, y);
      case "monitor":
        return call(estimator, "evaluate", data);
    }
  };
  const fitted = (): AnyEstimator => {
    const estimator = make();
    fit(estimator);
    return estimator;
  };
  const predictMethods = { transformer: ["transform"], classifier: ["predict", "predictProba"], regressor: ["predict"], sampler: [], monitor: ["evaluate"] }[role];

  const checks: EstimatorCheck[] = [
    {
      name: "defaults construct",
      run: () => {
        const Ctor = make().constructor as new () => AnyEstimator;
        const estimator = new Ctor();
        assert(typeof estimator.params === "object", "new X() has no params object");
        assert(!estimator.isFitted, "a new estimator reports isFitted");
      },
    },
    {
      name: "params frozen and validated",
      run: () => {
        const estimator = make();
        assert(Object.isFrozen(estimator.params), "params are not frozen");
        const Ctor = estimator.constructor as new (params: unknown) => AnyEstimator;
        expectThrows(() => new Ctor({ ...estimator.params, notAParameter: 1 }), "VALIDATION_ERROR", "an unknown parameter");
      },
    },
    {
      name: "clone and withParams",
      run: () => {
        const original = fitted();
        for (const copy of [original.clone(), original.withParams({})] as AnyEstimator[]) {
          assert(copy !== original && copy.constructor === original.constructor, "clone is not a new instance of the same class");
          assert(!copy.isFitted, "clone is fitted");
          assert(JSON.stringify(copy.toJSON().params) === JSON.stringify(original.toJSON().params), "clone has different params");
        }
      },
    },
    {
      name: "fit returns this",
      run: () => {
        if (role === "sampler") return;
        const estimator = make();
        assert(fit(estimator) === estimator, "fit did not return this");
        assert(estimator.isFitted, "isFitted is false after fit");
      },
    },
    {
      name: "inputs not mutated",
      run: () => {
        const before = JSON.stringify(snapshot([X, y]));
        const estimator = fitted();
        outputs(estimator);
        assert(JSON.stringify(snapshot([X, y])) === before, "fit or predict/transform changed its input");
      },
    },
    {
      name: "refit forgets",
      run: () => {
        const once = fitted();
        const twice = make();
        fit(twice, half, halfY);
        fit(twice);
        assert(sameOutput(outputs(once), outputs(twice)), "fitting on other data first changed the result of a later fit");
      },
    },
    {
      name: "NotFittedError before fit",
      run: () => {
        for (const method of predictMethods) expectThrows(() => call(make(), method, X), "NOT_FITTED", `${method} before fit`);
      },
    },
    {
      name: "predict leaves state unchanged",
      run: () => {
        const estimator = fitted();
        const before = JSON.stringify(estimator.toJSON());
        outputs(estimator);
        assert(JSON.stringify(estimator.toJSON()) === before, "predict/transform changed the fitted state");
      },
    },
    {
      name: "seeded determinism",
      run: () => {
        if (options.seedParam === undefined) return;
        const seeded = () => (make().withParams({ [options.seedParam!]: 7 }) as AnyEstimator);
        const a = seeded();
        const b = seeded();
        fit(a);
        fit(b);
        assert(sameOutput(outputs(a), outputs(b)), "two fits with the same seed differ");
      },
    },
    {
      name: "independent of nJobs",
      run: () => {
        if (options.nJobsParam === undefined) return;
        const withJobs = (n: number) => make().withParams({ [options.nJobsParam!]: n }) as AnyEstimator;
        const a = withJobs(1);
        const b = withJobs(2);
        fit(a);
        fit(b);
        assert(sameOutput(outputs(a), outputs(b)), "results differ between nJobs 1 and 2");
      },
    },
    {
      name: "DataError on empty input",
      run: () => {
        const empty = likeInput(X, frame.takeRows([]));
        expectThrows(() => fit(make(), empty, y?.slice(0, 0)), "DATA_ERROR", "fit on 0 rows");
      },
    },
    {
      name: "DataError on wrong width",
      run: () => {
        if (predictMethods.length === 0) return;
        const estimator = fitted();
        const narrower = frame.nCols > 1 ? frame.drop([frame.names[frame.nCols - 1]]) : frame.withColumn("extra_column", new Float64Array(frame.nRows));
        for (const method of predictMethods) expectThrows(() => call(estimator, method, likeInput(X, narrower)), "DATA_ERROR", `${method} with a different column count`);
      },
    },
    {
      name: "DataError on NaN where not allowed",
      run: () => {
        if (options.allowNaN) return;
        const numeric = frame.names.find((name) => frame.kindOf(name) === "numeric");
        if (numeric === undefined) return;
        const column = Float64Array.from(frame.numeric(numeric));
        column[0] = NaN;
        expectThrows(() => fit(make(), likeInput(X, frame.withColumn(numeric, column)), y), "DATA_ERROR", "fit with NaN");
      },
    },
    {
      name: "records behave like the Frame",
      run: () => {
        // Records are a table with names, read as Frame.fromRecords reads them: fitting, predicting
        // and transforming them gives what their Frame gives (a Frame where the Frame gives one),
        // and either can be given to an estimator fitted on the other.
        const records = frame.toRecords();
        const table = Frame.fromRecords(records);
        const onTable = make();
        const onRecords = make();
        fit(onTable, table);
        fit(onRecords, records);
        if ("featureNamesIn" in onTable) {
          assert(JSON.stringify(onRecords.featureNamesIn) === JSON.stringify(onTable.featureNamesIn), "fitting records remembers other feature names than fitting their Frame");
        }
        const expected = outputs(onTable, table);
        assert(sameOutput(outputs(onRecords, records), expected), "fitted on records, its outputs for the records differ from its outputs for the Frame when fitted on the Frame");
        assert(sameOutput(outputs(onTable, records), expected), "fitted on a Frame, its outputs for the same rows as records differ from those for the Frame");
        assert(sameOutput(outputs(onRecords, table), expected), "fitted on records, its outputs for the Frame of those records differ from the Frame-fitted ones");
      },
    },
    {
      name: "probabilities sum to 1 and agree with predict",
      run: () => {
        if (role !== "classifier") return;
        const estimator = fitted();
        const proba = call(estimator, "predictProba", X) as Matrix;
        const predicted = call(estimator, "predict", X) as Label[];
        const classes = estimator.classes as Label[];
        assert(proba.cols === classes.length, `predictProba has ${proba.cols} columns for ${classes.length} classes`);
        for (let i = 0; i < proba.rows; i++) {
          let sum = 0;
          let best = 0;
          for (let j = 0; j < proba.cols; j++) {
            const p = proba.get(i, j);
            assert(p >= 0 && p <= 1, `row ${i}: probability ${p} outside [0, 1]`);
            sum += p;
            if (p > proba.get(i, best)) best = j;
          }
          assert(Math.abs(sum - 1) < 1e-9, `row ${i}: probabilities sum to ${sum}`);
          const tied = Array.from({ length: proba.cols }, (_, j) => proba.get(i, j)).filter((p) => p === proba.get(i, best)).length > 1;
          assert(tied || predicted[i] === classes[best], `row ${i}: predict gives ${predicted[i]} but predictProba favours ${classes[best]}`);
        }
      },
    },
    {
      name: "fitTransform equals fit then transform",
      run: () => {
        if (role !== "transformer" || options.fitTransformEqualsTransform === false) return;
        const a = call(make(), "fitTransform", X, y);
        assert(sameOutput(a, outputs(fitted())), "fitTransform differs from fit().transform()");
      },
    },
    {
      name: "featureNamesOut matches the output width",
      run: () => {
        if (role !== "transformer") return;
        const estimator = fitted();
        const out = outputs(estimator) as Frame | Matrix;
        const width = out instanceof Frame ? out.nCols : out.cols;
        const names = call(estimator, "featureNamesOut") as string[];
        assert(names.length === width, `featureNamesOut has ${names.length} names for ${width} output columns`);
        if (out instanceof Frame) assert(JSON.stringify(out.names) === JSON.stringify(names), "output Frame columns are not featureNamesOut()");
      },
    },
    {
      name: "JSON is plain and round-trips bit-identically",
      run: () => {
        const estimator = fitted();
        const json = estimator.toJSON();
        const text = JSON.stringify(json);
        assert(JSON.stringify(JSON.parse(text)) === text, "toJSON() is not plain JSON");
        const loaded = loadModel(text) as AnyEstimator;
        assert(loaded.constructor === estimator.constructor, "loadModel rebuilt another class");
        assert(JSON.stringify(loaded.toJSON()) === text, "saving the loaded model gives another document");
        if (role !== "sampler") assert(sameOutput(outputs(loaded), outputs(estimator)), "the loaded model's outputs differ");
        const unfitted = loadModel(JSON.stringify(make().toJSON())) as AnyEstimator;
        assert(!unfitted.isFitted, "an unfitted model loads as fitted");
      },
    },
    {
      name: "bad JSON raises SerializationError",
      run: () => {
        const json = fitted().toJSON();
        const reseal = (document: Record<string, unknown>) => sealModel(document as unknown as ModelJSON);
        const variants: [string, unknown][] = [
          ["future schemaVersion", { ...json, schemaVersion: json.schemaVersion + 1 }],
          ["unknown kind", { ...json, kind: "NoSuchEstimator" }],
          ["wrong format", { ...json, format: "other" }],
          ["a wrong checksum", { ...json, checksum: "0000000000000000" }],
          ["state not an object", reseal({ ...json, state: "garbage" })],
          ["params not an object", { ...json, params: [] }],
          ["prototype key in params", JSON.parse(JSON.stringify(json).replace('"params":{', '"params":{"__proto__":{"polluted":true},'))],
          ["prototype key in state", JSON.parse(JSON.stringify(json).replace('"state":{', '"state":{"constructor":{"prototype":{"polluted":true}},'))],
        ];
        for (const key of Object.keys(json.state ?? {})) {
          const state = { ...json.state };
          delete state[key];
          variants.push([`state without "${key}"`, reseal({ ...json, state })]);
        }
        const texts: [string, string][] = variants.map(([what, document]) => [what, JSON.stringify(document)]);
        // Written as text: a nesting this deep would overflow JSON.stringify itself.
        texts.push(["oversized nesting", JSON.stringify({ ...json, state: null }).replace('"state":null', `"state":${'{"a":'.repeat(100_000)}{}${"}".repeat(100_000)}`)]);
        texts.push(["truncated text", JSON.stringify(json).slice(0, -10)]);
        for (const [what, text] of texts) {
          expectThrows(() => loadModel(text), "SERIALIZATION_ERROR", `loading with ${what}`);
          assert(!("polluted" in Object.prototype), `loading with ${what} polluted Object.prototype`);
        }
      },
    },
  ];
  return checks.filter((check) => options.skip?.[check.name] === undefined);
}

/**
 * Runs every conformance check on the estimator `factory` makes, and throws a ConformanceError
 * listing all failures. Checks named in `options.skip` are not run (each must give a reason).
 */
export function checkEstimator(factory: () => Estimator<object, unknown>, options: ConformanceOptions): void {
  const failures: { check: string; message: string }[] = [];
  for (const check of estimatorChecks(factory, options)) {
    try {
      check.run();
    } catch (error) {
      failures.push({ check: check.name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (failures.length > 0) throw new ConformanceError(factory().kind, failures);
}
