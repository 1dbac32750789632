import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTabkitError } from "./errors.js";
import { formatCsv, parseCsv } from "./csv.js";
import { Frame } from "./frame.js";

describe("formatCsv", () => {
  it("quotes only the fields that need it", () => {
    const text = formatCsv(["name", "note"], [["França", 'says "oi", then\nleaves'], ["Espanha", "plain"]]);
    expect(text).toBe('name,note\nFrança,"says ""oi"", then\nleaves"\nEspanha,plain\n');
  });

  it("is read back field for field by parseCsv, for any fields and delimiter", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "é", ",", ";", '"', "\n", "\r", " ", "1") });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(field, { minLength: 4, maxLength: 4 }), { maxLength: 5 }), fc.constantFrom(",", ";"), (width, rows, delimiter) => {
        const header = Array.from({ length: width }, (_, j) => `c${j}`);
        const body = rows.map((row) => row.slice(0, width));
        const parsed = parseCsv(formatCsv(header, body, { delimiter }), { delimiter });
        expect(parsed.header).toEqual(header);
        expect(parsed.rows).toEqual(body);
      }),
    );
  });

  it("refuses a row whose width differs from the header's, naming the row", () => {
    try {
      formatCsv(["a", "b"], [["1", "2"], ["3"]]);
      expect.unreachable();
    } catch (error) {
      expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
      expect((error as Error).message).toContain("row 1 has 1 fields");
    }
  });
});

describe("parseCsv", () => {
  it("gives the line each row starts on, past blank lines and line breaks in quoted fields", () => {
    const { rows, lines } = parseCsv('a,b\n1,2\n\n"x\ny",3\r\n4,5');
    expect(rows).toEqual([["1", "2"], ["x\ny", "3"], ["4", "5"]]);
    expect(lines).toEqual([2, 4, 6]);
  });

  it("skips lines of only spaces and tabs as pandas does, but keeps a line holding a quoted field", () => {
    // pandas 3.1.1 read_csv: "a\n1\n   \n3\n" has rows 1 and 3; 'a\n1\n""\n' has 1 and NaN.
    const { rows, lines } = parseCsv('  \na,b\n1,2\n \t \r\n3,4\n\t\n"","  "\n\t ');
    expect(rows).toEqual([["1", "2"], ["3", "4"], ["", "  "]]);
    expect(lines).toEqual([3, 5, 7]);
    expect(parseCsv('a\n1\n""\n"  "\n  \n3').rows).toEqual([["1"], [""], ["  "], ["3"]]);
    expect(Array.from(Frame.fromCSV('a\n1\n""\n   \n3\n').numeric("a"))).toEqual([1, NaN, 3]);
  });

  it("refuses a row of another width, or keeps it with ragged for the caller to report", () => {
    const text = "a,b\n1\n2,3,4\n5,6";
    expect(() => parseCsv(text)).toThrow(/line 2 has 1 fields but the header has 2/);
    expect(parseCsv(text, { ragged: true })).toEqual({ header: ["a", "b"], rows: [["1"], ["2", "3", "4"], ["5", "6"]], lines: [2, 3, 4] });
  });
});

describe("Frame.toCSV", () => {
  it("round-trips through Frame.fromCSV with missing values, quotes and exact numbers", () => {
    const frame = Frame.fromColumns({
      id: [1, 2, 3],
      balance: [0.1 + 0.2, NaN, -1e-300],
      country: ["França", null, 'a "quoted", name'],
    });
    const back = Frame.fromCSV(frame.toCSV());
    expect(back.names).toEqual(frame.names);
    expect(Array.from(back.numeric("balance"))).toEqual(Array.from(frame.numeric("balance")));
    expect(back.column("country")).toEqual(frame.column("country"));
  });

  it("round-trips a one-column frame with missing values and blank text", () => {
    const frame = Frame.fromColumns({ x: [1, NaN, 2] });
    expect(frame.toCSV()).toBe('x\n1\n""\n2\n');
    expect(Array.from(Frame.fromCSV(frame.toCSV()).numeric("x"))).toEqual([1, NaN, 2]);
    expect(formatCsv(["t"], [[" "], ["\t"], ["a b"]])).toBe('t\n" "\n"\t"\na b\n');
    expect(parseCsv(formatCsv(["t"], [[" "], [""], ["\t"]])).rows).toEqual([[" "], [""], ["\t"]]);
  });

  it("writes ±Infinity in a form Frame.fromCSV reads back as numbers", () => {
    const frame = Frame.fromColumns({ x: [Infinity, -Infinity, NaN, 1.5], y: [-Infinity, -Infinity, Infinity, NaN] });
    const text = frame.toCSV();
    expect(text).toBe("x,y\nInfinity,-Infinity\n-Infinity,-Infinity\n,Infinity\n1.5,\n");
    const back = Frame.fromCSV(text);
    expect(back.kindOf("x")).toBe("numeric");
    expect(back.kindOf("y")).toBe("numeric");
    expect(Array.from(back.numeric("x"))).toEqual(Array.from(frame.numeric("x")));
    expect(Array.from(back.numeric("y"))).toEqual(Array.from(frame.numeric("y")));
    expect(back.toCSV()).toBe(text);
  });
});
