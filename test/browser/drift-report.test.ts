import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { Frame } from "../../src/core/frame.js";
import { DataDriftDetector } from "../../src/drift/data-drift-detector.js";
import { renderDriftReport } from "../../src/drift/render-drift-report.js";
import { readDataFile } from "../helpers/fixtures.js";
import { launchChromium } from "./chromium.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCREENSHOT = join(root, "docs", "images", "drift-report.png");
const EVIL = "<script>alert(1)</script>";

/** Bank churn: reference dados_treino, current dados_novos_1 with idade + 5, pais re-weighted, and a hostile column name. */
function report() {
  const read = (name: string) => Frame.fromCSV(readDataFile(`bank_churn/${name}`));
  const train = read("dados_treino.csv").drop(["id_cliente"]);
  const novos = read("dados_novos_1.csv").drop(["id_cliente"]);
  const shifted = novos
    .withColumn("idade", novos.numeric("idade").map((v) => v + 5))
    .withColumn("pais", (novos.column("pais") as (string | null)[]).map((v, i) => (i % 3 === 0 ? "Alemanha" : v)));
  const withEvil = (frame: Frame) => frame.withColumn(EVIL, frame.numeric("escore_credito"));
  const detector = new DataDriftDetector({ target: "saiu" }).fit(withEvil(train));
  return detector.evaluate(withEvil(shifted));
}

describe("the drift report in headless Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders the table and histograms, runs no script, and saves a screenshot", async () => {
    const drift = report();
    const html = renderDriftReport(drift, { title: "Bank churn: training vs new customers (shifted)" });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const requests: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("data:") && request.url() !== "about:blank") requests.push(request.url());
    });
    await page.setContent(html, { waitUntil: "load" });
    const rows = await page.locator("table.drift tbody tr").count();
    expect(rows).toBe(drift.nColumns);
    expect(await page.locator("table.drift svg").count()).toBe(drift.nColumns);
    expect(await page.locator("#dataset-verdict").innerText()).toContain("Dataset drift not detected");
    // The hostile column name shows as text and never became an element.
    expect(await page.locator("table.drift").innerText()).toContain(EVIL);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    // The most drifted feature comes first after the pinned target.
    const first = await page.locator("table.drift tbody tr td.name").allInnerTexts();
    expect(first[0]).toContain("saiu");
    expect(["idade", "pais"]).toContain(first[1]);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
    await page.close();
  });
});
