import { expect } from "@open-wc/testing";
import { layoutModel, renderModel, type Box, type Layout } from "@archgal/renderer";
import type { ModelSpec } from "@archgal/schema";

// Real text extents in Chromium against the renderer's width model: every text line drawn in a box must fit
// inside that box (the layout's geometry), and every free label inside the figure — with and without zoom
// panels, and in the compact layout.
const sample = [
  "gpt-2-small",
  "llama-3-8b",
  "gemma-3-27b",
  "deepseek-v3",
  "deepseek-v3.2",
  "qwen3-next-80b-a3b",
  "kimi-linear-48b-a3b",
  "nemotron-3-nano-30b-a3b",
  "xlstm-7b",
  "gpt-oss-120b",
  "llama-4-maverick",
  "gemma-4-e2b",
];

interface Overflow {
  model: string;
  component: string;
  text: string;
  textWidth: number;
  room: number;
}

function boxTexts(svg: SVGSVGElement, box: Box): SVGTextElement[] {
  const cx = box.x + box.w / 2;
  return [...svg.querySelectorAll<SVGTextElement>(`[data-component="${CSS.escape(box.component)}"] text`)].filter((t) => {
    const x = Number(t.getAttribute("x"));
    const y = Number(t.getAttribute("y"));
    return Math.abs(x - cx) < 0.6 && y > box.y && y < box.y + box.h && t.getAttribute("text-anchor") === "middle";
  });
}

function check(model: string, layout: Layout, svg: SVGSVGElement): { overflows: Overflow[]; checked: number } {
  const overflows: Overflow[] = [];
  let checked = 0;
  for (const box of layout.boxes) {
    if (box.container || box.symbol || box.lines.length === 0) continue;
    const texts = boxTexts(svg, box);
    expect(texts.length, `${model} ${box.id}: ${box.lines.length} lines drawn`).to.equal(box.lines.length);
    for (const t of texts) {
      const bb = t.getBBox();
      checked++;
      // No overflow past the box edges, and the padding the layout promises (1 unit of tolerance).
      if (bb.x < box.x || bb.x + bb.width > box.x + box.w || bb.width > box.w - 2 * box.padX + 1) {
        overflows.push({
          model,
          component: box.id,
          text: t.textContent ?? "",
          textWidth: Math.round(bb.width * 10) / 10,
          room: box.w - 2 * box.padX,
        });
      }
    }
  }
  for (const t of svg.querySelectorAll<SVGTextElement>("text")) {
    const bb = t.getBBox();
    if (bb.x < 0 || bb.x + bb.width > layout.width || bb.y < 0 || bb.y + bb.height > layout.height) {
      overflows.push({
        model,
        component: t.parentElement?.getAttribute("data-component") ?? "?",
        text: t.textContent ?? "",
        textWidth: bb.width,
        room: layout.width,
      });
    }
  }
  return { overflows, checked };
}

describe("renderer text extents in Chromium", () => {
  it("uses DejaVu Sans, the font of the renderer's width model", async () => {
    await document.fonts.ready;
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.font = "100px 'DejaVu Sans'";
    const dejavu = probe.measureText("Linear output layer").width;
    // DejaVu Sans advance widths (the renderer's model) add up to 9.552 em for this text; kerning may trim a little.
    expect(dejavu / 100).to.be.closeTo(9.552, 0.1);
    expect(document.fonts.check("15px 'DejaVu Sans'")).to.equal(true);
  });

  for (const id of sample) {
    it(`${id}: every text fits its box`, async () => {
      const spec = (await (await fetch(`/packages/components/cdn/models/${id}.json`)).json()) as ModelSpec;
      for (const options of [{ panels: true }, { panels: false }, { compact: true }]) {
        const layout = layoutModel(spec, options);
        const host = document.createElement("div");
        host.innerHTML = renderModel(spec, options);
        document.body.append(host);
        const svg = host.querySelector("svg")!;
        const { overflows, checked } = check(id, layout, svg);
        host.remove();
        expect(checked).to.be.greaterThan(5);
        expect(overflows, JSON.stringify(overflows.slice(0, 5))).to.deep.equal([]);
      }
    });
  }
});
