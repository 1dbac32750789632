// LogisticRegression (lbfgs) against scikit-learn on the prepared telco and bank matrices of the
// parity fixtures (test/fixtures/models/logistic), the same data on both sides.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LogisticRegression, Matrix } from "../dist/index.js";
import { printTable, runPython, timeIt } from "./lib.mjs";

const REPEAT = 5;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "models", "logistic");
const load = (name) => JSON.parse(readFileSync(join(fixtures, `${name}-matrix.json`), "utf8"));

/** Stacks `times` copies of the rows of X (and of y). */
function tile(X, y, times) {
  const data = new Float64Array(X.data.length * times);
  for (let t = 0; t < times; t++) data.set(X.data, t * X.data.length);
  return { X: new Matrix(data, X.rows * times, X.cols), y: Array.from({ length: times }, () => y).flat() };
}

export async function run() {
  const telco = load("telco");
  const X = Matrix.from2D(telco.X);
  const y = telco.y;
  const big = tile(X, y, 8);
  const bank = load("bank");
  const Xb = Matrix.from2D(bank.X.map((row) => bank.productsColumns.map((j) => row[j])));
  const yb = bank.products;

  const model = new LogisticRegression().fit(X, y);
  const ours = {
    "telco fit (7043 x 40, binary)": await timeIt(() => new LogisticRegression().fit(X, y), { repeat: REPEAT }),
    "telco predictProba (7043 rows)": await timeIt(() => model.predictProba(X), { repeat: REPEAT }),
    "telco x8 fit (56344 x 40, binary)": await timeIt(() => new LogisticRegression().fit(big.X, big.y), { repeat: REPEAT }),
    "bank products fit (6000 x 12, 4 classes)": await timeIt(() => new LogisticRegression().fit(Xb, yb), { repeat: REPEAT }),
  };
  const reference = runPython("linear_reference.py", [REPEAT]);
  if (reference.nIter !== model.nIter) console.log(`note: iterations differ (tabkit ${model.nIter}, scikit-learn ${reference.nIter})`);
  printTable(Object.entries(ours).map(([name, ms]) => ({ case: name, tabkit: ms, reference: reference[name] })));
}
