import { expect } from "@open-wc/testing";
import { emulateMedia, sendKeys } from "@web/test-runner-commands";
import { LlmArch, LlmArchLoadEvent, LlmArchSelectEvent, setModelLoader } from "../src/index.js";
import { COMPACT_MAX_WIDTH } from "../src/llm-arch.js";
import { buttons, cleanup, mount, nextEvent, shadow, svgOf, until } from "./helpers.js";

const deepseek = async () => (await fetch("/packages/data/models/deepseek-v3.json")).json();

describe("<llm-arch> rendering", () => {
  afterEach(cleanup);

  it("renders the diagram (role=img with title and description) and the fact sheet for a model attribute", async () => {
    const { el, event } = await mount<LlmArch>(`<llm-arch model="deepseek-v3"></llm-arch>`);
    expect(event).to.be.instanceOf(LlmArchLoadEvent);
    const svg = svgOf(el)!;
    expect(svg.getAttribute("role")).to.equal("img");
    expect(svg.querySelector("title")!.textContent).to.contain("DeepSeek V3");
    expect(svg.querySelector("desc")!.textContent!.length).to.be.greaterThan(40);
    expect(svg.querySelectorAll("[data-component][data-kind]").length).to.be.greaterThan(10);
    const table = shadow(el).querySelector("table[part=facts]")!;
    const rows = Object.fromEntries(
      [...table.querySelectorAll("tbody tr")].map((tr) => [
        tr.querySelector("th")!.textContent!.trim(),
        tr.querySelector("td")!.textContent!.replace(/\s+/g, " ").trim(),
      ]),
    );
    expect(rows["Scale"]).to.match(
      /^671B total · 36\.\dB active \(5\.\d%; embedding look-ups not counted, 37\.\dB with them\) \+ 11\.\dB MTP$/,
    );
    expect(rows["Context"]).to.equal("128k tokens");
    expect(rows["Licence"]).to.equal("DeepSeek Model License");
    expect(rows["Release"]).to.equal("2024-12-26");
    expect(rows["Decoder type"]).to.equal("Sparse MoE");
    expect(rows["Attention"]).to.equal("MLA");
    expect(rows["Layer mix"]).to.equal("61 MLA");
    expect(rows["KV cache per token"]).to.match(/^68\.6 KiB · (Low|Moderate)$/);
    expect(rows["Key detail"]).to.contain("512-dim latent");
    expect([...table.querySelectorAll("a")].map((a) => a.textContent)).to.deep.equal([
      "DeepSeek Model License",
      "config.json",
      "tech report",
      "model card",
      "code",
    ]);
  });

  it("outlines what is new in a dataset model (the data's newMechanismsOf) once the full renderer is there", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="deepseek-v3.2" view="diagram"></llm-arch>`);
    await until(() => svgOf(el)!.querySelector('[data-component="mixer:mla"][data-new="true"]'), 8000, "the outlined mixer");
    expect(svgOf(el)!.querySelector("desc")!.textContent).to.contain("New in this model: DeepSeek Sparse Attention (DSA).");
    const { el: plain } = await mount<LlmArch>(`<llm-arch model="deepseek-v3.2" view="diagram" highlight="none"></llm-arch>`);
    await new Promise((r) => setTimeout(r, 300));
    expect(svgOf(plain)!.querySelector("[data-new]")).to.equal(null);
  });

  it("re-renders when the model attribute changes", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="llama-3-8b" view="diagram"></llm-arch>`);
    expect(svgOf(el)!.querySelector("title")!.textContent).to.contain("Llama 3");
    const next = nextEvent<LlmArchLoadEvent>(el, "llm-arch-load");
    el.setAttribute("model", "qwen3-8b");
    expect((await next).detail.id).to.equal("qwen3-8b");
    expect(svgOf(el)!.querySelector("title")!.textContent).to.contain("Qwen3");
  });

  it("renders a custom spec set as a property, and re-renders when it is replaced", async () => {
    const spec = await deepseek();
    const custom = { ...spec, id: "my-model", name: "My Model", officialParams: undefined };
    const { el, event } = await mount<LlmArch>(`<llm-arch></llm-arch>`, "llm-arch-load", (e) => (e.spec = custom));
    expect((event as LlmArchLoadEvent).detail.spec.name).to.equal("My Model");
    expect(svgOf(el)!.querySelector("title")!.textContent).to.contain("My Model");
    const next = nextEvent(el, "llm-arch-load");
    el.spec = { ...custom, name: "Renamed" };
    await next;
    expect(svgOf(el)!.querySelector("title")!.textContent).to.contain("Renamed");
  });

  it("prefers spec over src over model", async () => {
    const spec = await deepseek();
    const { el } = await mount<LlmArch>(`<llm-arch model="llama-3-8b" src="/packages/data/models/qwen3-8b.json"></llm-arch>`);
    expect(el.loadedSpec!.id).to.equal("qwen3-8b");
    const next = nextEvent(el, "llm-arch-load");
    el.spec = spec;
    await next;
    expect(el.loadedSpec!.id).to.equal("deepseek-v3");
  });

  it("shows only the diagram, only the facts, or both (view)", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="gpt-2-small"></llm-arch>`);
    expect(el.view).to.equal("both");
    expect(svgOf(el)).not.to.equal(null);
    expect(shadow(el).querySelector("table[part=facts]")).not.to.equal(null);
    el.view = "facts";
    await el.updateComplete;
    expect(el.getAttribute("view")).to.equal("facts");
    expect(svgOf(el)).to.equal(null);
    expect(shadow(el).querySelector("table[part=facts]")).not.to.equal(null);
    el.setAttribute("view", "diagram");
    await el.updateComplete;
    expect(svgOf(el)).not.to.equal(null);
    expect(shadow(el).querySelector("table[part=facts]")).to.equal(null);
  });

  it("draws the zoom panels when wide (loaded alongside, drawn when there) and drops them when compact", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="deepseek-v3" view="diagram"></llm-arch>`);
    await until(() => svgOf(el)!.querySelector('[data-component="panel:moe"]'), 5000, "zoom panels");
    el.compact = true;
    await el.updateComplete;
    expect(el.hasAttribute("compact")).to.equal(true);
    expect(svgOf(el)!.querySelector('[data-component^="panel:"]')).to.equal(null);
  });

  it("exposes parts: diagram, facts, legend", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="qwen3-next-80b-a3b"></llm-arch>`);
    for (const part of ["diagram", "facts", "legend"]) expect(shadow(el).querySelector(`[part~=${part}]`), part).not.to.equal(null);
    const legend = [...shadow(el).querySelectorAll("[part=legend] li")].map((li) => li.textContent);
    expect(legend).to.include("Mixture of experts");
  });

  it("shows light DOM content (e.g. a server-rendered SVG) while loading, then its own diagram", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const spec = await deepseek();
    setModelLoader({ load: async () => (await gate, spec), index: async () => [] });
    try {
      const { el } = await mount<LlmArch>(`<llm-arch model="deepseek-v3"><p id="ssr">server figure</p></llm-arch>`, "none");
      await el.updateComplete;
      const slot = shadow(el).querySelector("slot")!;
      expect(slot.assignedElements()[0]!.id).to.equal("ssr");
      const loaded = nextEvent(el, "llm-arch-load");
      release();
      await loaded;
      expect(shadow(el).querySelector("slot")).to.equal(null);
      expect(svgOf(el)).not.to.equal(null);
    } finally {
      setModelLoader(undefined);
    }
  });
});

describe("<llm-arch> compact figure (narrow columns)", () => {
  afterEach(cleanup);

  /** Mounts markup in a host of the given width and waits for the diagram. */
  async function mountIn(width: number, markup: string): Promise<LlmArch> {
    const host = document.createElement("div");
    host.style.width = `${width}px`;
    document.body.append(host);
    host.innerHTML = markup;
    const el = host.firstElementChild as LlmArch;
    await nextEvent(el, "llm-arch-load");
    await el.updateComplete;
    return el;
  }
  const viewBoxWidth = (el: Element) => Number(svgOf(el)!.getAttribute("viewBox")!.split(" ")[2]);
  const svgText = (el: Element) => [...svgOf(el)!.querySelectorAll("text")].map((t) => t.textContent).join(" ");
  /** The smallest rendered text height in CSS px: font-size × (drawn width / viewBox width). */
  const smallestTextPx = (el: Element) => {
    const svg = svgOf(el)!;
    const scale = svg.getBoundingClientRect().width / viewBoxWidth(el);
    return Math.min(...[...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size")) * scale));
  };

  it("draws the renderer's compact figure for the compact attribute: notes listed below, no panels, no leaders", async () => {
    const el = await mountIn(1200, `<llm-arch model="deepseek-v3" view="diagram" compact></llm-arch>`);
    expect(viewBoxWidth(el)).to.be.below(620);
    expect(svgOf(el)!.querySelector('[data-component^="panel:"]')).to.equal(null);
    expect(svgText(el)).to.contain("Vocabulary size of 129,280");
    expect(svgText(el)).to.contain("Supported context length of 128k tokens");
    // the component buttons follow the compact geometry
    const mixer = buttons(el).find((b) => b.dataset.component === "mixer:mla")!;
    const box = svgOf(el)!.querySelector('[data-component="mixer:mla"] rect')!.getBoundingClientRect();
    const r = mixer.getBoundingClientRect();
    expect(r.left <= box.left && r.top <= box.top && r.right >= box.right && r.bottom >= box.bottom, JSON.stringify({ r, box })).to.equal(
      true,
    );
    expect(r.width - box.width).to.be.below(8);
    // in a wide column it is not blown up: at most 34rem wide, centred
    const fig = shadow(el).querySelector(".svg")!.getBoundingClientRect();
    expect(fig.width).to.be.at.most(34 * 16 + 1);
    const host = el.getBoundingClientRect();
    expect(Math.abs(fig.left - host.left - (host.right - fig.right))).to.be.below(2);
  });

  it("adds the layer strip of a hybrid to the compact figure once the full renderer has loaded", async () => {
    const el = await mountIn(400, `<llm-arch model="nemotron-3-nano-30b-a3b" view="diagram"></llm-arch>`);
    await until(() => svgOf(el)!.querySelector('[data-kind="layer-cell"]'), 5000, "layer strip");
    expect(viewBoxWidth(el)).to.be.below(620);
    expect(svgText(el)).to.contain("Layer mix");
    expect(svgText(el)).to.match(/Mamba-2 \(\d+\)/);
    expect(smallestTextPx(el)).to.be.at.least(11);
  });

  it("keeps every diagram text at least 11 px high in a 360 px column", async () => {
    for (const id of ["deepseek-v3", "qwen3-next-80b-a3b", "command-a-plus", "gemma-4-e2b"]) {
      const el = await mountIn(360, `<llm-arch model="${id}" view="diagram"></llm-arch>`);
      expect(svgOf(el)!.getBoundingClientRect().width, id).to.be.closeTo(360, 1);
      expect(smallestTextPx(el), id).to.be.at.least(11);
      cleanup();
    }
  });

  it(`switches to the compact figure by itself below ${COMPACT_MAX_WIDTH} px (unless panels="show") and back when widened`, async () => {
    expect(COMPACT_MAX_WIDTH).to.equal(740);
    const el = await mountIn(700, `<llm-arch model="llama-3-8b" view="diagram"></llm-arch>`);
    expect(el.compact).to.equal(false);
    expect(el.hasAttribute("compact")).to.equal(false);
    expect(viewBoxWidth(el)).to.be.below(620);
    // widened: the regular figure, with its callouts beside the stack
    el.parentElement!.style.width = "1000px";
    await until(() => viewBoxWidth(el) > 900, 3000, "regular figure");
    expect(smallestTextPx(el)).to.be.at.least(11);
    // narrowed again, but the page insists on zoom panels
    el.setAttribute("panels", "show");
    el.parentElement!.style.width = "500px";
    await until(() => svgOf(el)!.querySelector('[data-component^="panel:"]'), 5000, "zoom panels");
    expect(viewBoxWidth(el)).to.be.above(1400);
    el.removeAttribute("panels");
    await until(() => viewBoxWidth(el) < 620, 3000, "compact figure");
  });

  it("lets a compact diagram's components be selected", async () => {
    const el = await mountIn(360, `<llm-arch model="qwen3-next-80b-a3b" view="diagram"></llm-arch>`);
    const selected = nextEvent<LlmArchSelectEvent>(el, "llm-arch-select");
    buttons(el)
      .find((b) => b.dataset.component === "head")!
      .click();
    expect((await selected).detail.component).to.equal("head");
    await expect(el).to.be.accessible();
  });
});

describe("<llm-arch> events", () => {
  afterEach(cleanup);

  it("fires llm-arch-load that bubbles and is composed, with the spec in its detail", async () => {
    const seen: LlmArchLoadEvent[] = [];
    const listener = (e: Event) => seen.push(e as LlmArchLoadEvent);
    document.addEventListener("llm-arch-load", listener);
    try {
      await mount<LlmArch>(`<llm-arch model="mistral-7b"></llm-arch>`);
    } finally {
      document.removeEventListener("llm-arch-load", listener);
    }
    expect(seen).to.have.length(1);
    const e = seen[0]!;
    expect(e).to.be.instanceOf(LlmArchLoadEvent);
    expect(e.bubbles).to.equal(true);
    expect(e.composed).to.equal(true);
    expect(e.detail.id).to.equal("mistral-7b");
    expect(e.detail.specs.map((s) => s.id)).to.deep.equal(["mistral-7b"]);
  });

  it("fires llm-arch-select (bubbling, composed) with the component's numbers when a component is clicked", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="deepseek-v3" view="diagram"></llm-arch>`);
    const mixer = buttons(el).find((b) => b.dataset.component === "mixer:mla")!;
    const selected = nextEvent<LlmArchSelectEvent>(document, "llm-arch-select");
    mixer.click();
    const e = await selected;
    expect(e).to.be.instanceOf(LlmArchSelectEvent);
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.component).to.equal("mixer:mla");
    expect(e.detail.info.title).to.contain("MLA");
    const rows = Object.fromEntries(e.detail.info.rows);
    expect(rows["Heads"]).to.equal("128");
    expect(rows["KV latent rank"]).to.equal("512");
    expect(e.detail.info.concepts.map((c) => c.name)).to.include("Multi-head latent attention (MLA)");
    const pop = shadow(el).querySelector("[part=popover]")!;
    expect(pop.getAttribute("role")).to.equal("dialog");
    expect(pop.textContent).to.contain("KV latent rank");
    expect(mixer.getAttribute("aria-expanded")).to.equal("true");
  });

  it("shows heads, KV heads, head dim and window for a sliding-window GQA model", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="gemma-3-27b" view="diagram"></llm-arch>`);
    const selected = nextEvent<LlmArchSelectEvent>(el, "llm-arch-select");
    void el.select(buttons(el).find((b) => b.dataset.component!.startsWith("mixer"))!.dataset.component);
    const e = await selected;
    const labels = e.detail.info.rows.map(([k]) => k).join(" | ");
    for (const k of ["Heads", "KV heads", "Head dim", "Window"]) expect(labels).to.contain(k);
    expect(e.detail.info.concepts.map((c) => c.name).join()).to.contain("Sliding-window attention");
    expect(e.detail.info.concepts.map((c) => c.name).join()).to.contain("Grouped-query attention");
  });
});

describe("<llm-arch> component details", () => {
  afterEach(cleanup);

  for (const id of [
    "deepseek-v3.2",
    "qwen3-next-80b-a3b",
    "nemotron-3-nano-30b-a3b",
    "gpt-2-small",
    "xlstm-7b",
    "kimi-linear-48b-a3b",
    "gemma-4-e2b",
  ]) {
    it(`${id}: every diagram component has a title, and mixers, FFNs and panels have numbers`, async () => {
      const { el } = await mount<LlmArch>(`<llm-arch model="${id}" view="diagram" panels="show"></llm-arch>`);
      await until(() => svgOf(el)!.querySelector('[data-component^="panel:"]'), 5000, "zoom panels");
      const seen: string[] = [];
      for (const b of buttons(el)) {
        const selected = nextEvent<LlmArchSelectEvent>(el, "llm-arch-select");
        b.click();
        const { detail } = await selected;
        seen.push(detail.component);
        expect(detail.info.title.length, detail.component).to.be.greaterThan(2);
        expect(detail.info.title, detail.component).not.to.equal(detail.component);
        if (/^(mixer|ffn|panel:)/.test(detail.component)) expect(detail.info.rows.length, detail.component).to.be.greaterThan(0);
        b.click(); // closes
        await el.updateComplete;
      }
      expect(seen.some((c) => c.startsWith("mixer"))).to.equal(true);
      expect(seen).to.include("block");
    });
  }
});

describe("<llm-arch> keyboard", () => {
  afterEach(cleanup);

  it("moves focus between diagram components with arrow keys (one tab stop), selects with Enter and Space, closes with Escape", async () => {
    const { el } = await mount<LlmArch>(`<button id="before">before</button>`, "none");
    void el;
    const { el: arch } = await mount<LlmArch>(`<llm-arch model="qwen3-8b" view="diagram"></llm-arch>`);
    const list = buttons(arch);
    expect(list.length).to.be.greaterThan(6);
    expect(list.filter((b) => b.tabIndex === 0)).to.have.length(1);
    (document.getElementById("before") as HTMLButtonElement).focus();
    await sendKeys({ press: "Tab" });
    expect(arch.shadowRoot!.activeElement).to.equal(list[0]);
    await sendKeys({ press: "ArrowDown" });
    expect(arch.shadowRoot!.activeElement).to.equal(list[1]);
    await sendKeys({ press: "ArrowUp" });
    await sendKeys({ press: "ArrowUp" });
    expect(arch.shadowRoot!.activeElement).to.equal(list[list.length - 1]);
    await sendKeys({ press: "Home" });
    expect(arch.shadowRoot!.activeElement).to.equal(list[0]);
    expect(list[0]!.tabIndex).to.equal(0);

    // Enter selects the focused component.
    const mixerIndex = list.findIndex((b) => b.dataset.component!.startsWith("mixer"));
    for (let i = 0; i < mixerIndex; i++) await sendKeys({ press: "ArrowRight" });
    let selected = nextEvent<LlmArchSelectEvent>(arch, "llm-arch-select");
    await sendKeys({ press: "Enter" });
    expect((await selected).detail.component).to.equal(list[mixerIndex]!.dataset.component);
    const popover = () => arch.shadowRoot!.querySelector("[part=popover]");
    expect(popover()!.textContent).to.contain("KV heads");

    // With the popover open, arrows move the selection along.
    selected = nextEvent<LlmArchSelectEvent>(arch, "llm-arch-select");
    await sendKeys({ press: "ArrowDown" });
    expect((await selected).detail.component).to.equal(list[mixerIndex + 1]!.dataset.component);

    await sendKeys({ press: "Escape" });
    await arch.updateComplete;
    expect(popover()).to.equal(null);
    expect(arch.shadowRoot!.activeElement).to.equal(list[mixerIndex + 1]);

    // Space selects too.
    selected = nextEvent<LlmArchSelectEvent>(arch, "llm-arch-select");
    await sendKeys({ press: "Space" });
    await selected;
    expect(popover()).not.to.equal(null);
    await sendKeys({ press: "Escape" });
    await arch.updateComplete;
    expect(popover()).to.equal(null);
  });

  it("shows a visible focus ring on the focused component", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="qwen3-8b" view="diagram"></llm-arch>`);
    buttons(el)[0]!.focus();
    await sendKeys({ press: "ArrowDown" });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.equal("solid");
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it("gives every component button an accessible name and keeps the SVG an image", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="nemotron-3-nano-30b-a3b" view="diagram"></llm-arch>`);
    for (const b of buttons(el)) expect(b.getAttribute("aria-label")!.length, b.dataset.component).to.be.greaterThan(2);
    expect(svgOf(el)!.querySelector("button, [tabindex]")).to.equal(null);
    // Every button lies inside the figure.
    const fig = shadow(el).querySelector(".svg")!.getBoundingClientRect();
    for (const b of buttons(el)) {
      const r = b.getBoundingClientRect();
      expect(r.width, b.dataset.component).to.be.greaterThan(4);
      expect(r.left).to.be.at.least(fig.left - 4);
      expect(r.right).to.be.at.most(fig.right + 4);
    }
  });
});

describe("<llm-arch> themes", () => {
  afterEach(async () => {
    cleanup();
    await emulateMedia({ colorScheme: "light" });
  });

  const background = (el: Element) => svgOf(el)!.querySelector('[data-component="background"]')!.getAttribute("fill")!;
  const hostVar = (el: Element) => getComputedStyle(el).getPropertyValue("--_background").trim();

  it("switches light and dark with the theme attribute", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="llama-3-8b"></llm-arch>`);
    expect(el.getAttribute("theme")).to.equal("light");
    expect(background(el)).to.contain("#ffffff");
    expect(hostVar(el)).to.equal("#ffffff");
    el.setAttribute("theme", "dark");
    await el.updateComplete;
    expect(background(el)).to.contain("#15171b");
    expect(hostVar(el)).to.equal("#15171b");
    expect(getComputedStyle(shadow(el).querySelector("table")!).color).to.equal("rgb(236, 238, 242)");
  });

  it("follows prefers-color-scheme with theme=auto", async () => {
    await emulateMedia({ colorScheme: "dark" });
    const { el } = await mount<LlmArch>(`<llm-arch model="llama-3-8b" theme="auto"></llm-arch>`);
    expect(el.effectiveTheme).to.equal("dark");
    expect(background(el)).to.contain("#15171b");
    expect(hostVar(el)).to.equal("#15171b");
    await emulateMedia({ colorScheme: "light" });
    expect(el.effectiveTheme).to.equal("light");
    // The redraw follows the media query's change event, which arrives asynchronously (later on a loaded
    // machine than a fixed 50 ms wait allowed for): wait for the light figure.
    await until(() => background(el).includes("#ffffff"), 5000, "light figure");
    await el.updateComplete;
    expect(background(el)).to.contain("#ffffff");
    expect(hostVar(el)).to.equal("#ffffff");
  });

  it("lets the page override every colour with --llm-arch-* custom properties", async () => {
    const { el } = await mount<LlmArch>(
      `<llm-arch model="llama-3-8b" style="--llm-arch-background: rgb(1, 2, 3); --llm-arch-attention: rgb(200, 10, 10)"></llm-arch>`,
    );
    const bg = svgOf(el)!.querySelector('[data-component="background"]')!;
    expect(getComputedStyle(bg).fill).to.equal("rgb(1, 2, 3)");
    const mixer = svgOf(el)!.querySelector('[data-component^="mixer"] rect')!;
    expect(getComputedStyle(mixer).fill).to.equal("rgb(200, 10, 10)");
    expect(getComputedStyle(shadow(el).querySelector("table")!).backgroundColor).to.equal("rgb(1, 2, 3)");
  });
});

describe("<llm-arch> accessibility", () => {
  afterEach(cleanup);

  it("is accessible (axe) in light and dark themes, with a popover open", async () => {
    for (const theme of ["light", "dark"]) {
      const { el } = await mount<LlmArch>(`<llm-arch model="deepseek-v3" theme="${theme}"></llm-arch>`);
      await expect(el).to.be.accessible();
      await el.select("mixer:mla");
      await expect(el).to.be.accessible();
      cleanup();
    }
  });

  it("is accessible (axe) in compact facts-only view", async () => {
    const { el } = await mount<LlmArch>(`<llm-arch model="gemma-3-27b" compact view="facts"></llm-arch>`);
    await expect(el).to.be.accessible();
  });
});
