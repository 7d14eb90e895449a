/**
 * Poster: every model's figure on one sheet, with pan and zoom and downloads. The sheet is rendered at build
 * time (build/poster-plugin.ts); the page streams the file for its order and theme, showing how much has
 * arrived, and shows it as an image: no spec download, no render and no large DOM on the main thread.
 */
import "../site/page-init.js";
import { models } from "@archgal/data";
import { formatBytes, formatPercent } from "@archgal/schema/metrics";
import { h, replaceChildren } from "../site/dom-builder.js";
import { posterOrders, posterPath, type PosterOrder } from "../site/poster-files.js";
import { readChunks } from "../site/read-stream.js";
import { currentTheme, onThemeChange } from "../site/theme.js";
import { downloadPng, downloadSvg } from "../views/figure-download.js";
import { PanZoom } from "../views/pan-zoom.js";
import { posterIntro } from "../views/poster-view.js";

const app = document.getElementById("poster-app")!;

let order: PosterOrder = "date";
/** The file now shown, for the downloads. */
let shown: Blob | undefined;
/** Counts draws, so that a slow earlier load never replaces a later one. */
let generation = 0;

const viewport = h("div", {
  class: "poster-viewport",
  tabindex: "0",
  role: "region",
  "aria-label": "Poster of every model. Drag or use the arrow keys to pan; wheel, + and − to zoom; 0 to fit.",
  "aria-busy": "true",
});
const canvas = h("div", { class: "poster-canvas" });
viewport.append(canvas);
const zoomLevel = h("output", { class: "zoom-level", "aria-live": "polite" });
const status = h("span", { class: "copy-feedback", role: "status" });
const progress = h("progress", { class: "poster-progress", "aria-label": "Loading the poster" });
let panZoom: PanZoom | undefined;

/** Fetches `url`, reporting the bytes received so far. */
async function fetchWithProgress(url: string, onProgress: (bytes: number) => void): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the poster file answered HTTP ${response.status}`);
  if (!response.body) return response.blob();
  const { chunks } = await readChunks(response.body, { onProgress });
  return new Blob(chunks as BlobPart[], { type: "image/svg+xml" });
}

async function draw(): Promise<void> {
  const mine = ++generation;
  viewport.setAttribute("aria-busy", "true");
  progress.hidden = false;
  status.textContent = "Loading the poster…";
  const blob = await fetchWithProgress(`./${posterPath(order, currentTheme())}`, (bytes) => {
    if (mine === generation) status.textContent = `Loading the poster… ${formatBytes(bytes)}`;
  });
  if (mine !== generation) return;
  const url = URL.createObjectURL(blob);
  const img = h("img", {
    alt: `Poster: the architectures of all ${models.length} models, ${posterOrders[order].toLowerCase()}`,
    decoding: "async",
    draggable: "false",
  });
  img.src = url;
  try {
    await img.decode();
  } finally {
    // the decoded image keeps its pixels; the address is no longer needed
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  if (mine !== generation) return;
  shown = blob;
  replaceChildren(canvas, img);
  const width = img.naturalWidth || 1000;
  const height = img.naturalHeight || 1000;
  if (panZoom) panZoom.setContentSize(width, height);
  else {
    panZoom = new PanZoom(viewport, canvas, width, height);
    panZoom.onChange((s) => (zoomLevel.textContent = formatPercent(s.scale)));
    panZoom.fit();
  }
  progress.hidden = true;
  status.textContent = "";
  viewport.setAttribute("aria-busy", "false");
}

function redraw(): void {
  draw().catch((error: Error) => {
    progress.hidden = true;
    status.textContent = `Could not load the poster: ${error.message}`;
  });
}

function button(label: string, title: string, onclick: () => void, id?: string): HTMLButtonElement {
  return h("button", { type: "button", class: "button", title, "aria-label": title, onclick, id: id ?? null }, label);
}

const orderSelect = h(
  "select",
  {
    id: "poster-order",
    onchange: () => {
      order = orderSelect.value as PosterOrder;
      redraw();
    },
  },
  Object.entries(posterOrders).map(([k, v]) => h("option", { value: k }, v)),
);

async function shownMarkup(): Promise<string> {
  if (!shown) throw new Error("the poster has not loaded yet");
  return shown.text();
}

replaceChildren(
  app,
  h(
    "div",
    { class: "poster-bar" },
    posterIntro(models.length),
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
      button(
        "SVG",
        "Download the poster as SVG",
        () =>
          void shownMarkup().then(
            (svg) => downloadSvg(svg, "archgal-poster.svg"),
            (e: Error) => (status.textContent = e.message),
          ),
      ),
      button("PNG", "Download the poster as PNG", async () => {
        status.textContent = "Rendering…";
        try {
          await downloadPng(await shownMarkup(), "archgal-poster.png", 1);
          status.textContent = "";
        } catch (e) {
          status.textContent = (e as Error).message;
        }
      }),
      progress,
      status,
    ),
  ),
  viewport,
  h(
    "p",
    { class: "poster-help" },
    "Drag to pan, scroll or pinch to zoom. With the poster focused: arrow keys pan (Shift for bigger steps), + and − zoom, 0 fits, 1 shows actual size.",
  ),
);
redraw();

onThemeChange(() => redraw());
window.addEventListener("resize", () => panZoom?.fit());
