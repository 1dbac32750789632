import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("has a quick start that runs as written", async () => {
    const block = /## Quick start\n+```ts\n([\s\S]*?)```/.exec(readme);
    expect(block, "a ```ts block under ## Quick start").not.toBeNull();
    // The snippet's bindings are exported so that the test can check what it built.
    const path = join(mkdtempSync(join(tmpdir(), "tabkit-readme-")), "quick-start.ts");
    writeFileSync(path, `${block![1]}\nexport { model, again, X };\n`);
    const { model, again, X } = await import(/* @vite-ignore */ pathToFileURL(path).href);
    expect(model.predictProba(X).rows).toBe(3);
    expect(Array.from(again.predictProba(X).data)).toEqual(Array.from(model.predictProba(X).data));
  });

  it("gives exactly the two commands for a fresh clone, and CI runs the test command", () => {
    const commands = [...readme.matchAll(/\| `(npm ci && npm run [a-z]+|npm ci && npm test)` \|/g)].map((m) => m[1]);
    expect(commands).toEqual(["npm ci && npm run demo", "npm ci && npm test"]);
    expect(readFileSync(new URL("../.ci/run", import.meta.url), "utf8")).toContain("\nnpm ci && npm test\n");
  });
});
