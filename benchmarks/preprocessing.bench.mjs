// Preprocessing transformers against scikit-learn on the same 100,000 bank-churn rows (the three
// bank-churn files stacked and repeated 10 times). Add a case by adding an entry to CASES here and
// the same name to the CASES of preprocessing_reference.py. TABKIT_BENCH_ONLY=text runs only the
// cases whose name contains the text (both sides). The cases run in rounds that alternate between
// the two sides (TABKIT_BENCH_ROUNDS, default 3; see lib.mjs); the cases timed once (the 50k-row
// KNNImputer) run in the first round only.
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Frame, KNNImputer, Matrix, MinMaxScaler, OneHotEncoder, Pipeline, PolynomialFeatures, PowerTransformer, RobustScaler, TargetEncoder, trainTestSplit } from "../dist/index.js";
import { buildChurnPipeline } from "../examples/churn/churn-pipeline.js";
import { readCustomers, requireLabels } from "../examples/churn/customers.js";
import { alternatingRounds, MIN_TOTAL_MS, printRoundRatios, printTable, ROUNDS, roundsMedian, runPython, timeIt } from "./lib.mjs";

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

const POWER = ["idade", "saldo_conta", "salario_estimado", "escore_credito"];
const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures");

/**
 * Ten numeric columns for the 100k PowerTransformer case: the four bank-churn amounts, the two
 * ordinal counts, and four derived columns with negative values (same arithmetic as the reference).
 */
function powerColumns(rows) {
  const col = (name) => rows.numeric(name);
  const [idade, saldo, salario, escore] = POWER.map(col);
  const derived = (f) => Float64Array.from(idade, (_, i) => f(i));
  return Frame.fromColumns({
    idade,
    saldo_conta: saldo,
    salario_estimado: salario,
    escore_credito: escore,
    anos_cliente: col("anos_cliente"),
    numero_produtos: col("numero_produtos"),
    saldo_centrado: derived((i) => saldo[i] / 1000 - 50),
    idade_escore: derived((i) => (idade[i] * escore[i]) / 1000),
    salario_menos_saldo: derived((i) => salario[i] - saldo[i]),
    escore_centrado: derived((i) => escore[i] - 600),
  });
}

/**
 * `rows` x `cols` values that are all distinct, unlike the repeated bank-churn rows (where the
 * power transforms work once per distinct value): u = Knuth's multiplicative hash of the cell
 * index (row-major) over 2^32, a bijection, then skewed by exactly rounded arithmetic (same rule
 * as the reference). Yeo-Johnson columns 1e4·u³ − 50(j + 1); positive ones 0.5 + 1e3·u²·(j + 1).
 */
function distinctColumns(rows, cols, positive) {
  const columns = {};
  for (let j = 0; j < cols; j++) {
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const u = (Math.imul(i * cols + j, 2654435761) >>> 0) / 2 ** 32;
      values[i] = positive ? 0.5 + 1e3 * u * u * (j + 1) : 1e4 * u * u * u - 50 * (j + 1);
    }
    columns[`x${j}`] = values;
  }
  return Frame.fromColumns(columns);
}

/** The 13 columns that enter PolynomialFeatures in the bank-churn pipeline (test/fixtures/churn/block.json), first `rows` rows of train then test, repeated. */
function polynomialBlock(rows) {
  const block = JSON.parse(readFileSync(join(fixtures, "churn", "block.json"), "utf8"));
  const decode = ({ $f64 }) => {
    const bytes = Buffer.from($f64, "base64");
    return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  const width = block.names.length;
  const source = [decode(block.train), decode(block.test)];
  const total = block.trainRows.length + block.testRows.length;
  const out = new Float64Array(rows * 13);
  for (let i = 0; i < rows; i++) {
    const r = i % total;
    const [data, k] = r < block.trainRows.length ? [source[0], r] : [source[1], r - block.trainRows.length];
    for (let j = 0; j < 13; j++) out[i * 13 + j] = data[k * width + j];
  }
  return new Matrix(out, rows, 13, block.names.slice(0, 13));
}

/**
 * The first `rows` rows of a numeric Frame with about 10% of the cells blanked: cell k (row-major)
 * is missing when Knuth's multiplicative hash of k falls in the lowest tenth (same rule as the reference).
 */
function withMissing(frame, rows) {
  const columns = {};
  frame.names.forEach((name, j) => {
    const values = frame.numeric(name).slice(0, rows);
    for (let i = 0; i < rows; i++) if ((Math.imul(i * frame.names.length + j, 2654435761) >>> 0) / 2 ** 32 < 0.1) values[i] = NaN;
    columns[name] = values;
  });
  return Frame.fromColumns(columns);
}

/** The transformation steps of the bank-churn example's pipeline (everything before SMOTE). */
const churnBlock = () => new Pipeline({ steps: buildChurnPipeline().params.steps.slice(0, 3) });

/** The bank-churn example's split of dados_treino.csv, and the block fitted on its train side. */
function churnData() {
  const customers = readCustomers(readFileSync(join(data, "dados_treino.csv"), "utf8"), null);
  const labels = requireLabels(customers, "dados_treino.csv");
  const split = trainTestSplit(customers.features, { stratify: labels, testSize: 0.15, randomState: 42 });
  const [trainX, testX] = split.take(customers.features);
  const [trainY] = split.take(labels);
  return { trainX, trainY, testX, block: churnBlock().fit(trainX, trainY) };
}

/** Each case: a name (shared with the Python reference) and the work to time, given the data. */
const CASES = [
  { name: "OneHotEncoder fit+transform (100k x 5 -> 22)", run: ({ X }) => new OneHotEncoder().fitTransform(X) },
  { name: "OneHotEncoder transform (100k x 5)", run: ({ X, oneHot }) => oneHot.transform(X) },
  { name: "TargetEncoder fitTransform cv=5 (100k x 5, binary)", run: ({ X, y }) => new TargetEncoder({ cv: 5, randomState: 0 }).fitTransform(X, y) },
  { name: "TargetEncoder transform (100k x 5)", run: ({ X, target }) => target.transform(X) },
  { name: "PowerTransformer fitTransform yeo-johnson (6000 x 4)", run: ({ power6k }) => new PowerTransformer().fitTransform(power6k) },
  { name: "PowerTransformer fitTransform yeo-johnson (100k x 10)", run: ({ power100k }) => new PowerTransformer().fitTransform(power100k) },
  { name: "PowerTransformer transform (100k x 10)", run: ({ power100k, power }) => power.transform(power100k) },
  { name: "PowerTransformer fit yeo-johnson, distinct values (100k x 10)", run: ({ distinct }) => new PowerTransformer().fit(distinct) },
  { name: "PowerTransformer transform, distinct values (100k x 10)", run: ({ distinct, powerDistinct }) => powerDistinct.transform(distinct) },
  { name: "PowerTransformer fit box-cox, distinct values (100k x 2)", run: ({ distinctPositive }) => new PowerTransformer({ method: "box-cox" }).fit(distinctPositive) },
  {
    name: "PolynomialFeatures interaction_only fitTransform (5100 x 13 -> 91)",
    run: ({ block5100 }) => new PolynomialFeatures({ degree: 2, interactionOnly: true, includeBias: false }).fitTransform(block5100),
  },
  {
    name: "PolynomialFeatures interaction_only fitTransform (100k x 13 -> 91)",
    run: ({ block100k }) => new PolynomialFeatures({ degree: 2, interactionOnly: true, includeBias: false }).fitTransform(block100k),
  },
  { name: "KNNImputer(10) fitTransform (6000 x 4, 10% NaN)", run: ({ knn6k }) => new KNNImputer({ nNeighbors: 10 }).fitTransform(knn6k) },
  // Quadratic in the rows (every row with a gap against every training row): timed once.
  { name: "KNNImputer(10) fitTransform (50k x 10, 10% NaN)", run: ({ knn50k }) => new KNNImputer({ nNeighbors: 10 }).fitTransform(knn50k), repeat: 1 },
  { name: "MinMaxScaler fitTransform (100k x 10)", run: ({ power100k }) => new MinMaxScaler().fitTransform(power100k) },
  { name: "RobustScaler fitTransform (100k x 10)", run: ({ power100k }) => new RobustScaler().fitTransform(power100k) },
  { name: "bank-churn transformation block fitTransform (5100 rows -> 91)", run: ({ churn }) => churnBlock().fitTransform(churn.trainX, churn.trainY) },
  { name: "bank-churn transformation block transform (900 rows)", run: ({ churn }) => churn.block.transform(churn.testX) },
];

export async function run() {
  const rows = bankRows();
  const X = rows.select(ENCODED);
  const y = Array.from(rows.numeric("saiu"));
  const power100k = powerColumns(rows);
  const distinct = distinctColumns(100000, 10, false);
  const train = Frame.fromCSV(readFileSync(join(data, "dados_treino.csv"), "utf8"));
  const context = {
    X,
    y,
    oneHot: new OneHotEncoder().fit(X),
    target: new TargetEncoder().fit(X, y),
    power6k: train.select(POWER),
    power100k,
    power: new PowerTransformer().fit(power100k),
    distinct,
    powerDistinct: new PowerTransformer().fit(distinct),
    distinctPositive: distinctColumns(100000, 2, true),
    block5100: polynomialBlock(5100),
    block100k: polynomialBlock(100000),
    knn6k: withMissing(train.select(POWER), 6000),
    knn50k: withMissing(power100k, 50000),
    churn: churnData(),
  };
  const only = process.env.TABKIT_BENCH_ONLY ?? "";
  const cases = CASES.filter(({ name }) => name.includes(only));
  const ourRound = async (r) => {
    const ours = {};
    for (const { name, run: work, repeat } of cases) {
      if (r > 0 && repeat !== undefined) continue;
      ours[name] = await timeIt(() => work(context), repeat === undefined ? { repeat: REPEAT, minTotalMs: MIN_TOTAL_MS } : { repeat, warmup: 0 });
    }
    return ours;
  };
  const rounds = await alternatingRounds(ourRound, (r) => runPython("preprocessing_reference.py", [REPEAT, TIMES, MIN_TOTAL_MS, only, ...(r > 0 ? ["repeated"] : [])]));
  printTable(cases.map(({ name }) => ({ case: name, tabkit: roundsMedian(rounds, "ours", name), reference: roundsMedian(rounds, "theirs", name) })));
  if (ROUNDS > 1) printRoundRatios(rounds);
}
