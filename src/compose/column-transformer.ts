import { DataError, inStep } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { Frame, type Column } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, schemaOfFrame, toFrame, type FeatureSchema, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { boolean, nullable, number, param, recordOf, type ParamSchema } from "../core/params.js";
import type { StateReader } from "../core/state-codec.js";
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

const SCHEMA: ParamSchema<ColumnTransformerParams> = {
  transformers: param<readonly ColumnTransformerEntry[]>([], (value) => {
    if (!Array.isArray(value)) return "must be an array of [name, transformer, columns] entries";
    for (const entry of value) {
      if (!Array.isArray(entry) || entry.length !== 3) return "every entry must be [name, transformer, columns]";
      const problem = estimatorCheck("drop", "passthrough")(entry[1]);
      if (problem !== undefined) return `entry ${JSON.stringify(entry[0])}: transformer ${problem}`;
      if (!isSelector(entry[2])) return `entry ${JSON.stringify(entry[0])}: columns must be a name, an index, or an array of names or of indices`;
    }
    return checkStepNames(value.map((entry: ColumnTransformerEntry) => entry[0]));
  }),
  remainder: param<"drop" | "passthrough" | Step>("drop", estimatorCheck("drop", "passthrough")),
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

/**
 * Applies a transformer to each group of columns and joins the results side by side, as
 * scikit-learn's ColumnTransformer: children are clones fitted through `fitTransform`, remainder
 * columns come last in their original order, names are `name__column`. A Frame in gives a Frame out
 * (mixed kinds allowed); otherwise a Matrix when every output column is numeric.
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
    const plan = this.plan(frame);
    const blocks: FittedBlock[] = [];
    const outputs: Frame[] = [];
    for (const { name, spec, columns } of plan) {
      const selected = frame.select(columns.map((j) => frame.names[j]));
      if (spec === "passthrough") {
        blocks.push({ name, columns, model: null, names: [...selected.names] });
        outputs.push(selected);
        continue;
      }
      const model = spec.clone() as Step;
      const out = this.inEntry(method, name, model, () => fitTransformStep(model, selected, y));
      const names = this.inEntry(method, name, model, () => callMethod<string[]>(model, "featureNamesOut"));
      blocks.push({ name, columns, model, names });
      outputs.push(this.asFrame(out, names, name, method));
    }
    const namesOut = this.prefixNames(blocks);
    this.commit({ schema: schemaOfFrame(X, frame), blocks, namesOut });
    return this.join(X, outputs, namesOut);
  }

  transform(X: TableInput): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    const frame = toFrame(X, site);
    // Columns are found by name, so extra or reordered columns are fine when fitted on names.
    const source = state.schema.named ? this.selectFitted(frame, state.schema) : frame;
    if (!state.schema.named) checkFeatures(state.schema, frame.names, site);
    const outputs = state.blocks.map((block) => {
      const selected = source.select(block.columns.map((j) => state.schema.names[j]));
      for (const name of selected.names) {
        const j = state.schema.names.indexOf(name);
        if (selected.kindOf(name) !== state.schema.kinds[j]) throw DataError.at({ ...site, column: name }, `column is ${selected.kindOf(name)} but was ${state.schema.kinds[j]} at fit`);
      }
      if (block.model === null) return selected;
      const model = block.model;
      return this.asFrame(this.inEntry("transform", block.name, model, () => callMethod(model, "transform", selected)), block.names, block.name, "transform");
    });
    return this.join(X, outputs, state.namesOut);
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

  /** Resolves every entry's columns to positions, and the remainder; empty selections are skipped. */
  private plan(frame: Frame): { name: string; spec: Step | "passthrough"; columns: number[] }[] {
    const used = new Set<number>();
    const plan: { name: string; spec: Step | "passthrough"; columns: number[] }[] = [];
    for (const [name, spec, selector] of this.params.transformers) {
      const columns = this.resolve(frame, selector, name);
      columns.forEach((j) => used.add(j));
      if (spec !== "drop" && columns.length > 0) plan.push({ name, spec, columns });
    }
    const { remainder } = this.params;
    const rest = frame.names.map((_, j) => j).filter((j) => !used.has(j));
    if (remainder !== "drop" && rest.length > 0) plan.push({ name: REMAINDER, spec: remainder, columns: rest });
    return plan;
  }

  private resolve(frame: Frame, selector: ColumnSelector, entry: string): number[] {
    const items: readonly (string | number)[] = Array.isArray(selector) ? selector : [selector as string | number];
    return items.map((item) => {
      if (typeof item === "number") {
        const j = item < 0 ? frame.nCols + item : item;
        if (j < 0 || j >= frame.nCols) throw DataError.at(this.site("fit"), `entry ${JSON.stringify(entry)} selects column index ${item}, but X has ${frame.nCols} columns`);
        return j;
      }
      const j = frame.names.indexOf(item);
      if (j < 0) throw DataError.at({ ...this.site("fit"), column: item }, `entry ${JSON.stringify(entry)} selects a column that X does not have`);
      return j;
    });
  }

  private selectFitted(frame: Frame, schema: FeatureSchema): Frame {
    const missing = schema.names.filter((name) => !frame.has(name));
    if (missing.length > 0) {
      throw DataError.at({ ...this.site("transform"), column: missing[0] }, `column(s) ${missing.map((n) => JSON.stringify(n)).join(", ")} seen at fit are missing from the input`);
    }
    return frame.select(schema.names);
  }

  private asFrame(out: Frame | Matrix, names: string[], entry: string, method: string): Frame {
    const frame = out instanceof Frame ? out : Frame.fromMatrix(new Matrix(out.data, out.rows, out.cols, names));
    if (frame.nCols !== names.length) {
      throw new DataError(this.message(method, `transformer ${JSON.stringify(entry)} returned ${frame.nCols} columns but names ${names.length}`));
    }
    const weight = this.params.transformerWeights?.[entry];
    if (weight === undefined) return frame;
    const weighted: Record<string, Column> = {};
    for (const name of frame.names) {
      const column = frame.column(name);
      weighted[name] = column instanceof Float64Array ? column.map((v) => v * weight) : column;
    }
    return Frame.fromColumns(weighted);
  }

  private prefixNames(blocks: FittedBlock[]): string[] {
    const names = blocks.flatMap((block) => block.names.map((name) => (this.params.verboseFeatureNamesOut ? `${block.name}__${name}` : name)));
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) {
        throw new DataError(this.message("fit", `output name ${JSON.stringify(name)} appears more than once; set verboseFeatureNamesOut: true to prefix names with their transformer`));
      }
      seen.add(name);
    }
    return names;
  }

  /** Joins the blocks side by side under the final names, shaped like the input. */
  private join(input: TableInput, outputs: Frame[], namesOut: string[]): Frame | Matrix {
    const rows = outputs.length > 0 ? outputs[0].nRows : toFrame(input, this.site("transform")).nRows;
    const columns: Column[] = outputs.flatMap((frame) => frame.names.map((name) => frame.column(name)));
    const allNumeric = columns.every((column) => column instanceof Float64Array);
    if (!(input instanceof Frame) && allNumeric) {
      const data = new Float64Array(rows * columns.length);
      columns.forEach((column, j) => {
        for (let i = 0; i < rows; i++) data[i * columns.length + j] = (column as Float64Array)[i];
      });
      return new Matrix(data, rows, columns.length, namesOut);
    }
    return Frame.fromColumns(Object.fromEntries(namesOut.map((name, j) => [name, columns[j]])));
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

  protected decodeState(reader: StateReader, context: LoadContext): ColumnTransformerState {
    const schema = decodeSchema(reader.object("schema"));
    const specs = new Map<string, Step | "passthrough" | "drop">(this.params.transformers.map(([name, spec]) => [name, spec]));
    specs.set(REMAINDER, this.params.remainder);
    const blocks = reader.objects("blocks").map((block, i) => {
      const name = block.string("name");
      const spec = specs.get(name);
      if (spec === undefined || spec === "drop") return block.fail("name", "names no entry of params.transformers");
      const columns = block.numbers("columns").map((j, k) => {
        if (!Number.isInteger(j) || j < 0 || j >= schema.names.length) block.fail(`columns[${k}]`, `must be a column index below ${schema.names.length}`);
        return j;
      });
      const names = block.strings("names", {});
      let model: Step | null = null;
      if (spec === "passthrough") {
        if (block.raw("model") !== null) block.fail("model", "must be null for a passthrough entry");
        if (names.length !== columns.length) block.fail("names", "must name every passthrough column");
      } else {
        model = context.load(block.raw("model"), `${this.kind}.state.blocks[${i}].model`) as Step;
        if (model.kind !== spec.kind) block.fail("model", `is a ${model.kind} but params declare a ${spec.kind}`);
        if (!model.isFitted) block.fail("model", "is not fitted");
      }
      return { name, columns, model, names };
    });
    const namesOut = reader.strings("namesOut", { length: blocks.reduce((n, b) => n + b.names.length, 0) });
    return { schema, blocks, namesOut };
  }
}
