import { describe, expect, it } from "vitest";
import { isTabkitError } from "./errors.js";
import { Frame } from "./frame.js";
import { Matrix } from "./matrix.js";

function dataError(action: () => unknown): { message: string; column?: string; row?: number } {
  try {
    action();
  } catch (error) {
    expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
    return error as { message: string; column?: string; row?: number };
  }
  throw new Error("expected a DataError");
}

describe("Frame", () => {
  it("builds from records with inferred kinds, missing values and first-seen column order", () => {
    const frame = Frame.fromRecords([{ age: 32, country: "FR" }, { country: null, age: null }, { age: 40, extra: true }]);
    expect(frame.names).toEqual(["age", "country", "extra"]);
    expect(frame.kindOf("age")).toBe("numeric");
    expect(Array.from(frame.numeric("age"))).toEqual([32, NaN, 40]);
    expect(frame.column("country")).toEqual(["FR", null, null]);
    expect(frame.column("extra")).toEqual([null, null, "True"]);
  });

  it("rejects a column mixing numbers and strings, naming column and row", () => {
    const error = dataError(() => Frame.fromRecords([{ a: 1 }, { a: "x" }]));
    expect(error.message).toContain('column "a" mixes numbers (row 0) and strings (row 1)');
    expect(error.column).toBe("a");
  });

  it("lets kinds force a column to categorical or numeric", () => {
    const frame = Frame.fromRecords([{ a: 1 }, { a: "x" }], { kinds: { a: "categorical" } });
    expect(frame.column("a")).toEqual(["1", "x"]);
    expect(Array.from(Frame.fromColumns({ b: ["1.5", null] }, { kinds: { b: "numeric" } }).numeric("b"))).toEqual([1.5, NaN]);
    expect(dataError(() => Frame.fromColumns({ b: ["1.5", "x"] }, { kinds: { b: "numeric" } })).row).toBe(1);
  });

  it("rejects columns of different lengths and unknown kinds", () => {
    expect(dataError(() => Frame.fromColumns({ a: [1, 2], b: [1] })).column).toBe("b");
    expect(() => Frame.fromColumns({ a: [1] }, { kinds: { zz: "numeric" } })).toThrow(/zz/);
  });

  it("parses CSV with quotes, missing values, CRLF and kind inference", () => {
    const frame = Frame.fromCSV('id,name,score\r\n1,"Smith, J",3.5\r\n2,"say ""hi""",\r\n3,,NA\r\n');
    expect(frame.nRows).toBe(3);
    expect(Array.from(frame.numeric("score"))).toEqual([3.5, NaN, NaN]);
    expect(frame.column("name")).toEqual(["Smith, J", 'say "hi"', null]);
  });

  it("reads pandas' spellings of infinity and numbers beyond float64 as ±Infinity in a numeric column", () => {
    // pandas 3.1.1 read_csv gives the same values, except " Infinity " (text there): tabkit ignores the spaces around any number.
    const frame = Frame.fromCSV("x,y\n1.5,inf\ninf,-inf\n-Infinity,+INF\n Infinity ,InFiNiTy\n+infinity,-INFINITY\n1e309,-1e309\n1e-400,+Inf\n");
    expect(frame.kindOf("x")).toBe("numeric");
    expect(frame.kindOf("y")).toBe("numeric");
    expect(Array.from(frame.numeric("x"))).toEqual([1.5, Infinity, -Infinity, Infinity, Infinity, Infinity, 0]);
    expect(Array.from(frame.numeric("y"))).toEqual([Infinity, -Infinity, Infinity, Infinity, -Infinity, -Infinity, Infinity]);
  });

  it("keeps missing values missing next to infinities, and a forced categorical column as written", () => {
    const text = 'a,b\ninf,inf\n"",""\n,\nNA,1e309\n-Infinity, -Infinity\n';
    const frame = Frame.fromCSV(text);
    expect(Array.from(frame.numeric("a"))).toEqual([Infinity, NaN, NaN, NaN, -Infinity]);
    expect(Array.from(frame.numeric("b"))).toEqual([Infinity, NaN, NaN, Infinity, -Infinity]);
    expect(Frame.fromCSV(text, { kinds: { b: "categorical" } }).column("b")).toEqual(["inf", null, null, "1e309", " -Infinity"]);
  });

  it("still reads hex, octal, binary, underscores and near misses of infinity as text", () => {
    for (const value of ["0x1F", "0X1f", "0b101", "0o17", "1_000", "infinit", "infinityy", "in f", "∞", "1e", "--inf", "+-inf", "inf1"]) {
      const frame = Frame.fromCSV(`v\n1\n${value}\n`);
      expect(frame.kindOf("v"), value).toBe("categorical");
      expect(frame.column("v"), value).toEqual(["1", value]);
      const error = dataError(() => Frame.fromCSV(`v\n1\n${value}\n`, { kinds: { v: "numeric" } }));
      expect(error.message, value).toBe(`Frame.fromCSV: value ${JSON.stringify(value)} in numeric column "v" (row 1) is not a number`);
      expect([error.column, error.row]).toEqual(["v", 1]);
    }
    // NaN is a missing value by default; without it among naValues it is text, not a number.
    expect(Array.from(Frame.fromCSV("v\ninf\nNaN\n").numeric("v"))).toEqual([Infinity, NaN]);
    expect(Frame.fromCSV("v\ninf\nNaN\n", { naValues: [""] }).column("v")).toEqual(["inf", "NaN"]);
  });

  it("reads the same spellings of infinity in a column forced numeric from strings", () => {
    expect(Array.from(Frame.fromColumns({ b: ["-inf", "Infinity", "1e309", null] }, { kinds: { b: "numeric" } }).numeric("b"))).toEqual([-Infinity, Infinity, Infinity, NaN]);
    expect(dataError(() => Frame.fromRecords([{ b: "0x1F" }], { kinds: { b: "numeric" } })).row).toBe(0);
  });

  it("reports ragged CSV lines and unclosed quotes", () => {
    expect(dataError(() => Frame.fromCSV("a,b\n1,2\n3\n")).message).toContain("line 3 has 1 fields");
    expect(dataError(() => Frame.fromCSV('a\n"open\n')).message).toContain("never closed");
    expect(dataError(() => Frame.fromCSV("")).message).toContain("empty");
  });

  it("reads the bundled bank-churn data", async () => {
    const { readDataFile } = await import("../../test/helpers/fixtures.js");
    const frame = Frame.fromCSV(readDataFile("bank_churn/dados_treino.csv"));
    expect(frame.nRows).toBe(6000);
    expect(frame.kindOf("pais")).toBe("categorical");
    expect(frame.kindOf("idade")).toBe("numeric");
  });

  it("selects, drops, takes and stacks rows without aliasing its input", () => {
    const source = new Float64Array([1, 2, 3]);
    const frame = Frame.fromColumns({ a: source, b: ["x", "y", "z"] });
    source[0] = 99;
    expect(frame.numeric("a")[0]).toBe(1);
    expect(frame.select(["b", "a"]).names).toEqual(["b", "a"]);
    expect(frame.drop(["a"]).names).toEqual(["b"]);
    expect(frame.takeRows([2, 0]).column("b")).toEqual(["z", "x"]);
    expect(frame.concatRows(frame).nRows).toBe(6);
    expect(dataError(() => frame.concatRows(frame.drop(["a"]))).column).toBe("a");
  });

  it("converts to and from Matrix", () => {
    const m = Frame.fromColumns({ a: [1, 2], b: [3, 4] }).toMatrix();
    expect(Array.from(m.data)).toEqual([1, 3, 2, 4]);
    expect(m.featureNames).toEqual(["a", "b"]);
    expect(Frame.fromMatrix(new Matrix(new Float64Array([1, 2]), 1, 2)).names).toEqual(["x0", "x1"]);
    expect(dataError(() => Frame.fromColumns({ c: ["u"] }).toMatrix()).column).toBe("c");
  });
});

describe("Matrix", () => {
  it("rejects ragged rows and non-numbers naming the row", () => {
    expect(dataError(() => Matrix.from2D([[1, 2], [3]])).row).toBe(1);
    expect(dataError(() => Matrix.from2D([[1, "a" as unknown as number]])).column).toBe("x1");
    expect(() => new Matrix(new Float64Array(3), 2, 2)).toThrow(/does not fit/);
  });

  it("refuses duplicated names in a Matrix and in a selection instead of losing a column", () => {
    const error = dataError(() => new Matrix(new Float64Array([1, 20, 3, 40]), 2, 2, ["a", "a"]));
    expect(error.message).toBe('Matrix: the feature name "a" is given to columns 0 and 1; feature names must be unique (pandas and scikit-learn refuse duplicated names too)');
    expect(error.column).toBe("a");
    expect(dataError(() => Frame.fromColumns({ a: [1], b: [2] }).select(["a", "b", "a"])).message).toBe(
      'Frame.select: column "a" is selected twice (positions 0 and 2); a Frame holds each name once',
    );
    // distinct names still go through, and a Matrix without names gets distinct defaults
    expect(Frame.fromMatrix(new Matrix(new Float64Array([1, 20]), 1, 2)).names).toEqual(["x0", "x1"]);
  });

  it("keeps its row count without columns", () => {
    const frame = Frame.adoptColumns([], [], 3);
    expect([frame.nRows, frame.nCols]).toEqual([3, 0]);
    expect(frame.toRecords()).toHaveLength(3);
    expect([frame.toMatrix().rows, frame.toMatrix().cols]).toEqual([3, 0]);
  });
});
