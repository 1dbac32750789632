import { DataError, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { decodeSchema, encodeSchema, schemaOfFrame, toFrame, toMatrix, type FeatureSchema, type MatrixInput, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { integer, nullable, oneOf, param, type ParamCheck, type ParamSchema } from "../core/params.js";
import type { StateReader } from "../core/state-codec.js";
import {
  categoriesCheck,
  checkedFrame,
  decodeCategories,
  decodedFrame,
  describeCategory,
  encodeCategories,
  encodeColumn,
  fitCategories,
  missingIndex,
  type CategoriesParam,
  type Category,
  type CategoryList,
} from "./categories.js";
import { columnMajorOutput } from "./column-output.js";
import { decodeInfrequent, encodeInfrequent, groupingMap, identifyInfrequent, INFREQUENT_LABEL, infrequentEnabled, minFrequencyCheck } from "./infrequent.js";

export interface OrdinalEncoderParams {
  /** `"auto"` (the sorted values seen at fit) or one list per column. Default "auto". */
  categories: CategoriesParam;
  /** A category not seen at fit: `"error"`, or `"use_encoded_value"` (encoded as `unknownValue`). Default "error". */
  handleUnknown: "error" | "use_encoded_value";
  /** The code of unknown categories (an integer or NaN); only with handleUnknown "use_encoded_value". Default null. */
  unknownValue: number | null;
  /** The code of missing values (null/NaN): an integer or NaN. Default NaN. */
  encodedMissingValue: number;
  /** Categories rarer than this count (integer) or fraction of rows (in (0, 1)) share one code. Default null. */
  minFrequency: number | null;
  /** At most this many codes per column, the grouped infrequent one included. Default null. */
  maxCategories: number | null;
}

const integerOrNaN: ParamCheck = (value) => (typeof value === "number" && (Number.isNaN(value) || Number.isSafeInteger(value)) ? undefined : `must be an integer or NaN, got ${JSON.stringify(value)}`);

const SCHEMA: ParamSchema<OrdinalEncoderParams> = {
  categories: param("auto", categoriesCheck),
  handleUnknown: param("error", oneOf("error", "use_encoded_value")),
  unknownValue: param(null, nullable(integerOrNaN)),
  encodedMissingValue: param(NaN, integerOrNaN),
  minFrequency: param(null, minFrequencyCheck),
  maxCategories: param(null, nullable(integer({ min: 1 }))),
};

/** How one column's categories become codes. */
interface ColumnCodes {
  /** The code of each category (the missing one gets `encodedMissingValue`). */
  code: Float64Array;
  /** The category (or the infrequent label) behind each integer code. */
  decode: Category[];
}

interface OrdinalEncoderState {
  schema: FeatureSchema;
  categories: CategoryList[];
  /** Per column, the indices of the infrequent categories among the non-missing ones (empty: none). */
  infrequent: Int32Array[];
  columns: ColumnCodes[];
}

/**
 * scikit-learn's `OrdinalEncoder`: each category becomes its index in the sorted categories
 * (float codes); missing values get `encodedMissingValue` (NaN by default), unknown ones an
 * error or `unknownValue`, and infrequent categories can share one code.
 */
export class OrdinalEncoder extends Estimator<OrdinalEncoderParams, OrdinalEncoderState> {
  static readonly kind = "OrdinalEncoder";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<OrdinalEncoderParams>) {
    super(SCHEMA, params);
    const { handleUnknown, unknownValue } = this.params;
    if (handleUnknown === "use_encoded_value" && unknownValue === null) {
      throw new ValidationError(`${this.kind}: unknownValue must be an integer or NaN when handleUnknown is "use_encoded_value"`, [
        { path: "unknownValue", message: 'required with handleUnknown "use_encoded_value"' },
      ]);
    }
    if (handleUnknown === "error" && unknownValue !== null) {
      throw new ValidationError(`${this.kind}: unknownValue is only used with handleUnknown "use_encoded_value"; leave it null or change handleUnknown`, [
        { path: "unknownValue", message: 'only allowed with handleUnknown "use_encoded_value"' },
      ]);
    }
  }

  fit(X: TableInput, _y?: unknown): this {
    return this.commit(this.learn(X, "fit"));
  }

  /** The categories and codes learnt from X; errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: TableInput, method: string): OrdinalEncoderState {
    const site = this.site(method);
    const frame = toFrame(X, site);
    const { categories, counts } = fitCategories(frame, this.params.categories, site, this.params.handleUnknown === "error");
    const enabled = infrequentEnabled(this.params);
    // The missing category (always last) is never grouped as infrequent.
    const infrequent = categories.map(
      (list, j) => (enabled ? identifyInfrequent(counts[j].subarray(0, nonMissing(list)), frame.nRows, this.params) : null) ?? new Int32Array(0),
    );
    const clash = this.reservedCodeClash(categories, infrequent);
    if (clash !== null) {
      const name = frame.names[clash.column];
      throw DataError.at({ ...site, column: name }, `${clash.param} ${clash.value} is already the code of a seen category of column "${name}"; use -1 or NaN`);
    }
    return { schema: schemaOfFrame(X, frame), categories, infrequent, columns: this.codesOf(categories, infrequent) };
  }

  /** The codes (a Frame for a Frame or records input). */
  transform(X: TableInput): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    const frame = checkedFrame(X, state.schema, site);
    const rows = frame.nRows;
    const cols = frame.nCols;
    const out = new Float64Array(rows * cols);
    const unknownValue = this.params.unknownValue ?? NaN;
    frame.names.forEach((name, j) => {
      const column = frame.column(name);
      const codes = encodeColumn(column, state.categories[j]);
      const { code } = state.columns[j];
      for (let i = 0; i < rows; i++) {
        const c = codes[i];
        if (c >= 0) out[j * rows + i] = code[c];
        else if (this.params.handleUnknown === "error") {
          throw DataError.at(
            { ...site, column: name, row: i },
            `unknown category ${describeCategory(column[i])} in column "${name}" (row ${i}); set handleUnknown: "use_encoded_value" and an unknownValue to encode it`,
          );
        } else out[j * rows + i] = unknownValue;
      }
    });
    return columnMajorOutput(X, out, rows, state.schema.names);
  }

  fitTransform(X: TableInput, _y?: unknown): Frame | Matrix {
    return this.commit(this.learn(X, "fitTransform")).transform(X);
  }

  /**
   * The categories back from codes: `encodedMissingValue` gives a missing value, `unknownValue`
   * null (NaN in a numeric column), the infrequent code "infrequent_sklearn".
   */
  inverseTransform(X: MatrixInput): Frame {
    const state = this.fitted("inverseTransform");
    const site = this.site("inverseTransform");
    const matrix = toMatrix(X, site, { allowNaN: true });
    const cols = state.categories.length;
    if (matrix.cols !== cols) throw DataError.at(site, `X has ${matrix.cols} columns, but the encoder was fitted with ${cols}`);
    const { encodedMissingValue, handleUnknown, unknownValue } = this.params;
    const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
    const columns = state.categories.map((list, j) => {
      const missing = missingIndex(list);
      const { decode } = state.columns[j];
      const infrequentCode = state.infrequent[j].length > 0 ? nonMissing(list) - state.infrequent[j].length : null;
      return Array.from({ length: matrix.rows }, (_, i): Category => {
        const v = matrix.data[i * cols + j];
        if (missing >= 0 && same(v, encodedMissingValue)) return list[missing];
        // unknownValue may equal the group code (fit does not protect it): scikit-learn decodes the group.
        if (v === infrequentCode) return INFREQUENT_LABEL;
        if (handleUnknown === "use_encoded_value" && same(v, unknownValue!)) return null;
        if (!Number.isInteger(v) || v < 0 || v >= decode.length) {
          throw DataError.at({ ...site, column: state.schema.names[j], row: i }, `value ${v} in column "${state.schema.names[j]}" (row ${i}) is not a code of this encoder (0 to ${decode.length - 1})`);
        }
        return decode[v];
      });
    });
    return decodedFrame(state.schema.names, columns, state.categories);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").schema.names];
  }

  /** The categories of each column (numbers for numeric columns, null for missing text). */
  get categories(): Category[][] {
    return this.fitted("categories").categories.map((list) => Array.from(list as ArrayLike<Category>));
  }
  /** Per column, the categories sharing the infrequent code, or null. */
  get infrequentCategories(): (Category[] | null)[] {
    const state = this.fitted("infrequentCategories");
    return state.infrequent.map((indices, j) => (indices.length === 0 ? null : Array.from(indices, (k) => state.categories[j][k])));
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  private codesOf(categories: readonly CategoryList[], infrequent: readonly Int32Array[]): ColumnCodes[] {
    return categories.map((list, j) => {
      const n = nonMissing(list);
      const grouping = infrequent[j].length > 0 ? groupingMap(n, infrequent[j]) : null;
      const code = new Float64Array(list.length).fill(this.params.encodedMissingValue);
      const decode: Category[] = [];
      for (let k = 0; k < n; k++) {
        code[k] = grouping === null ? k : grouping[k];
        decode[code[k]] = list[k];
      }
      if (grouping !== null) decode[n - infrequent[j].length] = INFREQUENT_LABEL;
      return { code, decode };
    });
  }

  /**
   * The first unknown or missing code that a frequent seen category already uses, or null:
   * scikit-learn refuses it at fit, and the loader refuses categories grown into it.
   */
  private reservedCodeClash(categories: readonly CategoryList[], infrequent: readonly Int32Array[]): { column: number; param: "unknownValue" | "encodedMissingValue"; value: number } | null {
    const { handleUnknown, unknownValue, encodedMissingValue } = this.params;
    for (let j = 0; j < categories.length; j++) {
      const list = categories[j];
      // scikit-learn's count leaves out the infrequent code, so that code is not protected.
      const used = nonMissing(list) - infrequent[j].length;
      if (handleUnknown === "use_encoded_value" && unknownValue! >= 0 && unknownValue! < used) return { column: j, param: "unknownValue", value: unknownValue! };
      if (missingIndex(list) >= 0 && encodedMissingValue >= 0 && encodedMissingValue < used) return { column: j, param: "encodedMissingValue", value: encodedMissingValue };
    }
    return null;
  }

  protected encodeState(state: OrdinalEncoderState): JsonObject {
    return { schema: encodeSchema(state.schema), categories: encodeCategories(state.categories), infrequent: encodeInfrequent(state.infrequent) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): OrdinalEncoderState {
    const schema = decodeSchema(reader.object("schema"));
    const categories = decodeCategories(reader, "categories", schema.kinds);
    const infrequent = decodeInfrequent(reader, "infrequent", categories.map(nonMissing));
    const clash = this.reservedCodeClash(categories, infrequent);
    if (clash !== null) reader.fail(`categories[${clash.column}]`, `gives a seen category the code ${clash.value}, which ${clash.param} reserves`);
    return { schema, categories, infrequent, columns: this.codesOf(categories, infrequent) };
  }
}

/** The number of categories other than the missing one. */
function nonMissing(list: CategoryList): number {
  return missingIndex(list) >= 0 ? list.length - 1 : list.length;
}
