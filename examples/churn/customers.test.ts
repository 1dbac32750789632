import { describe, expect, it } from "vitest";
import { isTabkitError } from "tabkit";
import { readCustomers, requireLabels, type CustomerSchema } from "./customers.js";

const HEADER = "id_cliente,pais,genero,idade,anos_cliente,saldo_conta,numero_produtos,cartao_credito,salario_estimado,saiu,escore_credito";
const GOOD = "15687492,Alemanha,Masculino,32,3,96709.07,2,Não,41788.37,0,596";
const SCHEMA: CustomerSchema = {
  categories: { pais: ["Alemanha", "Espanha", "França"], genero: ["Feminino", "Masculino"], cartao_credito: ["Não", "Sim"] },
  ordinalValues: { anos_cliente: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], numero_produtos: [1, 2, 3, 4] },
};

const file = (...lines: string[]) => [HEADER, ...lines].join("\n");

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
    expect(() => requireLabels(batch, "treino.csv")).toThrow(/customer 15687492 has no saiu value/);
    const bad = readCustomers(file(GOOD.replace(",0,596", ",2,596")), null);
    expect(bad.problems).toEqual([expect.objectContaining({ column: "saiu", value: "2", severity: "error" })]);
  });
});
