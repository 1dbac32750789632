// SimpleImputer and StandardScaler against scikit-learn on the same 100,000 bank-churn rows (the
// three bank-churn files stacked and repeated 10 times) with the same 5% of cells blanked. Add a
// case by adding an entry to CASES here and the same name to the CASES of imputation_reference.py.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Frame, SimpleImputer, StandardScaler } from "../dist/index.js";
import { alternatingRounds, MIN_TOTAL_MS, printRoundRatios, printTable, ROUNDS, roundsMedian, runPython, timeIt } from "./lib.mjs";

const REPEAT = 5;
const TIMES = 10;
const data = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "bank_churn");
const NUMERIC = ["idade", "saldo_conta", "salario_estimado", "escore_credito"];
const ALL = [...NUMERIC, "pais", "genero", "cartao_credito", "anos_cliente", "numero_produtos"];

/** The bank-churn rows repeated TIMES times, with cell (i, j) blanked when (7i + 3j) % 20 == 0. */
function bankRows() {
  const files = ["dados_treino.csv", "dados_novos_1.csv", "dados_novos_2.csv"].map((f) => Frame.fromCSV(readFileSync(join(data, f), "utf8")));
  const all = files.reduce((a, b) => a.concatRows(b));
  let out = all;
  for (let t = 1; t < TIMES; t++) out = out.concatRows(all);
  out = out.select(ALL);
  ALL.forEach((name, j) => {
    const column = out.column(name);
    const blanked = column instanceof Float64Array ? Float64Array.from(column) : [...column];
    for (let i = 0; i < blanked.length; i++) if ((7 * i + 3 * j) % 20 === 0) blanked[i] = column instanceof Float64Array ? NaN : null;
    out = out.withColumn(name, blanked, out.kindOf(name));
  });
  return out;
}

const CASES = [
  { name: "SimpleImputer mean fit+transform (100k x 4)", run: ({ numeric }) => new SimpleImputer().fitTransform(numeric) },
  { name: "SimpleImputer median fit+transform (100k x 4)", run: ({ numeric }) => new SimpleImputer({ strategy: "median" }).fitTransform(numeric) },
  { name: "SimpleImputer most_frequent+indicator fit+transform (100k x 9 mixed)", run: ({ mixed }) => new SimpleImputer({ strategy: "most_frequent", addIndicator: true }).fitTransform(mixed) },
  { name: "SimpleImputer transform (100k x 9 mixed)", run: ({ mixed, imputer }) => imputer.transform(mixed) },
  { name: "StandardScaler fit+transform (100k x 4, NaN kept)", run: ({ numeric }) => new StandardScaler().fitTransform(numeric) },
  { name: "StandardScaler transform (100k x 4)", run: ({ numeric, scaler }) => scaler.transform(numeric) },
];

export async function run() {
  const mixed = bankRows();
  const numeric = mixed.select(NUMERIC);
  const context = { mixed, numeric, imputer: new SimpleImputer({ strategy: "most_frequent" }).fit(mixed), scaler: new StandardScaler().fit(numeric) };
  const ourRound = async () => {
    const ours = {};
    for (const { name, run: work } of CASES) ours[name] = await timeIt(() => work(context), { repeat: REPEAT, minTotalMs: MIN_TOTAL_MS });
    return ours;
  };
  const rounds = await alternatingRounds(ourRound, () => runPython("imputation_reference.py", [REPEAT, TIMES, MIN_TOTAL_MS]));
  printTable(CASES.map(({ name }) => ({ case: name, tabkit: roundsMedian(rounds, "ours", name), reference: roundsMedian(rounds, "theirs", name) })));
  if (ROUNDS > 1) printRoundRatios(rounds);
}
