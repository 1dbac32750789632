// Runs the churn command line as a user does, on the built package (npm test builds it first),
// with a 3-tree forest so that it is quick.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "tabkit";
import { readDataFile } from "../../test/helpers/fixtures.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "tabkit-churn-cli-"));
const model = join(work, "model.json");
const novos = join(root, "data", "bank_churn", "dados_novos_1.csv");

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, ["--tsconfig", join(root, "examples", "tsconfig.json"), join(root, "examples", "churn", "cli.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function csvFile(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** dados_novos_1 with a few broken rows: an unknown country, a blank age, a text balance, an extra column. */
function brokenNewCustomers(): string {
  const [header, ...lines] = readDataFile("bank_churn/dados_novos_1.csv").trim().split(/\r?\n/);
  const rows = lines.slice(0, 10).map((line) => line.split(","));
  const at = (name: string) => header.split(",").indexOf(name);
  rows[1][at("pais")] = "Portugal";
  rows[2][at("idade")] = "";
  rows[3][at("saldo_conta")] = "muito";
  return [`${header},canal`, ...rows.map((row) => `${row.join(",")},app`)].join("\n");
}

describe("examples/churn cli", () => {
  let train: ReturnType<typeof cli>;
  beforeAll(() => {
    train = cli("train", "--trees", "3", "--jobs", "1", "--out", work);
  }, 300_000);

  it("train prints the rated metrics and the threshold, and writes metrics.csv and the model", () => {
    expect(train.stderr).not.toMatch(/error/i);
    expect(train.status).toBe(0);
    expect(train.stdout).toMatch(/ROC AUC\s+0\.\d{4}\s+(Excellent|Good|Acceptable|Weak|Poor)/);
    expect(train.stdout).toMatch(/tuned threshold\s+0\.\d{4}/);
    const metrics = parseCsv(readFileSync(join(work, "metrics.csv"), "utf8"));
    expect(metrics.header).toEqual(["metric", "value", "rating"]);
    expect(metrics.rows.map((row) => row[0])).toEqual(["F1 (weighted)", "F2 (weighted)", "precision (weighted)", "recall (weighted)", "ROC AUC", "threshold"]);
    expect(existsSync(model)).toBe(true);
  });

  it("predict scores every new customer with a probability and its risk band", () => {
    const output = join(work, "predictions.csv");
    const run = cli("predict", "--model", model, "--input", novos, "--output", output);
    expect(run.status).toBe(0);
    const { header, rows } = parseCsv(readFileSync(output, "utf8"));
    expect(header).toEqual(["id_cliente", "probability", "churn", "risk_band"]);
    expect(rows).toHaveLength(2000);
    for (const [, probability, , band] of rows) {
      const p = Number(probability);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(band).toBe(p > 0.9 ? "very high" : p > 0.7 ? "high" : p > 0.5 ? "moderate" : "low");
    }
  });

  it("predict ignores saiu, skips blank rows, and names the output column line when the file has no customer ids", () => {
    const [header, ...lines] = readDataFile("bank_churn/dados_novos_1.csv").trim().split(/\r?\n/);
    const at = header.split(",").indexOf("id_cliente");
    const rows = lines.slice(0, 3).map((line) => line.split(",").filter((_, j) => j !== at));
    rows[0][header.split(",").indexOf("saiu") - 1] = "yes";
    const text = [header.split(",").filter((_, j) => j !== at).join(","), ...rows.map((row) => row.join(",")), ",,,,,,,,,"].join("\n");
    const output = join(work, "no-ids.csv");
    const run = cli("predict", "--model", model, "--input", csvFile("no-ids-in.csv", text), "--output", output);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`warning: ${join(work, "no-ids-in.csv")}, column id_cliente: missing: customers are identified by their line in the file`);
    expect(run.stderr).toMatch(/skipped 1 blank row/);
    expect(run.stderr).not.toMatch(/saiu/);
    const written = parseCsv(readFileSync(output, "utf8"));
    expect(written.header[0]).toBe("line");
    expect(written.rows.map((row) => row[0])).toEqual(["2", "3", "4"]);
  });

  it("predict reports each bad row by line and column and scores the others", () => {
    const output = join(work, "partial.csv");
    const run = cli("predict", "--model", model, "--input", csvFile("broken.csv", brokenNewCustomers()), "--output", output);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`warning: ${join(work, "broken.csv")}, column canal: unknown column, ignored`);
    expect(run.stderr).toMatch(/error: \S*broken\.csv: line 3 \(id_cliente \d+\), column pais = "Portugal": unknown value/);
    expect(run.stderr).toMatch(/warning: \S*broken\.csv: line 4 \(id_cliente \d+\), column idade: blank, imputed/);
    expect(run.stderr).toMatch(/error: \S*broken\.csv: line 5 \(id_cliente \d+\), column saldo_conta = "muito": not a number/);
    expect(parseCsv(readFileSync(output, "utf8")).rows).toHaveLength(8);
  });

  it("predict --strict refuses a file with bad rows and writes nothing", () => {
    const output = join(work, "strict.csv");
    const run = cli("predict", "--model", model, "--input", csvFile("broken-strict.csv", brokenNewCustomers()), "--output", output, "--strict");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/2 of 10 rows have errors; nothing written/);
    expect(existsSync(output)).toBe(false);
  });

  it("predict refuses an empty file or one without a feature column, leaving an earlier output intact", () => {
    const output = csvFile("earlier.csv", "id_cliente,probability\n1,0.5\n");
    const empty = cli("predict", "--model", model, "--input", csvFile("empty.csv", ""), "--output", output);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain(`error: ${join(work, "empty.csv")}: the file is empty`);
    const header = readDataFile("bank_churn/dados_novos_1.csv").split(/\r?\n/)[0];
    const noAge = header.split(",").filter((name) => name !== "idade").join(",");
    const missing = cli("predict", "--model", model, "--input", csvFile("no-age.csv", `${noAge}\n`), "--output", output);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/missing column\(s\) idade/);
    expect(readFileSync(output, "utf8")).toBe("id_cliente,probability\n1,0.5\n");
  });

  it("rejects unknown commands and options with the usage text, and another command's options", () => {
    const run = cli("predcit");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown command "predcit"\nusage:/);
    expect(cli("train", "--tress", "3").status).toBe(2);
    const foreign = cli("predict", "--input", novos, "--out", work);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/predict does not take --out\nusage:/);
    const help = cli("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage:/);
  });

  it("names a file it cannot read or write, without a stack trace", () => {
    const output = join(work, "never.csv");
    const cases = [
      cli("predict", "--model", model, "--input", join(work, "missing.csv"), "--output", output),
      cli("predict", "--model", model, "--input", work, "--output", output),
      cli("train", "--data", join(work, "missing.csv"), "--out", join(work, "never")),
      cli("retrain", "--model", model, "--new", join(work, "missing.csv"), "--out", join(work, "never")),
    ];
    expect(cases.map((run) => run.status)).toEqual([1, 1, 1, 1]);
    expect(cases[0].stderr).toBe(`error: cannot read ${join(work, "missing.csv")}: no such file or directory\n`);
    expect(cases[1].stderr).toMatch(new RegExp(`^error: cannot read ${work}: .*directory\n$`));
    expect(cases[2].stderr + cases[3].stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(output)).toBe(false);
  });

  it("predict creates a missing output directory and refuses an output path that is a directory", () => {
    const input = csvFile("five.csv", readDataFile("bank_churn/dados_novos_1.csv").split(/\r?\n/).slice(0, 6).join("\n"));
    const output = join(work, "new", "dir", "predictions.csv");
    expect(cli("predict", "--model", model, "--input", input, "--output", output).status).toBe(0);
    expect(parseCsv(readFileSync(output, "utf8")).rows).toHaveLength(5);
    const directory = cli("predict", "--model", model, "--input", input, "--output", work);
    expect(directory.status).toBe(1);
    expect(directory.stderr).toBe(`error: --output ${work} is a directory; give a file name\n`);
  });

  it("refuses a model file of another kind, or a broken one, naming the file, before any work", () => {
    const scaler = join(work, "ranges.json"); // the training ranges train saves: a MinMaxScaler
    const output = join(work, "never.csv");
    const wrongKind = cli("predict", "--model", scaler, "--input", novos, "--output", output);
    expect(wrongKind.status).toBe(1);
    expect(wrongKind.stderr).toBe(`error: model ${scaler} is a MinMaxScaler, not a churn Pipeline\n`);
    const notJson = csvFile("not-json.json", "{");
    expect(cli("predict", "--model", notJson, "--input", novos, "--output", output).stderr).toMatch(new RegExp(`^error: model ${notJson}: loadModel: the text is not valid JSON`));
    const retrain = cli("retrain", "--model", scaler, "--new", novos, "--out", join(work, "never"), "--trees", "3", "--jobs", "1");
    expect(retrain.status).toBe(1);
    expect(retrain.stdout).toBe("");
    expect(existsSync(output)).toBe(false);
  });

  it("predict sets aside a row the model cannot score (an extreme number) with its line and column, and scores the rest", () => {
    const [header, ...lines] = readDataFile("bank_churn/dados_novos_1.csv").trim().split(/\r?\n/);
    const rows = lines.slice(0, 4).map((line) => line.split(","));
    rows[2][header.split(",").indexOf("escore_credito")] = "1e40";
    const output = join(work, "extreme.csv");
    const run = cli("predict", "--model", model, "--input", csvFile("extreme-in.csv", [header, ...rows.map((row) => row.join(","))].join("\n")), "--output", output);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: \S*extreme-in\.csv: line 4 \(id_cliente \d+\), column escore_credito = "1e40": outside the range seen in training \(350 to 850\)/);
    expect(run.stderr).toMatch(/error: \S*extreme-in\.csv: line 4 \(id_cliente \d+\), column escore_credito = "1e\+40": the model cannot score it: .*too large/);
    expect(parseCsv(readFileSync(output, "utf8")).rows).toHaveLength(3);
  });

  it("retrain refuses bad new data before refitting: unknown categories by line, one outcome, only known customers, and an --out that holds the model", () => {
    const [header, ...lines] = readDataFile("bank_churn/dados_novos_1.csv").trim().split(/\r?\n/);
    const at = (name: string) => header.split(",").indexOf(name);
    const rows = lines.map((line) => line.split(","));
    rows[473][at("pais")] = "Portugal";
    const retrain = (file: string, out = join(work, "never")) => cli("retrain", "--model", model, "--new", file, "--out", out, "--trees", "3", "--jobs", "1");
    const unknown = retrain(csvFile("portugal.csv", [header, ...rows.map((row) => row.join(","))].join("\n")));
    expect(unknown.status).toBe(1);
    // retrain reads --data and --new: each problem names its file
    expect(unknown.stderr).toMatch(/error: \S*portugal\.csv: line 475 \(id_cliente \d+\), column pais = "Portugal": unknown value/);
    const stayed = rows.filter((row) => row[at("saiu")] === "0" && row[at("pais")] !== "Portugal");
    const oneClass = retrain(csvFile("stayed.csv", [header, ...stayed.map((row) => row.join(","))].join("\n")));
    expect(oneClass.stderr).toMatch(/stayed\.csv: the \d+ new customers do not have both outcomes/);
    const known = retrain(join(root, "data", "bank_churn", "dados_treino.csv"));
    expect(known.stderr).toMatch(/warning: 6000 customers of .*dados_treino\.csv are already in .*dados_treino\.csv \(same id_cliente\); dropped from the new rows/);
    const overwrite = retrain(novos, `${work}/./`);
    expect(overwrite.stderr).toMatch(/would overwrite the model being retrained/);
    for (const run of [unknown, oneClass, known, overwrite]) {
      expect(run.status).toBe(1);
      expect(run.stdout).not.toMatch(/refitting/);
    }
  });

  it("retrain checks drift, refits on old and new customers and compares both models on a common holdout", () => {
    const out = join(work, "retrained");
    const run = cli("retrain", "--model", model, "--new", novos, "--trees", "3", "--jobs", "1", "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/columns drifted: (the data set has drifted|no data set drift)/);
    expect(run.stdout).toMatch(/refitting on 6000 old \+ 1400 new customers; 600 new customers held out/);
    expect(run.stdout).toMatch(/F2 \(weighted\)\s+0\.\d{4}\s+0\.\d{4}/);
    expect(existsSync(join(out, "model.json"))).toBe(true);
  }, 300_000);
});
