import { describe, expect, it } from "vitest";
import { isTabkitError } from "tabkit";
import { readCustomers, requireLabels, type CustomerSchema } from "./customers.js";

const HEADER = "id_cliente,pais,genero,idade,anos_cliente,saldo_conta,numero_produtos,cartao_credito,salario_estimado,saiu,escore_credito";
const GOOD = "15687492,Alemanha,Masculino,32,3,96709.07,2,Não,41788.37,0,596";
const SCHEMA: CustomerSchema = {
  categories: { pais: ["Alemanha", "Espanha", "França"], genero: ["Feminino", "Masculino"], cartao_credito: ["Não", "Sim"] },
  ordinalValues: { anos_cliente: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], numero_produtos: [1, 2, 3, 4] },
};

/** A file of these rows; rows after the first that start with GOOD's id get ids of their own. */
const file = (...lines: string[]) => [HEADER, ...lines.map((line, i) => (i > 0 && line.startsWith("15687492,") ? `${15687492 + i}${line.slice(8)}` : line))].join("\n");

describe("readCustomers", () => {
  it("reads good rows into the feature frame, with ids and labels", () => {
    const batch = readCustomers(file(GOOD, GOOD.replace("15687492", "15736963").replace(",0,596", ",1,700")), SCHEMA);
    expect(batch.problems).toEqual([]);
    expect(batch.ids).toEqual(["15687492", "15736963"]);
    expect(batch.labels).toEqual([0, 1]);
    expect(batch.features.nRows).toBe(2);
    expect(Array.from(batch.features.numeric("saldo_conta"))).toEqual([96709.07, 96709.07]);
    expect(batch.features.column("pais")).toEqual(["Alemanha", "Alemanha"]);
  });

  it("sets aside an unknown country and a non-numeric balance, naming line, id and column", () => {
    const batch = readCustomers(file(GOOD.replace("Alemanha", "Portugal"), GOOD.replace("96709.07", "lots"), GOOD), SCHEMA);
    expect(batch.totalRows).toBe(3);
    expect(batch.features.nRows).toBe(1);
    expect(batch.problems).toEqual([
      expect.objectContaining({ line: 2, id: "15687492", column: "pais", value: "Portugal", severity: "error" }),
      expect.objectContaining({ line: 3, column: "saldo_conta", value: "lots", severity: "error", message: "not a number" }),
    ]);
  });

  it("scores a blank age (the pipeline imputes it) and reports it as a warning", () => {
    const batch = readCustomers(file(GOOD.replace(",32,", ",,")), SCHEMA);
    expect(batch.features.nRows).toBe(1);
    expect(Number.isNaN(batch.features.numeric("idade")[0])).toBe(true);
    expect(batch.problems).toEqual([expect.objectContaining({ line: 2, column: "idade", severity: "warning", message: "blank, imputed from similar customers" })]);
  });

  it("says a blank ordinal value is imputed with the most frequent value, as the pipeline does", () => {
    const batch = readCustomers(file(GOOD.replace(",3,96709.07,", ",,96709.07,")), SCHEMA);
    expect(batch.problems).toEqual([expect.objectContaining({ column: "anos_cliente", message: "blank, imputed with the most frequent value" })]);
  });

  it("warns about an extra column and an ordinal value never seen in training", () => {
    const batch = readCustomers([`${HEADER},canal`, `${GOOD.replace(",3,96709.07,2,", ",3,96709.07,7,")},app`].join("\n"), SCHEMA);
    expect(batch.features.nRows).toBe(1);
    expect(batch.features.names).not.toContain("canal");
    expect(batch.problems.map((p) => [p.line, p.column, p.severity])).toEqual([
      [null, "canal", "warning"],
      [2, "numero_produtos", "warning"],
    ]);
  });

  it("refuses a file without a feature column or without rows", () => {
    const missing = () => readCustomers(["id_cliente,pais", "1,França"].join("\n"), SCHEMA, "novos.csv");
    expect(missing).toThrow(/novos\.csv: missing column\(s\) idade, saldo_conta/);
    expect(() => readCustomers(HEADER, SCHEMA, "empty.csv")).toThrow(/empty\.csv: the file has a header but no customers/);
    try {
      readCustomers("", SCHEMA);
      expect.unreachable();
    } catch (error) {
      expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
    }
  });

  it("requires an outcome on every row for training", () => {
    const batch = readCustomers(file(GOOD, GOOD.replace(",0,596", ",,596")), null);
    expect(() => requireLabels(batch, "treino.csv")).toThrow(/treino\.csv: line 3 \(customer 15687493\) has no saiu value/);
    const bad = readCustomers(file(GOOD.replace(",0,596", ",2,596")), null);
    expect(bad.problems).toEqual([expect.objectContaining({ column: "saiu", value: "2", severity: "error" })]);
  });

  it("gives the line each record starts on, after blank lines and line breaks in quoted fields", () => {
    const batch = readCustomers(file(GOOD, "", `"1568\n7492"${GOOD.slice(8).replace("Alemanha", "Portugal")}`, "", GOOD.replace("Alemanha", "Italia")), SCHEMA);
    expect(batch.problems.map((p) => [p.line, p.column])).toEqual([
      [4, "pais"],
      [7, "pais"],
    ]);
    expect(batch.lines).toEqual([2]);
  });

  it("sets aside a row with too few or too many fields, by line, and reads the others", () => {
    const batch = readCustomers(file(GOOD, GOOD.slice(0, GOOD.lastIndexOf(",")), `${GOOD},9`), SCHEMA, "novos.csv");
    expect(batch.totalRows).toBe(3);
    expect(batch.ids).toEqual(["15687492"]);
    expect(batch.problems).toEqual([
      expect.objectContaining({ line: 3, column: null, severity: "error", message: "10 fields but the header has 11" }),
      expect.objectContaining({ line: 4, column: null, severity: "error", message: "12 fields but the header has 11" }),
    ]);
    expect(() => readCustomers(file(`"${GOOD}`), SCHEMA, "novos.csv")).toThrow(/^novos\.csv: parseCsv: a quoted field opened on line 2 is never closed/);
  });

  it("refuses a duplicated column and points at near misses of a missing one", () => {
    expect(() => readCustomers([`${HEADER},idade`, `${GOOD},99`].join("\n"), SCHEMA, "novos.csv")).toThrow(/novos\.csv: the header names column idade twice/);
    expect(() => readCustomers(file(GOOD).replace("idade", "idade ").replace("pais", "Pais"), SCHEMA)).toThrow(/missing column\(s\) idade, pais \("idade " is not idade; "Pais" is not pais\)/);
    expect(() => readCustomers(file(GOOD).replaceAll(",", ";"), SCHEMA)).toThrow(/the header seems separated by ";", not commas/);
    expect(() => readCustomers("\uFEFF", SCHEMA, "bom.csv")).toThrow(/^bom\.csv: the file is empty$/);
  });

  it("reads numbers in decimal notation only", () => {
    const values = ["0x1F", "0b101", "0o17", "Infinity", "1e400", "1_000"];
    const batch = readCustomers(file(...values.map((value) => GOOD.replace("96709.07", value)), GOOD.replace("96709.07", "-1.5e3")), SCHEMA);
    expect(batch.problems.map((p) => [p.value, p.message])).toEqual(values.map((value) => [value, "not a number"]));
    expect(Array.from(batch.features.numeric("saldo_conta"))).toEqual([-1500]);
  });

  it("warns about a number outside the training range, and still scores it", () => {
    const ranges: CustomerSchema["ranges"] = { idade: [18, 92] };
    const batch = readCustomers(file(GOOD.replace(",32,", ",-5,"), GOOD.replace(",32,", ",1e3,"), GOOD.replace(",32,", ",92,")), { ...SCHEMA, ranges });
    expect(batch.features.nRows).toBe(3);
    expect(batch.problems.map((p) => [p.line, p.column, p.severity, p.message])).toEqual([
      [2, "idade", "warning", "outside the range seen in training (18 to 92)"],
      [3, "idade", "warning", "outside the range seen in training (18 to 92)"],
    ]);
  });

  it("skips rows whose every field is blank, and warns about a blank or repeated customer id", () => {
    const batch = readCustomers([HEADER, GOOD, ",,,,,,,,,,", GOOD.replace("15687492", ""), " , ,,,,,,,,,", GOOD].join("\n"), SCHEMA);
    expect(batch.blankRows).toBe(2);
    expect(batch.totalRows).toBe(3);
    expect(batch.ids).toEqual(["15687492", "", "15687492"]);
    expect(batch.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [4, "id_cliente", "blank customer id"],
      [6, "id_cliente", "the same customer id as line 2"],
    ]);
  });

  it("identifies customers by their line, with a warning, when the file has no id column", () => {
    const noId = (line: string) => line.slice(line.indexOf(",") + 1);
    const batch = readCustomers([noId(HEADER), noId(GOOD), "", noId(GOOD)].join("\n"), SCHEMA);
    expect(batch.idColumn).toBe("line");
    expect(batch.ids).toEqual(["2", "4"]);
    expect(batch.problems).toEqual([expect.objectContaining({ line: null, column: "id_cliente", severity: "warning" })]);
  });

  it("ignores the outcome when scoring, and requires the column and every value for training", () => {
    const batch = readCustomers(file(GOOD.replace(",0,596", ",yes,596")), SCHEMA, "novos.csv", "ignored");
    expect(batch.problems).toEqual([]);
    expect(batch.labels).toEqual([null]);
    const noTarget = [HEADER.replace(",saiu", ""), GOOD.replace(",0,596", ",596")].join("\n");
    expect(() => readCustomers(noTarget, null, "treino.csv", "required")).toThrow(/treino\.csv: missing column\(s\) saiu/);
    const blank = readCustomers(file(GOOD, GOOD.replace(",0,596", ",,596")), null, "treino.csv", "required");
    expect(blank.problems).toEqual([expect.objectContaining({ line: 3, column: "saiu", severity: "error", message: "blank; training needs every outcome" })]);
    const labels: number[] = blank.labels; // typed: every row kept has its outcome
    expect(labels).toEqual([0]);
  });

  it("compares text in NFC, so a decomposed França is the França the model knows", () => {
    const batch = readCustomers(file(GOOD.replace("Alemanha", "França").normalize("NFD")), SCHEMA);
    expect(batch.problems).toEqual([]);
    expect(batch.features.column("pais")).toEqual(["França"]);
  });
});
