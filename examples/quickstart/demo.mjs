// A small end-to-end run on the bundled bank-churn data: read the CSV, fit a transformer on the
// training rows, save the fitted model as JSON, load it back, and apply it to new customers.
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Frame, StandardScaler } from "tabkit";
import { loadModelFile, saveModel } from "tabkit/node";

const data = (name) => readFileSync(new URL(`../../data/bank_churn/${name}`, import.meta.url), "utf8");
const numeric = ["idade", "saldo_conta", "salario_estimado", "escore_credito"];

const train = Frame.fromCSV(data("dados_treino.csv")).select(numeric);
const scaler = new StandardScaler().fit(train);
console.log(`fitted StandardScaler on ${train.nRows} customers`);
numeric.forEach((name, j) => console.log(`  ${name.padEnd(18)} mean ${scaler.mean[j].toFixed(2).padStart(12)}  scale ${scaler.scale[j].toFixed(2).padStart(12)}`));

const path = join(mkdtempSync(join(tmpdir(), "tabkit-demo-")), "scaler.json");
await saveModel(path, scaler);
const loaded = await loadModelFile(path);
const fresh = Frame.fromCSV(data("dados_novos_1.csv")).select(numeric);
const scaled = loaded.transform(fresh);
console.log(`saved to ${path}, loaded back, and scaled ${scaled.nRows} new customers; first row:`);
console.log(" ", Object.fromEntries(Object.entries(scaled.row(0)).map(([k, v]) => [k, Number(v.toFixed(4))])));
