/**
 * End-to-end: the "Your model" page of the BUILT site in Chromium. Drop a config.json → figure, fact sheet,
 * calculator; the share link reopens the same model in a fresh browser context; a bad config names its key;
 * a dropped safetensors header is counted and checked against the config. Screenshots in reports/screenshots/.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openPage, screenshot, seriousA11yViolations, startSite, type Site, type TrackedPage } from "./site-harness.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

async function finish(t: TrackedPage): Promise<void> {
  try {
    expect(await seriousA11yViolations(t.page), "serious/critical axe violations").toEqual([]);
    expect(t.problems, "console errors / failed requests").toEqual([]);
  } finally {
    await t.close();
  }
}

// Qwen/Qwen3-30B-A3B config.json, as the importer's own fixture carries it (with its source).
const qwenMoe = readFileSync(new URL("../../../packages/schema/src/hf/fixtures/qwen3-30b-a3b.json", import.meta.url), "utf8");
const qwenSmall = readFileSync(new URL("../../../packages/schema/src/hf/fixtures/qwen3-0.6b.json", import.meta.url), "utf8");

/** Drops files on the drop zone the way a browser does (a DragEvent carrying a DataTransfer). */
async function drop(page: Page, files: { name: string; text?: string; bytes?: number[] }[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list)
      dt.items.add(
        new File([f.text ?? new Uint8Array(f.bytes ?? [])], f.name, { type: f.text ? "application/json" : "application/octet-stream" }),
      );
    document.getElementById("byo-drop")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** Waits for the generated figure in <llm-arch>'s shadow root, with its zoom panels. */
async function figureShown(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector("#your-model-results llm-arch")?.shadowRoot?.querySelector("svg"));
}

/** A safetensors header (8-byte little-endian length + JSON) for the given tensors, without data. */
function header(tensors: [string, number[]][]): number[] {
  const json: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, shape] of tensors) {
    const bytes = shape.reduce((a, b) => a * b, 1) * 2;
    json[name] = { dtype: "BF16", shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const text = new TextEncoder().encode(JSON.stringify(json));
  const out = new Uint8Array(8 + text.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8);
  return [...out];
}

describe("your model", () => {
  let shared = "";

  it("says nothing is uploaded, and shows figure, facts, parameters, calculator and warnings for a dropped config.json", async () => {
    const t = await openPage(site, "./your-model.html");
    const { page } = t;
    expect(await page.locator("#byo-privacy").textContent()).toContain("Nothing is uploaded.");
    expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe("Your model");
    await screenshot(page, "your-model-empty");
    await page.locator("#byo-model-name").fill("Qwen3-30B-A3B");
    await drop(page, [{ name: "config.json", text: qwenMoe }]);
    await expect.poll(() => page.locator("#byo-name").textContent()).toBe("Qwen3-30B-A3B");
    await figureShown(page);
    const facts = await page.locator("llm-arch-facts").evaluate((el) => el.shadowRoot?.textContent ?? "");
    expect(facts).toMatch(/30\.5B total · 3\.04B active/);
    expect(await page.locator("#your-model-results .meta").textContent()).toContain("Sparse MoE");
    expect(await page.locator("#calc-cache-total").textContent()).toMatch(/\d/);
    expect(await page.locator("#byo-warnings").count()).toBe(1);
    expect(page.url()).toMatch(/#spec=[A-Za-z0-9_-]+$/);
    shared = page.url();
    expect(await page.locator("#byo-link").inputValue()).toBe(shared);
    // Popover on a part of the figure.
    await page
      .locator("llm-arch")
      .evaluate((el) =>
        (el.shadowRoot!.querySelector("[data-component], [tabindex='0'] g, g[role='button']") as SVGElement | null)?.dispatchEvent(
          new MouseEvent("click", { bubbles: true, composed: true }),
        ),
      );
    await screenshot(page, "your-model-qwen3-moe", true);
    // The importer loads on this page only: the other pages never request the hf chunk (checked in the home test below).
    await finish(t);
  });

  it("reopens the shared link in a fresh browser context with the same model", async () => {
    expect(shared).toContain("#spec=");
    const t = await openPage(site, `./your-model.html${shared.slice(shared.indexOf("#"))}`);
    const { page } = t;
    await expect.poll(() => page.locator("#byo-name").textContent()).toBe("Qwen3-30B-A3B");
    await figureShown(page);
    const facts = await page.locator("llm-arch-facts").evaluate((el) => el.shadowRoot?.textContent ?? "");
    expect(facts).toMatch(/30\.5B total/);
    await screenshot(page, "your-model-shared-link");
    await finish(t);
  });

  it("names the config key and what was expected when the config is bad; never a blank", async () => {
    const t = await openPage(site, "./your-model.html");
    const { page } = t;
    const bad = { ...(JSON.parse(qwenSmall) as Record<string, unknown>), hidden_size: "wide" };
    await page.locator("#byo-config").fill(JSON.stringify(bad, null, 2));
    await page.locator("#byo-import").click();
    const error = page.locator("#byo-error");
    await expect.poll(() => error.textContent()).toMatch(/hidden_size: .*(integer|number)/);
    await screenshot(page, "your-model-bad-config");
    await page.locator("#byo-config").fill("{ not json");
    await page.locator("#byo-import").click();
    await expect.poll(() => error.textContent()).toMatch(/The pasted text is not valid JSON/);
    await finish(t);
  });

  it("shows a published config with one click on the example button", async () => {
    const t = await openPage(site, "./your-model.html");
    const { page } = t;
    await page.locator("#byo-example").click();
    await expect.poll(() => page.locator("#byo-name").textContent()).toBe("Qwen3-8B");
    await figureShown(page);
    expect(await page.locator("#byo-config").inputValue()).toContain('"model_type": "qwen3"');
    const facts = await page.locator("llm-arch-facts").evaluate((el) => el.shadowRoot?.textContent ?? "");
    expect(facts).toMatch(/8\.19B total/);
    await finish(t);
  });

  it("reports a damaged share link in the page", async () => {
    const t = await openPage(site, "./your-model.html#spec=AAAA");
    await expect.poll(() => t.page.locator("#byo-error").textContent()).toMatch(/This link cannot be opened: the link is damaged/);
    await finish(t);
  });

  it("compares with a gallery model, and checks a dropped safetensors header against the config", async () => {
    const t = await openPage(site, "./your-model.html");
    const { page } = t;
    await page.locator("#byo-model-name").fill("Qwen3-0.6B");
    await drop(page, [{ name: "config.json", text: qwenSmall }]);
    await expect.poll(() => page.locator("#byo-name").textContent()).toBe("Qwen3-0.6B");
    await page.locator("#byo-compare-with").selectOption("qwen3-0.6b");
    await page.waitForFunction(() => !!document.querySelector("llm-arch-compare")?.shadowRoot?.querySelector("svg"));

    // Qwen3-0.6B's tensors (transformers Qwen3 modeling: q/k norms per head, tied embeddings), shapes from its config.
    const c = JSON.parse(qwenSmall) as Record<string, number>;
    const d = c.hidden_size!;
    const hd = c.head_dim!;
    const tensors: [string, number[]][] = [["model.embed_tokens.weight", [c.vocab_size!, d]]];
    for (let i = 0; i < c.num_hidden_layers!; i++) {
      const p = `model.layers.${i}`;
      tensors.push(
        [`${p}.input_layernorm.weight`, [d]],
        [`${p}.self_attn.q_proj.weight`, [c.num_attention_heads! * hd, d]],
        [`${p}.self_attn.k_proj.weight`, [c.num_key_value_heads! * hd, d]],
        [`${p}.self_attn.v_proj.weight`, [c.num_key_value_heads! * hd, d]],
        [`${p}.self_attn.o_proj.weight`, [d, c.num_attention_heads! * hd]],
        [`${p}.self_attn.q_norm.weight`, [hd]],
        [`${p}.self_attn.k_norm.weight`, [hd]],
        [`${p}.post_attention_layernorm.weight`, [d]],
        [`${p}.mlp.gate_proj.weight`, [c.intermediate_size!, d]],
        [`${p}.mlp.up_proj.weight`, [c.intermediate_size!, d]],
        [`${p}.mlp.down_proj.weight`, [d, c.intermediate_size!]],
      );
    }
    tensors.push(["model.norm.weight", [d]]);
    await drop(page, [{ name: "model.safetensors", bytes: header(tensors) }]);
    await expect
      .poll(() => page.locator("#byo-count-total").textContent())
      .toMatch(/596,049,920 parameters .*The same as Qwen3-0\.6B's computed count/);
    expect(await page.locator("llm-arch-compare").count(), "the comparison stays").toBe(1);
    await screenshot(page, "your-model-count");
    // A damaged checkpoint: the error names the file, the model stays on show.
    await drop(page, [{ name: "broken.safetensors", bytes: [1, 2, 3] }]);
    await expect.poll(() => page.locator("#byo-error").textContent()).toMatch(/broken\.safetensors: not a safetensors file/);
    expect(await page.locator("#byo-name").textContent()).toBe("Qwen3-0.6B");
    await finish(t);
  });

  it("keeps the importer off the other pages", async () => {
    const t = await openPage(site, "./model.html?id=qwen3-8b");
    const requested: string[] = [];
    t.page.on("request", (r) => requested.push(r.url()));
    await t.page.waitForFunction(() => !!document.querySelector("llm-arch")?.shadowRoot?.querySelector("svg"));
    const loaded = await t.page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect([...loaded, ...requested].filter((u) => /\/assets\/hf-/.test(u))).toEqual([]);
    await t.close();
  });
});
