import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { Frame } from "../../src/core/frame.js";
import { PowerTransformer } from "../../src/preprocessing/power-transformer.js";
import { StandardScaler } from "../../src/preprocessing/standard-scaler.js";
import { SMOTE } from "../../src/sampling/smote.js";
import { buildChurnPipeline } from "../../examples/churn/churn-pipeline.js";
import { readCustomers, requireLabels } from "../../examples/churn/customers.js";
import { readDataFile } from "../helpers/fixtures.js";
import { launchChromium } from "./chromium.js";
import { processorHasFma } from "../helpers/processor.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const X = [
  [1, 200, -3],
  [2, 180, NaN],
  [4, 260, 0.5],
  [8, 150, 12],
];

/** Bytes of a Float64Array, so outputs compare bit for bit across the page boundary. */
const bytesOf = (data: Float64Array) => Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));

describe("tabkit in headless Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Bundling for the browser platform also proves the core imports no Node built-ins.
    const bundle = await build({
      stdin: {
        contents:
          'import * as tabkit from "./src/index.ts"; import { pairKernelsAvailable } from "./src/sampling/pair-kernels.ts"; import { powerKernelsVariant } from "./src/preprocessing/power-kernels.ts"; import { numpyKernelsVariant } from "./src/preprocessing/numpy-kernels.ts"; window.tabkit = tabkit; window.pairKernelsAvailable = pairKernelsAvailable; window.powerKernelsVariant = powerKernelsVariant; window.numpyKernelsVariant = numpyKernelsVariant;',
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent("<!doctype html><title>tabkit</title>");
    await page.addScriptTag({ type: "module", content: bundle.outputFiles[0].text });
    await page.waitForFunction(() => "tabkit" in window);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("fits a StandardScaler in the page exactly as Node does", async () => {
    const inPage = await page.evaluate((rows) => {
      const { StandardScaler } = (window as unknown as { tabkit: typeof import("../../src/index.js") }).tabkit;
      const out = new StandardScaler().fitTransform(rows) as { data: Float64Array };
      return Array.from(new Uint8Array(out.data.buffer));
    }, X);
    const inNode = new StandardScaler().fitTransform(X) as { data: Float64Array };
    expect(inPage).toEqual(bytesOf(inNode.data));
  });

  it("loads a model saved in Node and gets bit-identical output", async () => {
    const saved = JSON.stringify(new StandardScaler().fit(X).toJSON());
    const query = [[3, 170, 1], [NaN, 1e6, -1e-9]];
    const inPage = await page.evaluate(
      ([json, rows]) => {
        const { loadModel } = (window as unknown as { tabkit: typeof import("../../src/index.js") }).tabkit;
        const model = loadModel(json as string) as unknown as { transform(x: unknown): { data: Float64Array } };
        return Array.from(new Uint8Array(model.transform(rows).data.buffer));
      },
      [saved, query] as const,
    );
    const inNode = new StandardScaler().fit(X).transform(query) as { data: Float64Array };
    expect(inPage).toEqual(bytesOf(inNode.data));
  });

  it("scores raw customer records with the bank-churn pipeline trained in Node, bit for bit", async () => {
    const customers = readCustomers(readDataFile("bank_churn/dados_treino.csv"), null);
    const pipeline = buildChurnPipeline({ nTrees: 5 }).fit(customers.features, requireLabels(customers, "dados_treino.csv"));
    const records = readCustomers(readDataFile("bank_churn/dados_novos_1.csv"), null).features.takeRows(Array.from({ length: 50 }, (_, i) => i)).toRecords();
    const inPage = await page.evaluate(
      ([json, rows]) => {
        const { Frame: PageFrame, loadModel } = (window as unknown as { tabkit: typeof import("../../src/index.js") }).tabkit;
        const model = loadModel(json as string) as unknown as { predictProba(x: unknown): { data: Float64Array } };
        return Array.from(new Uint8Array(model.predictProba(PageFrame.fromRecords(rows as never)).data.buffer));
      },
      [JSON.stringify(pipeline.toJSON()), records] as const,
    );
    expect(inPage).toEqual(bytesOf(pipeline.predictProba(Frame.fromRecords(records)).data));
  });

  it("resamples with SMOTE in the page, through the WebAssembly neighbour search, exactly as Node does", async () => {
    // 600 rows of 30 columns: several k-d tree leaves, more columns than projected axes.
    const rows = Array.from({ length: 600 }, (_, i) => Array.from({ length: 30 }, (_, j) => Math.sin(i * 0.7 + j * 1.3) * (j + 1) + (i % 7)));
    const labels = rows.map((_, i) => (i % 5 === 0 ? 1 : 0));
    const inPage = await page.evaluate(
      ([X, y]) => {
        const { SMOTE: PageSMOTE } = (window as unknown as { tabkit: typeof import("../../src/index.js") }).tabkit;
        const out = new PageSMOTE({ kNeighbors: 5, randomState: 3 }).fitResample(X as number[][], y as number[]);
        const kernels = (window as unknown as { pairKernelsAvailable(): boolean }).pairKernelsAvailable();
        return { kernels, data: Array.from(new Uint8Array((out.X as { data: Float64Array }).data.buffer)), y: out.y };
      },
      [rows, labels] as const,
    );
    const inNode = new SMOTE({ kNeighbors: 5, randomState: 3 }).fitResample(rows, labels);
    expect(inPage.kernels).toBe(true);
    expect(inPage.y).toEqual(inNode.y);
    expect(inPage.data).toEqual(bytesOf((inNode.X as { data: Float64Array }).data));
  });

  it("fits a Yeo-Johnson PowerTransformer in the page through the lambda search's kernel with relaxed SIMD's multiply-adds, and applies it through the transform's kernel, exactly as Node does", async () => {
    // 3001 distinct values per column (the lambda kernel's last pair is half outside, the transform kernel's last four three quarters), both signs.
    const rows = Array.from({ length: 3001 }, (_, i) => [Math.sinh(i * 0.004 - 5) * 30, (i * 0.37) ** 1.7 - 400]);
    const inPage = await page.evaluate((X) => {
      const { PowerTransformer: PagePowerTransformer } = (window as unknown as { tabkit: typeof import("../../src/index.js") }).tabkit;
      const pt = new PagePowerTransformer().fit(X);
      const variant = (window as unknown as { powerKernelsVariant(): string | null }).powerKernelsVariant();
      return { variant, lambdas: Array.from(pt.lambdas), data: Array.from(new Uint8Array((pt.transform(X) as { data: Float64Array }).data.buffer)) };
    }, rows);
    const inNode = new PowerTransformer().fit(rows);
    // Chromium has relaxed SIMD (Node 20 runs the plain module: the two agree).
    expect(inPage.variant).toBe("fma");
    expect(inPage.lambdas).toEqual(Array.from(inNode.lambdas));
    expect(inPage.data).toEqual(bytesOf((inNode.transform(rows) as { data: Float64Array }).data));
  });

  it("fits a Box-Cox PowerTransformer in the page, through numpy's kernels with the hardware's FMA, exactly as Node does", async () => {
    const rows = Array.from({ length: 4001 }, (_, i) => [0.5 + 1e3 * ((i * 0.618034) % 1) ** 2, Math.exp(Math.sin(i) * 4)]);
    const inPage = await page.evaluate((X) => {
      const { PowerTransformer: PagePowerTransformer } = (window as unknown as { tabkit: typeof import("../../src/index.js") }).tabkit;
      const pt = new PagePowerTransformer({ method: "box-cox" }).fit(X);
      const variant = (window as unknown as { numpyKernelsVariant(): string | null }).numpyKernelsVariant();
      return { variant, lambdas: Array.from(pt.lambdas) };
    }, rows);
    // Chromium has relaxed SIMD; its multiply-add rounds once where the processor has an FMA.
    expect(inPage.variant).toBe(processorHasFma() === false ? "emulated" : "fma");
    expect(inPage.lambdas).toEqual(Array.from(new PowerTransformer({ method: "box-cox" }).fit(rows).lambdas));
  });
});
