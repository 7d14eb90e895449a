/**
 * The README's two-line embed, served as a CDN would: the installed package's cdn/ folder on one loopback origin
 * (under /npm/@archgal/components@<version>/cdn/, with CORS, like jsDelivr) and a plain HTML page with only the
 * script tag and the element on another.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, readLlmArch, type ElementFacts, type Session } from "../src/browser.js";
import { modelsRequested } from "../src/model-requests.js";
import { reportsDir } from "../src/env.js";
import { nodeJson, stage } from "../src/project.js";
import { consumer, requireInstalled } from "../src/state.js";
import { serveStatic, type StaticServer } from "../src/static-server.js";

let cdn: StaticServer | undefined;
let site: StaticServer | undefined;
let session: Session | undefined;
let facts: ElementFacts | undefined;
let expected: { ids: string[]; name: string; total: string } | undefined;
let setupError: Error | undefined;
let cdnPrefix = "";

beforeAll(async () => {
  const state = consumer();
  if (!state.install.ok || !state.installed["@archgal/components"]) return;
  try {
    const webDir = stage("web-cdn", "web");
    // "Publish" the installed package's cdn/ folder to our CDN.
    const cdnRoot = join(webDir, "cdn-root");
    cpSync(join(state.projectDir, "node_modules", "@archgal", "components", "cdn"), cdnRoot, { recursive: true });
    cdnPrefix = `/npm/@archgal/components@${state.installed["@archgal/components"]}/cdn/`;
    cdn = await serveStatic(cdnRoot, { prefix: cdnPrefix, cors: true });
    const pageDir = join(webDir, "cdn-page");
    const html = readFileSync(join(pageDir, "index.html"), "utf8").replace("__CDN__", `${cdn.origin}${cdnPrefix.replace(/\/$/, "")}`);
    writeFileSync(join(pageDir, "index.html"), html);
    site = await serveStatic(pageDir);
    expected = (await nodeJson<{ ids: string[]; name: string; total: string }>(webDir, ["expected.mjs", "deepseek-v3"])).value;
    session = await openBrowser();
    await session.page.goto(`${site.origin}/`, { waitUntil: "load" });
    facts = await readLlmArch(session.page);
  } catch (error) {
    setupError = error as Error;
  }
});

afterAll(async () => {
  await session?.close();
  await cdn?.close();
  await site?.close();
});

function ready(): { facts: ElementFacts; session: Session; expected: NonNullable<typeof expected> } {
  requireInstalled("@archgal/components");
  if (setupError) throw setupError;
  if (!facts || !session || !expected) throw new Error("the CDN page was not opened");
  return { facts, session, expected };
}

describe("CDN embed: <script type=module src=…/cdn/llm-arch.js> + <llm-arch model=deepseek-v3>", () => {
  it("shows the diagram", () => {
    const { facts, expected } = ready();
    expect(facts.defined, "<llm-arch> is not registered").toBe(true);
    expect(facts.svgCount, `no diagram in <llm-arch>'s shadow root; it shows: ${facts.text}`).toBeGreaterThan(0);
    expect(facts.svgRole).toBe("img");
    expect(facts.svgTitle).toContain(expected.name);
  });

  it("shows the fact sheet with the model's numbers", () => {
    const { facts, expected } = ready();
    expect(facts.factsText, `no fact sheet; the element shows: ${facts.text}`).toContain(expected.name);
    expect(facts.factsText).toContain(expected.total);
  });

  it("fetches only deepseek-v3's data files (its spec and what is new in it), from the CDN folder next to the script", () => {
    const { session, expected } = ready();
    const models = modelsRequested(session.recorded.requests, expected.ids);
    expect(models, `requests:\n${session.recorded.requests.join("\n")}`).toEqual(["deepseek-v3", "deepseek-v3"]);
    const modelUrls = session.recorded.requests.filter((u) => u.includes("deepseek-v3")).sort();
    expect(modelUrls).toEqual([
      `${cdn!.origin}${cdnPrefix}models/deepseek-v3.json`,
      `${cdn!.origin}${cdnPrefix}models/new-mechanisms/deepseek-v3.json`,
    ]);
    expect(session.recorded.blocked, "requests that left the machine").toEqual([]);
    expect(
      site!.requests.filter((r) => r.path !== "/" && r.path !== "/favicon.ico").map((r) => r.path),
      "requests to the page's own host",
    ).toEqual([]);
    expect(cdn!.requests.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.path}`)).toEqual([]);
  });

  it("records what the page downloaded from the CDN (reports/cdn-page.json)", () => {
    const { session } = ready();
    const served = cdn!.requests.filter((r) => r.status === 200);
    const root = join(consumer().projectDir, "web-cdn", "cdn-root");
    const files = served.map((r) => {
      const rel = r.path.slice(cdnPrefix.length);
      const buf = readFileSync(join(root, rel));
      return { path: rel, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    });
    const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzipBytes: a.gzipBytes + f.gzipBytes }), { bytes: 0, gzipBytes: 0 });
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(
      join(reportsDir, "cdn-page.json"),
      `${JSON.stringify({ page: "<llm-arch model=deepseek-v3>", requests: files.length, total, files }, null, 2)}\n`,
    );
    console.log(
      `CDN page (deepseek-v3): ${files.length} files, ${(total.bytes / 1024).toFixed(1)} KiB, ${(total.gzipBytes / 1024).toFixed(1)} KiB gzip: ${files.map((f) => f.path).join(", ")}`,
    );
    expect(session.recorded.requests.length).toBeGreaterThan(0);
    expect(
      files.every(
        (f) => f.path.endsWith(".js") || f.path === "models/deepseek-v3.json" || f.path === "models/new-mechanisms/deepseek-v3.json",
      ),
      files.map((f) => f.path).join(", "),
    ).toBe(true);
  });

  it("logs no console errors and throws no page errors", () => {
    const { session } = ready();
    expect(session.recorded.pageErrors).toEqual([]);
    expect(session.recorded.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    // Chromium reports a fetch as aborted when the page reads a chunked answer (no Content-Length, as this server and
    // many CDNs send) to its end through a stream reader, as the element does to cap the size: measured 12 of 30
    // page loads with a stream reader against 0 of 40 with res.text(). The data has then arrived in full, so such a
    // report counts only when the server did not send the whole answer.
    const sentInFull = (url: string) => {
      const { origin, pathname } = new URL(url);
      return origin === cdn!.origin && cdn!.requests.some((r) => r.path === decodeURIComponent(pathname) && r.status === 200 && r.complete);
    };
    const failed = session.recorded.failed.filter((f) => !(f.error === "net::ERR_ABORTED" && sentInFull(f.url)));
    expect(failed.map((f) => `${f.url} (${f.error})`)).toEqual([]);
  });
});
