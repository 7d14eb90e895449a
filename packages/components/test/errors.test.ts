import { expect } from "@open-wc/testing";
import { LlmArch, LlmArchErrorEvent, LlmArchFacts, setDataBase, setModelLoader } from "../src/index.js";
import { cleanup, mount, nextEvent, shadow, svgOf } from "./helpers.js";

/** Mounts markup, waits for llm-arch-error and returns the event and the alert box. */
async function failing(markup: string, setup?: (el: LlmArch) => void) {
  const { el, event } = await mount<LlmArch>(markup, "llm-arch-error", setup);
  const e = event as LlmArchErrorEvent;
  const alert = shadow(el).querySelector('[role="alert"]') as HTMLElement;
  return { el, e, alert };
}

describe("error states", () => {
  afterEach(() => {
    cleanup();
    setDataBase(undefined);
    setModelLoader(undefined);
  });

  it("unknown model id (npm loader): visible alert and an llm-arch-error event", async () => {
    const { el, e, alert } = await failing(`<llm-arch model="no-such-model"></llm-arch>`);
    expect(e).to.be.instanceOf(LlmArchErrorEvent);
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.kind).to.equal("unknown-model");
    expect(e.detail.id).to.equal("no-such-model");
    expect(alert.getAttribute("part")).to.equal("error");
    expect(alert.textContent).to.contain('unknown model "no-such-model"');
    expect(alert.offsetHeight).to.be.greaterThan(20);
    expect(svgOf(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("an id that is not a model id is rejected before any fetch", async () => {
    const { e, alert } = await failing(`<llm-arch model="../../etc/passwd"></llm-arch>`);
    expect(e.detail.kind).to.equal("unknown-model");
    expect(alert.textContent).to.contain("not a model id");
  });

  it("unknown model id (CDN loader, data-base): 404 becomes unknown-model", async () => {
    const { e, alert } = await failing(`<llm-arch model="no-such-model" data-base="/packages/components/cdn/models/"></llm-arch>`);
    expect(e.detail.kind).to.equal("unknown-model");
    expect(e.detail.status).to.equal(404);
    expect(alert.textContent).to.contain("no-such-model");
  });

  it("unreachable src (network error)", async () => {
    const { e, alert } = await failing(`<llm-arch src="http://127.0.0.1:9/spec.json"></llm-arch>`);
    expect(e.detail.kind).to.equal("network");
    expect(e.detail.url).to.equal("http://127.0.0.1:9/spec.json");
    expect(alert.textContent).to.contain("could not reach http://127.0.0.1:9/spec.json");
  });

  it("src that answers 404", async () => {
    const { e, alert } = await failing(`<llm-arch src="/packages/components/test/fixtures/missing.json"></llm-arch>`);
    expect(e.detail.kind).to.equal("http");
    expect(e.detail.status).to.equal(404);
    expect(alert.textContent).to.contain("404");
  });

  it("src that is not JSON", async () => {
    const { e, alert } = await failing(`<llm-arch src="/packages/components/test/fixtures/not-json.json"></llm-arch>`);
    expect(e.detail.kind).to.equal("not-json");
    expect(alert.textContent).to.contain("is not JSON");
  });

  it("invalid spec from src: every field path and message is shown", async () => {
    const { el, e, alert } = await failing(`<llm-arch src="/packages/components/test/fixtures/invalid-spec.json"></llm-arch>`);
    expect(e.detail.kind).to.equal("invalid-spec");
    const paths = e.detail.issues!.map((i) => i.path);
    expect(paths).to.include("architecture.mixers.attn.kvHeads");
    const items = [...alert.querySelectorAll("li")].map((li) => li.textContent!);
    expect(items.some((t) => t.startsWith("architecture.mixers.attn.kvHeads: "))).to.equal(true);
    expect(alert.querySelector("code")!.textContent).to.equal("architecture.mixers.attn.kvHeads");
    await expect(el).to.be.accessible();
  });

  it("invalid spec set as a property: paths of every problem", async () => {
    const bad = { id: "x", name: "", architecture: { vocabSize: 0 } };
    const { e, alert } = await failing(`<llm-arch></llm-arch>`, (el) => (el.spec = bad));
    expect(e.detail.kind).to.equal("invalid-spec");
    const paths = e.detail.issues!.map((i) => i.path);
    expect(paths).to.include.members(["name", "architecture.vocabSize"]);
    expect(alert.querySelectorAll("li").length).to.equal(e.detail.issues!.length);
  });

  it("a loader failure is shown too, and a later good source replaces the error", async () => {
    setModelLoader({
      load: () => Promise.reject(new TypeError("offline")),
      index: async () => [],
    });
    const { el, e } = await failing(`<llm-arch model="qwen3-8b"></llm-arch>`);
    expect(e.detail.message).to.contain("offline");
    setModelLoader(undefined);
    const loaded = nextEvent(el, "llm-arch-load");
    el.model = "qwen3-4b";
    await loaded;
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    expect(svgOf(el)).not.to.equal(null);
  });

  it("validates what a custom loader returns (only the build's own dataset is trusted unvalidated)", async () => {
    setModelLoader({
      load: async () => ({ id: "qwen3-8b", name: "Qwen3 8B", architecture: { numLayers: "many" } }),
      index: async () => [],
    });
    const { e, alert } = await failing(`<llm-arch model="qwen3-8b"></llm-arch>`);
    expect(e.detail.kind).to.equal("invalid-spec");
    expect(e.detail.issues!.map((i) => i.path)).to.include("architecture.numLayers");
    expect(alert.textContent).to.contain("architecture.numLayers");
  });

  it("<llm-arch-facts> shows errors the same way", async () => {
    const { el, event } = await mount<LlmArchFacts>(`<llm-arch-facts model="nope-1"></llm-arch-facts>`, "llm-arch-error");
    expect((event as LlmArchErrorEvent).detail.kind).to.equal("unknown-model");
    expect(shadow(el).querySelector('[role="alert"][part="error"]')).not.to.equal(null);
  });
});
