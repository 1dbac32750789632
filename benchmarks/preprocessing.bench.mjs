// Preprocessing transformers against scikit-learn on the same 100,000 bank-churn rows (the three
// bank-churn files stacked and repeated 10 times). Add a case by adding an entry to CASES here and
// the same name to the CASES of preprocessing_reference.py.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Frame, OneHotEncoder, TargetEncoder } from "../dist/index.js";
import { printTable, runPython, timeIt } from "./lib.mjs";

const REPEAT = 5;
const TIMES = 10;
const data = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "bank_churn");
const ENCODED = ["pais", "genero", "cartao_credito", "anos_cliente", "numero_produtos"];

/** The bank-churn rows repeated TIMES times: 100,000 rows. */
function bankRows() {
  const files = ["dados_treino.csv", "dados_novos_1.csv", "dados_novos_2.csv"].map((f) => Frame.fromCSV(readFileSync(join(data, f), "utf8")));
  const all = files.reduce((a, b) => a.concatRows(b));
  let out = all;
  for (let t = 1; t < TIMES; t++) out = out.concatRows(all);
  return out;
}

/** Each case: a name (shared with the Python reference) and the work to time, given the data. */
const CASES = [
  { name: "OneHotEncoder fit+transform (100k x 5 -> 22)", run: ({ X }) => new OneHotEncoder().fitTransform(X) },
  { name: "OneHotEncoder transform (100k x 5)", run: ({ X, oneHot }) => oneHot.transform(X) },
  { name: "TargetEncoder fitTransform cv=5 (100k x 5, binary)", run: ({ X, y }) => new TargetEncoder({ cv: 5, randomState: 0 }).fitTransform(X, y) },
  { name: "TargetEncoder transform (100k x 5)", run: ({ X, target }) => target.transform(X) },
];

export async function run() {
  const rows = bankRows();
  const X = rows.select(ENCODED);
  const y = Array.from(rows.numeric("saiu"));
  const context = { X, y, oneHot: new OneHotEncoder().fit(X), target: new TargetEncoder().fit(X, y) };
  const ours = {};
  for (const { name, run: work } of CASES) ours[name] = await timeIt(() => work(context), { repeat: REPEAT });
  const reference = runPython("preprocessing_reference.py", [REPEAT, TIMES]);
  printTable(CASES.map(({ name }) => ({ case: name, tabkit: ours[name], reference: reference[name] })));
}
