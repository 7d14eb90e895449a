import { expect } from "@open-wc/testing";
import { fetchLimits, type LlmArch, type LlmArchErrorEvent, type LlmArchGallery } from "../src/index.js";
import { cleanup, mount, shadow } from "./helpers.js";

const defaults = { ...fetchLimits };

/** Mounts markup, waits for its llm-arch-error and returns the detail and the visible error box. */
async function failing(markup: string) {
  const { el, event } = await mount<LlmArch>(markup, "llm-arch-error");
  const alert = shadow(el).querySelector<HTMLElement>('[role="alert"][part="error"]');
  expect(alert, "a visible error box").to.not.equal(null);
  expect(alert!.offsetHeight).to.be.greaterThan(20);
  expect(shadow(el).textContent).to.not.contain("Loading");
  return { detail: (event as LlmArchErrorEvent).detail, alert: alert! };
}

describe("fetch limits and bad data locations", () => {
  afterEach(() => {
    cleanup();
    Object.assign(fetchLimits, defaults);
  });

  it("default limits: 30 s and 5 MB", () => {
    expect(defaults).to.deep.equal({ timeout: 30_000, maxBytes: 5_000_000 });
  });

  it("src on a server that sends headers and then stalls: a timeout error, not Loading… forever", async () => {
    fetchLimits.timeout = 300;
    const { detail, alert } = await failing(`<llm-arch src="/hostile-http/stalled.json"></llm-arch>`);
    expect(detail.kind).to.equal("timeout");
    expect(detail.url).to.match(/\/hostile-http\/stalled\.json$/);
    expect(alert.textContent).to.contain("did not answer within 0.3 s");
  });

  it("src on a server that sends nothing: a timeout error", async () => {
    fetchLimits.timeout = 300;
    const { detail } = await failing(`<llm-arch src="/hostile-http/silent.json"></llm-arch>`);
    expect(detail.kind).to.equal("timeout");
  });

  it("an oversized src body: reading stops past the limit with a too-large error", async () => {
    fetchLimits.maxBytes = 1_000_000;
    const { detail, alert } = await failing(`<llm-arch src="/hostile-http/huge.json"></llm-arch>`);
    expect(detail.kind).to.equal("too-large");
    expect(alert.textContent).to.contain("is larger than 1000000 bytes");
    // The server pushed far less than its 50 MB before the client went away.
    await new Promise((r) => setTimeout(r, 200));
    const { bytes } = (await (await fetch("/hostile-http/sent")).json()) as { bytes: number };
    expect(bytes).to.be.lessThan(25e6);
  });

  it("the limits hold below an element's data-base too", async () => {
    fetchLimits.maxBytes = 1_000_000;
    const { detail } = await failing(`<llm-arch model="huge" data-base="/hostile-http/"></llm-arch>`);
    expect(detail.kind).to.equal("too-large");
    expect(detail.id).to.equal("huge");
  });

  it("a data-base that is not a URL is a load error naming it, not a render error", async () => {
    const { detail, alert } = await failing(`<llm-arch model="qwen3-8b" data-base="http://[::1"></llm-arch>`);
    expect(detail.kind).to.equal("load");
    expect(alert.textContent).to.contain('the data location "http://[::1" is not a URL');
  });

  it("a src that is not a URL is a load error too", async () => {
    const { detail } = await failing(`<llm-arch src="http://[::1/x.json"></llm-arch>`);
    expect(detail.kind).to.equal("load");
  });
});

describe("<llm-arch-gallery> with a bad index", () => {
  afterEach(() => cleanup());

  it("a malformed index.json shows a clear error naming the bad entry, not Loading models… forever", async () => {
    const { el, event } = await mount<LlmArchGallery>(
      `<llm-arch-gallery data-base="/packages/components/test/fixtures/malformed-index/"></llm-arch-gallery>`,
      "llm-arch-error",
    );
    const detail = (event as LlmArchErrorEvent).detail;
    expect(detail.kind).to.equal("not-json");
    expect(detail.message).to.contain("entry 0: org is not text");
    const alert = shadow(el).querySelector<HTMLElement>('[role="alert"]');
    expect(alert?.textContent).to.contain("not a list of models");
    expect(shadow(el).textContent).to.not.contain("Loading models");
  });

  it("a data-base that is not a URL is a load error", async () => {
    const { event } = await mount<LlmArchGallery>(`<llm-arch-gallery data-base="http://[::1"></llm-arch-gallery>`, "llm-arch-error");
    expect((event as LlmArchErrorEvent).detail.kind).to.equal("load");
  });
});
