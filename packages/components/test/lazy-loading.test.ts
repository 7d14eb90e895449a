import { expect } from "@open-wc/testing";
import { LlmArch, LlmArchGallery, setDataBase, setModelLoader, type ModelLoader } from "../src/index.js";
import { cleanup, fetchedModelFiles, mount, svgOf } from "./helpers.js";

describe("lazy loading", () => {
  afterEach(() => {
    cleanup();
    setModelLoader(undefined);
  });

  it("the npm loader (@archgal/data) fetches only the requested model's file", async () => {
    expect(fetchedModelFiles()).to.deep.equal([]);
    const { el } = await mount<LlmArch>(`<llm-arch model="gemma-3-27b"></llm-arch>`);
    expect(svgOf(el)).not.to.equal(null);
    expect(fetchedModelFiles()).to.deep.equal(["/packages/data/models/gemma-3-27b.json"]);
  });

  it("the CDN loader (data-base) fetches only <base>/<id>.json", async () => {
    const before = fetchedModelFiles().length;
    await mount<LlmArch>(`<llm-arch model="olmo-2-7b" data-base="/packages/components/cdn/models/"></llm-arch>`);
    expect(fetchedModelFiles().slice(before)).to.deep.equal(["/packages/components/cdn/models/olmo-2-7b.json"]);
  });

  it("LlmArch.dataBase points every element at another data location", async () => {
    const before = fetchedModelFiles().length;
    LlmArch.dataBase = "/elsewhere/models/";
    try {
      await mount<LlmArch>(`<llm-arch model="mistral-7b"></llm-arch>`);
    } finally {
      setDataBase(undefined);
    }
    expect(fetchedModelFiles().slice(before)).to.deep.equal(["/elsewhere/models/mistral-7b.json"]);
  });

  it("asks a custom loader for exactly one model, and the gallery only for the index", async () => {
    const asked: string[] = [];
    const real = await (await fetch("/packages/components/cdn/models/phi-4.json")).json();
    const index = await (await fetch("/packages/components/cdn/models/index.json")).json();
    const loader: ModelLoader = {
      load: async (id) => (asked.push(`load:${id}`), real),
      index: async () => (asked.push("index"), index),
    };
    setModelLoader(loader);
    await mount<LlmArch>(`<llm-arch model="phi-4"></llm-arch>`);
    expect(asked).to.deep.equal(["load:phi-4"]);
    const { el } = await mount<LlmArchGallery>(`<llm-arch-gallery></llm-arch-gallery>`, "none");
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(asked).to.deep.equal(["load:phi-4", "index"]);
    expect(el.visibleEntries.length).to.equal(index.length);
  });
});
