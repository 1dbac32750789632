import { DataError, inStep } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { Frame, type Column } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, isTable, schemaOfFrame, toFrame, type FeatureSchema, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { boolean, nullable, number, param, recordOf, type ParamCheck, type ParamSchema } from "../core/params.js";
import type { StateReader } from "../core/state-codec.js";
import { respondsTo } from "../core/responds-to.js";
import { callMethod, checkStepNames, estimatorCheck, fitTransformStep, type Step } from "./steps.js";

/** Columns by name or by position; a single name or index selects one column. */
export type ColumnSelector = string | number | readonly string[] | readonly number[];

/** One entry: a name, what to do with the columns, and which columns. */
export type ColumnTransformerEntry = readonly [name: string, transformer: Step | "drop" | "passthrough", columns: ColumnSelector];

export interface ColumnTransformerParams {
  transformers: readonly ColumnTransformerEntry[];
  /** What happens to the columns no entry selects. Default "drop". */
  remainder: "drop" | "passthrough" | Step;
  /** Prefix output names with `name__`. Default true. */
  verboseFeatureNamesOut: boolean;
  /** Multiplies each named transformer's numeric output. */
  transformerWeights: Readonly<Record<string, number>> | null;
}

const isSelector = (value: unknown): boolean =>
  typeof value === "string" ||
  (typeof value === "number" && Number.isInteger(value)) ||
  (Array.isArray(value) && (value.every((v) => typeof v === "string") || value.every((v) => typeof v === "number" && Number.isInteger(v))));

/** "drop", "passthrough", or an estimator with the two methods the join calls (a model or a sampler has no transform). */
const transformerCheck: ParamCheck = (value) => {
  const problem = estimatorCheck("drop", "passthrough")(value);
  if (problem !== undefined || typeof value === "string") return problem;
  const missing = ["transform", "featureNamesOut"].filter((method) => !respondsTo(value, method));
  return missing.length === 0 ? undefined : `must be a transformer, but a ${(value as Step).kind} has no ${missing.join(" or ")}`;
};

const SCHEMA: ParamSchema<ColumnTransformerParams> = {
  transformers: param<readonly ColumnTransformerEntry[]>([], (value) => {
    if (!Array.isArray(value)) return "must be an array of [name, transformer, columns] entries";
    for (const entry of value) {
      if (!Array.isArray(entry) || entry.length !== 3) return "every entry must be [name, transformer, columns]";
      const problem = transformerCheck(entry[1]);
      if (problem !== undefined) return `entry ${JSON.stringify(entry[0])}: transformer ${problem}`;
      if (!isSelector(entry[2])) return `entry ${JSON.stringify(entry[0])}: columns must be a name, an index, or an array of names or of indices`;
      const twice = firstDuplicate(Array.isArray(entry[2]) ? entry[2] : []);
      if (twice !== undefined) return `entry ${JSON.stringify(entry[0])}: columns select ${JSON.stringify(twice)} twice; select each column once`;
    }
    return checkStepNames(value.map((entry: ColumnTransformerEntry) => entry[0]), Object.keys(SCHEMA));
  }),
  remainder: param<"drop" | "passthrough" | Step>("drop", transformerCheck),
  verboseFeatureNamesOut: param(true, boolean()),
  transformerWeights: param<Readonly<Record<string, number>> | null>(null, nullable(recordOf(number()))),
};

interface FittedBlock {
  name: string;
  /** Input column positions, in selection order. */
  columns: number[];
  /** The fitted clone, or null for passthrough. */
  model: Step | null;
  /** Output names before any prefix. */
  names: string[];
}

interface ColumnTransformerState {
  schema: FeatureSchema;
  blocks: FittedBlock[];
  namesOut: string[];
}

const REMAINDER = "remainder";

interface PlannedBlock {
  name: string;
  spec: Step | "passthrough";
  columns: number[];
}

/** The first value that occurs twice, if any. */
function firstDuplicate<T>(values: readonly T[]): T | undefined {
  return values.find((value, k) => values.indexOf(value) !== k);
}

const sameList = (a: unknown, b: readonly unknown[]): boolean => Array.isArray(a) && a.length === b.length && a.every((v, k) => v === b[k]);

/**
 * Applies a transformer to each group of columns and joins the results side by side, as
 * scikit-learn's ColumnTransformer: children are clones fitted through `fitTransform`, remainder
 * columns come last in their original order, names are `name__column`. A Frame or records in give a
 * Frame out (mixed kinds allowed); otherwise a Matrix when every output column is numeric.
 */
export class ColumnTransformer extends Estimator<ColumnTransformerParams, ColumnTransformerState> {
  static readonly kind = "ColumnTransformer";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<ColumnTransformerParams>) {
    super(SCHEMA, params);
  }

  fit(X: TableInput, y?: readonly Label[] | ArrayLike<number>): this {
    this.learn(X, y, "fit");
    return this;
  }

  fitTransform(X: TableInput, y?: readonly Label[] | ArrayLike<number>): Frame | Matrix {
    return this.learn(X, y, "fitTransform");
  }

  private learn(X: TableInput, y: readonly Label[] | ArrayLike<number> | undefined, method: string): Frame | Matrix {
    const frame = toFrame(X, this.site(method));
    const plan = this.plan(frame.names, method);
    const blocks: FittedBlock[] = [];
    const outputs: Frame[] = [];
    for (const { name, spec, columns } of plan) {
      const selected = frame.select(columns.map((j) => frame.names[j]));
      if (spec === "passthrough") {
        blocks.push({ name, columns, model: null, names: [...selected.names] });
        outputs.push(this.weighted(selected, name));
        continue;
      }
      const model = spec.clone() as Step;
      const out = this.inEntry(method, name, model, () => fitTransformStep(model, selected, y));
      const names = this.inEntry(method, name, model, () => callMethod<string[]>(model, "featureNamesOut", selected.names));
      blocks.push({ name, columns, model, names });
      outputs.push(this.asFrame(out, names, name, method, frame.nRows));
    }
    const namesOut = this.outputNames(blocks);
    const twice = firstDuplicate(namesOut);
    if (twice !== undefined) {
      throw new DataError(this.message(method, `output name ${JSON.stringify(twice)} appears more than once; set verboseFeatureNamesOut: true to prefix names with their transformer`));
    }
    this.commit({ schema: schemaOfFrame(X, frame), blocks, namesOut });
    return this.join(X, frame, outputs, namesOut);
  }

  transform(X: TableInput): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    const frame = toFrame(X, site);
    // Columns are found by name, so extra or reordered columns are fine when fitted on names.
    if (state.schema.named) this.checkReadColumns(frame, state);
    else checkFeatures(state.schema, frame.names, site);
    const outputs = state.blocks.map((block) => {
      const selected = frame.select(block.columns.map((j) => state.schema.names[j]));
      for (const name of selected.names) {
        const j = state.schema.names.indexOf(name);
        if (selected.kindOf(name) !== state.schema.kinds[j]) throw DataError.at({ ...site, column: name }, `column is ${selected.kindOf(name)} but was ${state.schema.kinds[j]} at fit`);
      }
      if (block.model === null) return this.weighted(selected, block.name);
      const model = block.model;
      return this.asFrame(this.inEntry("transform", block.name, model, () => callMethod(model, "transform", selected)), block.names, block.name, "transform", frame.nRows);
    });
    return this.join(X, frame, outputs, state.namesOut);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").namesOut];
  }

  /** The fitted clone of the entry called `name` (or "remainder"). */
  transformer<T extends Step = Step>(name: string): T {
    const block = this.fitted("transformer").blocks.find((b) => b.name === name);
    if (block === undefined || block.model === null) {
      throw new DataError(this.message("transformer", `no fitted transformer named ${JSON.stringify(name)}`));
    }
    return block.model as T;
  }

  /** Output column positions of each entry, as scikit-learn's `output_indices_`. */
  get outputIndices(): Record<string, [start: number, stop: number]> {
    const out: Record<string, [number, number]> = {};
    let start = 0;
    for (const block of this.fitted("outputIndices").blocks) {
      out[block.name] = [start, start + block.names.length];
      start += block.names.length;
    }
    return out;
  }

  /** Runs a child's method; its error is restated as this entry's (class, code, column and row kept). */
  private inEntry<T>(method: string, entry: string, model: Step, run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw inStep(error, this.site(method), `entry ${JSON.stringify(entry)}`, model.kind);
    }
  }

  /** Resolves every entry's columns (of X's `names`) to positions, and the remainder; empty selections are skipped. */
  private plan(names: readonly string[], method: string): PlannedBlock[] {
    const used = new Set<number>();
    const plan: PlannedBlock[] = [];
    for (const [name, spec, selector] of this.params.transformers) {
      const columns = this.resolve(names, selector, name, method);
      columns.forEach((j) => used.add(j));
      if (spec !== "drop" && columns.length > 0) plan.push({ name, spec, columns });
    }
    const { remainder } = this.params;
    const rest = names.map((_, j) => j).filter((j) => !used.has(j));
    if (remainder !== "drop" && rest.length > 0) plan.push({ name: REMAINDER, spec: remainder, columns: rest });
    return plan;
  }

  private resolve(names: readonly string[], selector: ColumnSelector, entry: string, method: string): number[] {
    const items: readonly (string | number)[] = Array.isArray(selector) ? selector : [selector as string | number];
    const columns = items.map((item) => {
      if (typeof item === "number") {
        const j = item < 0 ? names.length + item : item;
        if (j < 0 || j >= names.length) throw DataError.at(this.site(method), `entry ${JSON.stringify(entry)} selects column index ${item}, but X has ${names.length} columns`);
        return j;
      }
      const j = names.indexOf(item);
      if (j < 0) throw DataError.at({ ...this.site(method), column: item }, `entry ${JSON.stringify(entry)} selects a column that X does not have`);
      return j;
    });
    // Literal repeats are refused by the constructor; an index and its negative twin meet only here.
    const twice = firstDuplicate(columns);
    if (twice !== undefined) throw DataError.at({ ...this.site(method), column: names[twice] }, `entry ${JSON.stringify(entry)} selects the same column twice; select each column once`);
    return columns;
  }

  /** Every column a fitted entry reads must be there; one only dropped may be absent, as in scikit-learn. */
  private checkReadColumns(frame: Frame, state: ColumnTransformerState): void {
    const read = new Set(state.blocks.flatMap((block) => block.columns));
    const missing = state.schema.names.filter((name, j) => read.has(j) && !frame.has(name));
    if (missing.length > 0) {
      throw DataError.at({ ...this.site("transform"), column: missing[0] }, `column(s) ${missing.map((n) => JSON.stringify(n)).join(", ")} seen at fit are missing from the input`);
    }
  }

  /** A block's output as a Frame under its names, checked against the input's `rows`, and weighted. */
  private asFrame(out: Frame | Matrix, names: string[], entry: string, method: string, rows: number): Frame {
    const [nRows, nCols] = out instanceof Frame ? [out.nRows, out.nCols] : [out.rows, out.cols];
    if (nCols !== names.length) {
      throw new DataError(this.message(method, `transformer ${JSON.stringify(entry)} returned ${nCols} columns but names ${names.length}`));
    }
    // A Frame without columns reports 0 rows whatever its input had, and adds nothing to the join.
    if (nCols > 0 && nRows !== rows) {
      throw new DataError(this.message(method, `transformer ${JSON.stringify(entry)} returned ${nRows} rows for ${rows} input rows`));
    }
    return this.weighted(out instanceof Frame ? out : Frame.fromMatrix(new Matrix(out.data, out.rows, out.cols, names)), entry);
  }

  /** A block's output times its entry's weight, passthrough blocks included (as scikit-learn); text columns are left as they are. */
  private weighted(frame: Frame, entry: string): Frame {
    const weight = this.params.transformerWeights?.[entry];
    if (weight === undefined) return frame;
    const columns = frame.names.map((name) => {
      const column = frame.column(name);
      return column instanceof Float64Array ? column.map((v) => v * weight) : column;
    });
    return Frame.adoptColumns(frame.names, columns, frame.nRows);
  }

  /** The output names: each block's names, prefixed with `name__` when verboseFeatureNamesOut. */
  private outputNames(blocks: readonly FittedBlock[]): string[] {
    return blocks.flatMap((block) => block.names.map((name) => (this.params.verboseFeatureNamesOut ? `${block.name}__${name}` : name)));
  }

  /** Joins the blocks side by side under the final names, shaped like the input; the row count is the input `frame`'s. */
  private join(input: TableInput, frame: Frame, outputs: Frame[], namesOut: string[]): Frame | Matrix {
    const rows = frame.nRows;
    const columns: Column[] = outputs.flatMap((out) => out.names.map((name) => out.column(name)));
    const allNumeric = columns.every((column) => column instanceof Float64Array);
    if (!isTable(input) && allNumeric) {
      const data = new Float64Array(rows * columns.length);
      columns.forEach((column, j) => {
        for (let i = 0; i < rows; i++) data[i * columns.length + j] = (column as Float64Array)[i];
      });
      return new Matrix(data, rows, columns.length, namesOut);
    }
    // Frame.fromColumns({}) has 0 rows; selecting no columns keeps the input's row count.
    if (columns.length === 0) return frame.select([]);
    // Kinds are kept, not inferred: an all-missing text column would read as numeric.
    const kinds = Object.fromEntries(namesOut.map((name, j) => [name, columns[j] instanceof Float64Array ? ("numeric" as const) : ("categorical" as const)]));
    return Frame.fromColumns(Object.fromEntries(namesOut.map((name, j) => [name, columns[j]])), { kinds });
  }

  protected encodeState(state: ColumnTransformerState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      blocks: state.blocks.map((block) => ({
        name: block.name,
        columns: block.columns,
        model: block.model === null ? null : (block.model.toJSON() as unknown as JsonObject),
        names: block.names,
      })),
      namesOut: state.namesOut,
    };
  }

  /**
   * The blocks must be the ones fit builds from params and the saved schema: the same entries and
   * column positions, children fitted on those columns (names and kinds), names as the children
   * give them, and namesOut as the prefixing rule makes them.
   */
  protected decodeState(reader: StateReader, context: LoadContext): ColumnTransformerState {
    const schema = decodeSchema(reader.object("schema"));
    let plan: PlannedBlock[] = [];
    try {
      plan = this.plan(schema.names, "loadModel");
    } catch (error) {
      reader.fail("schema", `does not fit params.transformers: ${(error as Error).message}`);
    }
    const blocks = reader.objects("blocks", { length: plan.length }).map((block, i): FittedBlock => {
      const { name, spec, columns } = plan[i];
      if (block.string("name") !== name) block.fail("name", `must be ${JSON.stringify(name)}, the entry params.transformers put at this position`);
      if (!sameList(block.numbers("columns"), columns)) block.fail("columns", `must be [${columns.join(", ")}], the columns entry ${JSON.stringify(name)} selects in state.schema`);
      const inputNames = columns.map((j) => schema.names[j]);
      let model: Step | null = null;
      let expected = inputNames;
      if (spec === "passthrough") {
        if (block.raw("model") !== null) block.fail("model", "must be null for a passthrough entry");
      } else {
        const doc = block.raw("model");
        model = context.load(doc, `${this.kind}.state.blocks[${i}].model`) as Step;
        if (model.kind !== spec.kind) block.fail("model", `is a ${model.kind} but params declare a ${spec.kind}`);
        if (!model.isFitted) block.fail("model", "is not fitted");
        // Children built on core/input save the columns they were fitted on as state.schema.
        const fittedOn = (doc as { state?: { schema?: { names?: unknown; kinds?: unknown } } }).state?.schema;
        if (fittedOn !== undefined && !(sameList(fittedOn.names, inputNames) && sameList(fittedOn.kinds, columns.map((j) => schema.kinds[j])))) {
          block.fail("model", `was fitted on other columns than ${inputNames.map((n) => JSON.stringify(n)).join(", ")} (names or kinds of state.schema differ)`);
        }
        expected = callMethod<string[]>(model, "featureNamesOut", inputNames);
      }
      const names = block.strings("names", {});
      if (!sameList(names, expected)) block.fail("names", `must be ${spec === "passthrough" ? "the selected columns' names" : `the ${spec.kind}'s featureNamesOut`} (${expected.length} names)`);
      return { name, columns, model, names };
    });
    const namesOut = reader.strings("namesOut", {});
    if (!sameList(namesOut, this.outputNames(blocks))) reader.fail("namesOut", "must be the blocks' names in order, prefixed with their entry's name when verboseFeatureNamesOut");
    const twice = firstDuplicate(namesOut);
    if (twice !== undefined) reader.fail("namesOut", `has ${JSON.stringify(twice)} twice`);
    return { schema, blocks, namesOut };
  }
}
