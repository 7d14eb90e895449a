/**
 * A tiny Vite app (vite installed from the registry into the consumer project) that imports the registering
 * module of @archgal/components, built for production and opened in Chromium.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, readLlmArch, type Session } from "../src/browser.js";
import { modelsRequested } from "../src/model-requests.js";
import { nodeJson, stage } from "../src/project.js";
import { describeRun, run, type RunResult } from "../src/run.js";
import { consumer, requireInstalled } from "../src/state.js";
import { serveStatic, type StaticServer } from "../src/static-server.js";

let appDir = "";
let build: RunResult | undefined;
let server: StaticServer | undefined;
let session: Session | undefined;

beforeAll(async () => {
  const state = consumer();
  if (!state.install.ok || !state.installed["@archgal/components"]) return;
  const webDir = stage("web-vite", "web");
  appDir = join(webDir, "vite-app");
  build = await run(process.execPath, [join(state.projectDir, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], {
    cwd: appDir,
    timeoutMs: 180_000,
  });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe("Vite app using <llm-arch> from @archgal/components", () => {
  it("builds with vite build", () => {
    requireInstalled("@archgal/components", "@archgal/renderer", "@archgal/data", "@archgal/schema");
    if (!build) throw new Error("vite build did not run");
    expect(build.code, describeRun(build)).toBe(0);
  });

  it("shows the diagram and fact sheet in Chromium, downloading only that model's data, without errors", async () => {
    requireInstalled("@archgal/components", "@archgal/renderer", "@archgal/data", "@archgal/schema");
    if (!build || build.code !== 0) throw new Error(`vite build failed${build ? `:\n${describeRun(build)}` : ""}`);
    const { value: expected } = await nodeJson<{ ids: string[]; name: string; total: string }>(join(appDir, ".."), [
      "expected.mjs",
      "llama-3-8b",
    ]);
    server = await serveStatic(join(appDir, "dist"));
    session = await openBrowser();
    await session.page.goto(`${server.origin}/`, { waitUntil: "load" });
    const facts = await readLlmArch(session.page);
    const r = session.recorded;
    expect(facts.defined, "<llm-arch> is not registered").toBe(true);
    expect(facts.svgCount, `no diagram in <llm-arch>'s shadow root; it shows: ${facts.text}`).toBeGreaterThan(0);
    expect(facts.svgRole).toBe("img");
    expect(facts.svgTitle).toContain(expected.name);
    expect(facts.factsText, "fact sheet").toContain(expected.total);
    expect(modelsRequested(r.requests, expected.ids), "model data downloaded").toEqual(["llama-3-8b"]);
    expect(r.blocked, "requests that left the machine").toEqual([]);
    expect(r.failed).toEqual([]);
    expect(r.pageErrors).toEqual([]);
    expect(r.consoleErrors).toEqual([]);
  });

  it("emits one chunk per model rather than the whole dataset in the entry", () => {
    requireInstalled("@archgal/components");
    if (!build || build.code !== 0) throw new Error("vite build failed");
    const assets = join(appDir, "dist", "assets");
    const files = readdirSync(assets).filter((f) => f.endsWith(".js"));
    const sizes = files.map((f) => ({ f, bytes: statSync(join(assets, f)).size })).sort((a, b) => b.bytes - a.bytes);
    console.log(
      `vite app: ${files.length} JS chunks; largest ${sizes
        .slice(0, 3)
        .map((s) => `${s.f} ${(s.bytes / 1024).toFixed(1)} KiB`)
        .join(", ")}`,
    );
    expect(files.length).toBeGreaterThan(70);
  });
});
