/**
 * Poster: every model's figure on one sheet (renderPoster), with pan and zoom and downloads.
 */
import "../site/page-init.js";
import { loadAllModels } from "@archgal/data";
import { renderPoster } from "@archgal/renderer";
import type { DatasetEntry } from "@archgal/schema/metrics";
import { h, replaceChildren, svgFromMarkup } from "../site/dom-builder.js";
import { currentTheme, onThemeChange } from "../site/theme.js";
import { downloadPng, downloadSvg } from "../views/figure-download.js";
import { PanZoom } from "../views/pan-zoom.js";

const app = document.getElementById("poster-app")!;

const orders = { date: "By release year", type: "By decoder type" } as const;
type Order = keyof typeof orders;

let specs: DatasetEntry[] = [];
let order: Order = "date";
let svgMarkup = "";

const viewport = h("div", {
  class: "poster-viewport",
  tabindex: "0",
  role: "region",
  "aria-label": "Poster of every model. Drag or use the arrow keys to pan; wheel, + and − to zoom; 0 to fit.",
});
const canvas = h("div", { class: "poster-canvas" });
viewport.append(canvas);
const zoomLevel = h("output", { class: "zoom-level", "aria-live": "polite" });
const status = h("span", { class: "copy-feedback", role: "status" });
let panZoom: PanZoom | undefined;

function draw(): void {
  svgMarkup = renderPoster(specs, { order, theme: currentTheme() });
  const svg = svgFromMarkup(svgMarkup);
  const vb = svg.viewBox.baseVal;
  const width = vb && vb.width ? vb.width : Number(svg.getAttribute("width")) || 1000;
  const height = vb && vb.height ? vb.height : Number(svg.getAttribute("height")) || 1000;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  replaceChildren(canvas, svg);
  const keep = panZoom?.current;
  panZoom = new PanZoom(viewport, canvas, width, height);
  panZoom.onChange((s) => (zoomLevel.textContent = `${Math.round(s.scale * 100)}%`));
  panZoom.fit();
  if (keep && keep.scale) {
    /* keep the reader's place across a theme change */
  }
}

function button(label: string, title: string, onclick: () => void, id?: string): HTMLButtonElement {
  return h("button", { type: "button", class: "button", title, "aria-label": title, onclick, id: id ?? null }, label);
}

const orderSelect = h(
  "select",
  {
    id: "poster-order",
    onchange: () => {
      order = orderSelect.value as Order;
      draw();
    },
  },
  Object.entries(orders).map(([k, v]) => h("option", { value: k }, v)),
);

async function main(): Promise<void> {
  specs = await loadAllModels();
  replaceChildren(
    app,
    h(
      "div",
      { class: "poster-bar" },
      h("div", null, h("h1", { style: "margin:0" }, "The poster"), h("p", { class: "gpu-fit", style: "margin:0" }, `${specs.length} architectures on one sheet, drawn from their specs.`)),
      h(
        "div",
        { class: "button-row" },
        h("label", { for: "poster-order", class: "gpu-fit" }, "Order"),
        orderSelect,
        button("−", "Zoom out", () => panZoom?.zoomBy(0.8), "zoom-out"),
        zoomLevel,
        button("+", "Zoom in", () => panZoom?.zoomBy(1.25), "zoom-in"),
        button("Fit", "Fit the poster to the window", () => panZoom?.fit(), "zoom-fit"),
        button("100%", "100%: actual size", () => panZoom?.zoomTo(1), "zoom-actual"),
        button("SVG", "Download the poster as SVG", () => downloadSvg(svgMarkup, "archgal-poster.svg")),
        button("PNG", "Download the poster as PNG", async () => {
          status.textContent = "Rendering…";
          await downloadPng(svgMarkup, "archgal-poster.png", 1).catch((e: Error) => (status.textContent = e.message));
          status.textContent = "";
        }),
        status,
      ),
    ),
    viewport,
    h("p", { class: "poster-help" }, "Drag to pan, scroll or pinch to zoom. With the poster focused: arrow keys pan (Shift for bigger steps), + and − zoom, 0 fits, 1 shows actual size."),
  );
  draw();
}

onThemeChange(() => specs.length && draw());
window.addEventListener("resize", () => panZoom?.fit());
main().catch((error: Error) => replaceChildren(app, h("div", { class: "error-box", role: "alert" }, `Could not draw the poster: ${error.message}`)));
