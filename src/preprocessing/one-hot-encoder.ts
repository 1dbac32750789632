import { DataError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { decodeSchema, encodeSchema, schemaOfFrame, toFrame, toMatrix, type FeatureSchema, type MatrixInput, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { anyOf, arrayOf, integer, nullable, oneOf, param, type ParamCheck, type ParamSchema } from "../core/params.js";
import { encodeInt32Array, type StateReader } from "../core/state-codec.js";
import {
  categoriesCheck,
  categoryIndex,
  checkedFrame,
  decodeCategories,
  decodedFrame,
  describeCategory,
  encodeCategories,
  encodeColumn,
  fitCategories,
  formatCategory,
  isNumericList,
  type CategoriesParam,
  type Category,
  type CategoryList,
} from "./categories.js";
import { columnMajorOutput, refuseCollidingNames, refuseSavedCollidingNames } from "./column-output.js";
import { decodeInfrequent, encodeInfrequent, groupingMap, identifyInfrequent, INFREQUENT_LABEL, infrequentEnabled, minFrequencyCheck } from "./infrequent.js";

export interface OneHotEncoderParams {
  /** `"auto"` (the sorted values seen at fit) or one list per column. Default "auto". */
  categories: CategoriesParam;
  /**
   * Which category of each column gets no output column: null (none), `"first"`,
   * `"if_binary"` (only columns with two outputs), or one category per column. Default null.
   */
  drop: null | "first" | "if_binary" | readonly (string | number | null)[];
  /**
   * A category not seen at fit: `"error"`, `"ignore"` (all zeros), `"infrequent_if_exist"` (the
   * infrequent column if there is one, else zeros), or `"warn"` (like infrequent_if_exist, and
   * reports it through `onWarning`). Default "error".
   */
  handleUnknown: "error" | "ignore" | "infrequent_if_exist" | "warn";
  /** Categories rarer than this count (integer) or fraction of rows (in (0, 1)) are grouped. Default null. */
  minFrequency: number | null;
  /** At most this many output columns per input column, the grouped infrequent one included. Default null. */
  maxCategories: number | null;
}

const dropCheck: ParamCheck = anyOf(
  nullable(oneOf("first", "if_binary")),
  arrayOf((v) => (v === null || typeof v === "string" || typeof v === "number" ? undefined : "must be a category (string, number or null)")),
);

const SCHEMA: ParamSchema<OneHotEncoderParams> = {
  categories: param("auto", categoriesCheck),
  drop: param(null, dropCheck),
  handleUnknown: param("error", oneOf("error", "ignore", "infrequent_if_exist", "warn")),
  minFrequency: param(null, minFrequencyCheck),
  maxCategories: param(null, nullable(integer({ min: 1 }))),
};

/** Options of `transform`. */
export interface OneHotTransformOptions {
  /** Receives scikit-learn's warnings about unknown categories (handleUnknown "warn", or with drop). */
  onWarning?: (message: string) => void;
}

/** How one input column maps to its block of output columns. */
interface ColumnLayout {
  /** Output position inside the block of each category, -1 for the dropped one. */
  position: Int32Array;
  /** Position of the infrequent column for unknown values under infrequent_if_exist (-1: zeros). */
  unknownPosition: number;
  /** Whether the column has an infrequent slot. */
  hasInfrequent: boolean;
  /** The label of each output column of the block (a category or the infrequent label). */
  labels: Category[];
  /** The label of the dropped slot, or undefined when nothing is dropped. */
  droppedLabel: Category | undefined;
}

interface OneHotEncoderState {
  schema: FeatureSchema;
  categories: CategoryList[];
  /** Per column, the indices of the infrequent categories (empty: none). */
  infrequent: Int32Array[];
  /** Per column, the index in `categories` of the dropped category, or -1. */
  dropIdx: Int32Array;
  layouts: ColumnLayout[];
}

/**
 * scikit-learn's `OneHotEncoder` with dense output: one 0/1 column per category of every input
 * column, with missing values (null/NaN) as a category of their own, optional grouping of
 * infrequent categories, dropping, and scikit-learn's names (`pais_França`, `x0_1.0`).
 */
export class OneHotEncoder extends Estimator<OneHotEncoderParams, OneHotEncoderState> {
  static readonly kind = "OneHotEncoder";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<OneHotEncoderParams>) {
    super(SCHEMA, params);
  }

  fit(X: TableInput, _y?: unknown): this {
    return this.commit(this.learn(X, "fit"));
  }

  /** The categories and output layout learnt from X. Errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: TableInput, method: string): OneHotEncoderState {
    const site = this.site(method);
    const frame = toFrame(X, site);
    const { categories, counts } = fitCategories(frame, this.params.categories, site, this.params.handleUnknown === "error");
    const enabled = infrequentEnabled(this.params);
    const infrequent = counts.map((c) => (enabled ? identifyInfrequent(c, frame.nRows, this.params) : null) ?? new Int32Array(0));
    const dropIdx = this.dropIndices(frame, categories, infrequent, site);
    const state = { schema: schemaOfFrame(X, frame), categories, infrequent, dropIdx, layouts: layoutsOf(categories, infrequent, dropIdx) };
    refuseCollidingNames(this.namesOut(state), site, (c) => describeOutput(state, c));
    return state;
  }

  /** The one-hot matrix (a Frame for a Frame or records input); unknown categories follow `handleUnknown`. */
  transform(X: TableInput, options: OneHotTransformOptions = {}): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    const frame = checkedFrame(X, state.schema, site);
    const widths = state.layouts.map((layout) => layout.labels.length);
    const width = widths.reduce((a, b) => a + b, 0);
    const rows = frame.nRows;
    const out = new Float64Array(rows * width);
    const { handleUnknown, drop } = this.params;
    const unknownColumns: string[] = [];
    let offset = 0;
    frame.names.forEach((name, j) => {
      const column = frame.column(name);
      const codes = encodeColumn(column, state.categories[j]);
      const { position, unknownPosition } = state.layouts[j];
      const useInfrequent = handleUnknown === "infrequent_if_exist" || handleUnknown === "warn";
      const unknownRow = setOnes(codes, position, useInfrequent ? unknownPosition : -1, out, offset, rows);
      if (unknownRow >= 0 && handleUnknown === "error") {
        throw DataError.at(
          { ...site, column: name, row: unknownRow },
          `unknown category ${describeCategory(column[unknownRow])} in column "${name}" (row ${unknownRow}); set handleUnknown: "ignore" to encode it as all zeros`,
        );
      }
      if (unknownRow >= 0) unknownColumns.push(name);
      offset += widths[j];
    });
    const warn = handleUnknown === "warn" || (drop !== null && handleUnknown !== "error");
    if (warn && unknownColumns.length > 0) {
      const fate = handleUnknown === "ignore" ? "all zeros" : "the infrequent category (all zeros where a column has none)";
      options.onWarning?.(`${this.kind}.transform: found unknown categories in column(s) ${unknownColumns.map((c) => `"${c}"`).join(", ")}; they are encoded as ${fate}`);
    }
    return columnMajorOutput(X, out, rows, this.namesOut(state));
  }

  fitTransform(X: TableInput, _y?: unknown): Frame | Matrix {
    return this.commit(this.learn(X, "fitTransform")).transform(X);
  }

  /**
   * The categories back from a one-hot matrix: per block, the column with the largest value; an
   * all-zero block gives the dropped category, or null/NaN for an ignored unknown. The
   * infrequent column gives "infrequent_sklearn" (a numeric column then comes back as text).
   */
  inverseTransform(X: MatrixInput): Frame {
    const state = this.fitted("inverseTransform");
    const site = this.site("inverseTransform");
    const width = state.layouts.reduce((sum, layout) => sum + layout.labels.length, 0);
    // Every category dropped: the n x 0 output inverts to the dropped categories.
    const matrix = toMatrix(X, site, { allowNoColumns: width === 0 });
    if (matrix.cols !== width) throw DataError.at(site, `X has ${matrix.cols} columns, but the encoder outputs ${width}`);
    const { handleUnknown } = this.params;
    const columns: Category[][] = [];
    let offset = 0;
    state.layouts.forEach((layout, j) => {
      const values: Category[] = new Array(matrix.rows);
      const n = layout.labels.length;
      // scikit-learn maps an all-zero block to "unknown" (null) only where unknowns were encoded as zeros.
      const zerosAreUnknown = handleUnknown === "ignore" || (handleUnknown !== "error" && !layout.hasInfrequent);
      for (let i = 0; i < matrix.rows; i++) {
        const base = i * matrix.cols + offset;
        let best = 0;
        let sum = 0;
        for (let k = 0; k < n; k++) {
          sum += matrix.data[base + k];
          if (matrix.data[base + k] > matrix.data[base + best]) best = k;
        }
        if (n > 0 && sum !== 0) values[i] = layout.labels[best];
        else if (layout.droppedLabel !== undefined) values[i] = layout.droppedLabel;
        else if (zerosAreUnknown) values[i] = null;
        else {
          const name = state.schema.names[j];
          throw DataError.at({ ...site, row: i }, `row ${i} is all zeros in the block of column "${name}" and cannot be inverted when drop is null and handleUnknown is "error"`);
        }
      }
      columns.push(values);
      offset += n;
    });
    return decodedFrame(state.schema.names, columns, state.categories);
  }

  /** Output names: `column_category` in block order, with Python's `str` of each category. */
  featureNamesOut(): string[] {
    return this.namesOut(this.fitted("featureNamesOut"));
  }

  /** The categories of each column (numbers for numeric columns, null for missing text). */
  get categories(): Category[][] {
    return this.fitted("categories").categories.map((list) => Array.from(list as ArrayLike<Category>));
  }
  /** Per column, the index into `categories` of the dropped category, or null. */
  get dropIdx(): (number | null)[] {
    return Array.from(this.fitted("dropIdx").dropIdx, (k) => (k < 0 ? null : k));
  }
  /** Per column, the categories grouped as infrequent, or null. */
  get infrequentCategories(): (Category[] | null)[] {
    const state = this.fitted("infrequentCategories");
    return state.infrequent.map((indices, j) => (indices.length === 0 ? null : Array.from(indices, (k) => state.categories[j][k])));
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  private namesOut(state: OneHotEncoderState): string[] {
    return state.layouts.flatMap((layout, j) => layout.labels.map((label) => `${state.schema.names[j]}_${formatCategory(label)}`));
  }

  /** `drop` as indices into each column's categories (-1: none), checked against the data. */
  private dropIndices(frame: Frame, categories: CategoryList[], infrequent: Int32Array[], site: ErrorSite): Int32Array {
    const { drop } = this.params;
    const out = new Int32Array(categories.length).fill(-1);
    if (drop === null) return out;
    if (drop === "first" || drop === "if_binary") {
      categories.forEach((list, j) => {
        const slots = list.length - Math.max(0, infrequent[j].length - 1);
        if (drop === "first" || slots === 2) out[j] = firstOfSlot(list.length, infrequent[j], 0);
      });
      return out;
    }
    if (drop.length !== categories.length) throw DataError.at(site, `drop has ${drop.length} values but X has ${categories.length} columns; give one category per column`);
    categories.forEach((list, j) => {
      const name = frame.names[j];
      const wanted = drop[j];
      const value = isNumericList(list) ? (wanted === null ? NaN : wanted) : wanted;
      const k = categoryIndex(list).get(value);
      if (k === undefined) throw DataError.at({ ...site, column: name }, `drop names category ${describeCategory(wanted)} for column "${name}", which was not found in the training data`);
      if (infrequent[j].includes(k)) throw DataError.at({ ...site, column: name }, `cannot drop category ${describeCategory(wanted)} from column "${name}" because it is infrequent`);
      out[j] = k;
    });
    return out;
  }

  protected encodeState(state: OneHotEncoderState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      categories: encodeCategories(state.categories),
      infrequent: encodeInfrequent(state.infrequent),
      dropIdx: encodeInt32Array(state.dropIdx),
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): OneHotEncoderState {
    const schema = decodeSchema(reader.object("schema"));
    const categories = decodeCategories(reader, "categories", schema.kinds);
    const infrequent = decodeInfrequent(reader, "infrequent", categories.map((list) => list.length));
    const dropIdx = reader.i32("dropIdx", { length: categories.length, min: -1 });
    const { drop } = this.params;
    dropIdx.forEach((k, j) => {
      // A dropped infrequent slot is stored as its first category.
      if (k >= categories[j].length || (infrequent[j].includes(k) && k !== infrequent[j][0])) reader.fail(`dropIdx[${j}]`, "is not a droppable category index");
      if ((drop === null && k >= 0) || (drop !== null && drop !== "if_binary" && k < 0)) reader.fail(`dropIdx[${j}]`, "does not match the drop param");
    });
    const state = { schema, categories, infrequent, dropIdx, layouts: layoutsOf(categories, infrequent, dropIdx) };
    refuseSavedCollidingNames(reader, this.namesOut(state), (c) => describeOutput(state, c));
    return state;
  }
}

/** Output column `c` as its input column and category, for the error on colliding names. */
function describeOutput(state: OneHotEncoderState, c: number): string {
  let j = 0;
  while (c >= state.layouts[j].labels.length) c -= state.layouts[j++].labels.length;
  return `column "${state.schema.names[j]}" (category ${describeCategory(state.layouts[j].labels[c])})`;
}

/** The index of the first category that lands in grouped slot `slot`. */
function firstOfSlot(nCategories: number, infrequent: Int32Array, slot: number): number {
  if (infrequent.length === 0) return slot;
  return groupingMap(nCategories, infrequent).indexOf(slot);
}

function layoutsOf(categories: readonly CategoryList[], infrequent: readonly Int32Array[], dropIdx: Int32Array): ColumnLayout[] {
  return categories.map((list, j) => {
    const n = list.length;
    const hasInfrequent = infrequent[j].length > 0;
    const grouping = hasInfrequent ? groupingMap(n, infrequent[j]) : Int32Array.from({ length: n }, (_, k) => k);
    const nSlots = n - (hasInfrequent ? infrequent[j].length - 1 : 0);
    const slotLabels: Category[] = new Array(nSlots);
    for (let k = 0; k < n; k++) slotLabels[grouping[k]] = list[k];
    if (hasInfrequent) slotLabels[nSlots - 1] = INFREQUENT_LABEL;
    const droppedSlot = dropIdx[j] < 0 ? -1 : grouping[dropIdx[j]];
    const positionOfSlot = (slot: number) => (slot === droppedSlot ? -1 : droppedSlot >= 0 && slot > droppedSlot ? slot - 1 : slot);
    return {
      position: Int32Array.from(grouping, positionOfSlot),
      unknownPosition: hasInfrequent ? positionOfSlot(nSlots - 1) : -1,
      hasInfrequent,
      labels: slotLabels.filter((_, slot) => slot !== droppedSlot),
      droppedLabel: droppedSlot < 0 ? undefined : slotLabels[droppedSlot],
    };
  });
}

/**
 * Sets the 1 of each row of a column-major output (`rows` rows, the column's block from
 * `offset`): at its category's position, or at `unknownPosition` for a code of -1 (none when
 * -1). Returns the first row with code -1, or -1. (Alone in its function: see
 * docs/benchmarks.md, "Loops that stay optimized".)
 */
function setOnes(codes: Int32Array, position: Int32Array, unknownPosition: number, out: Float64Array, offset: number, rows: number): number {
  let unknownRow = -1;
  for (let i = 0; i < rows; i++) {
    const code = codes[i];
    let p = unknownPosition;
    if (code >= 0) p = position[code];
    else if (unknownRow < 0) unknownRow = i;
    if (p >= 0) out[(offset + p) * rows + i] = 1;
  }
  return unknownRow;
}
