/**
 * Poster: every model's figure on one sheet, with pan and zoom and downloads. The sheet is rendered at build
 * time (build/poster-plugin.ts) as tiles; the page streams the tiles file for its order and theme, showing how
 * much has arrived, then decodes and places the tiles a few at a time with a count of those drawn: no spec
 * download, no render, no large DOM and no task that parses the whole sheet on the main thread.
 */
import "../site/page-init.js";
import { models } from "@archgal/data";
import { formatBytes, formatPercent } from "@archgal/schema/metrics";
import { h, replaceChildren } from "../site/dom-builder.js";
import { posterOrders, posterPath, posterTilesPath, type PosterOrder } from "../site/poster-files.js";
import { readChunks } from "../site/read-stream.js";
import { currentTheme, onThemeChange } from "../site/theme.js";
import { saveFile } from "../site/save-file.js";
import { PanZoom } from "../views/pan-zoom.js";
import { drawPosterSheet, isPosterTiles, posterSheetPng, type PosterSheet } from "../views/poster-sheet.js";
import { posterIntro } from "../views/poster-view.js";

const app = document.getElementById("poster-app")!;

let order: PosterOrder = "date";
/** The sheet now shown (complete), for the downloads. */
let shown: { sheet: PosterSheet; order: PosterOrder; theme: "light" | "dark" } | undefined;
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

/** Fetches `url` as text, reporting the bytes received so far. */
async function fetchWithProgress(url: string, onProgress: (bytes: number) => void): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the poster file answered HTTP ${response.status}`);
  if (!response.body) return response.text();
  const { chunks } = await readChunks(response.body, { onProgress });
  return new Blob(chunks as BlobPart[]).text();
}

async function draw(): Promise<void> {
  const mine = ++generation;
  const theme = currentTheme();
  viewport.setAttribute("aria-busy", "true");
  progress.hidden = false;
  progress.removeAttribute("value");
  status.textContent = "Loading the poster…";
  const text = await fetchWithProgress(`./${posterTilesPath(order, theme)}`, (bytes) => {
    if (mine === generation) status.textContent = `Loading the poster… ${formatBytes(bytes)}`;
  });
  if (mine !== generation) return;
  const tiles: unknown = JSON.parse(text);
  if (!isPosterTiles(tiles)) throw new Error("the poster file is not a set of poster tiles");
  const label = `Poster: the architectures of all ${models.length} models, ${posterOrders[order].toLowerCase()}`;
  shown = undefined;
  const sheet = await drawPosterSheet(
    tiles,
    label,
    (element) => {
      replaceChildren(canvas, element);
      if (panZoom) panZoom.setContentSize(tiles.width, tiles.height);
      else {
        panZoom = new PanZoom(viewport, canvas, tiles.width, tiles.height);
        panZoom.onChange((s) => (zoomLevel.textContent = formatPercent(s.scale)));
        panZoom.fit();
      }
    },
    (done, total) => {
      if (mine !== generation) return;
      progress.max = total;
      progress.value = done;
      status.textContent = `Drawing the poster… ${done} of ${total}`;
    },
    () => mine !== generation,
  );
  if (mine !== generation) return;
  shown = { sheet, order, theme };
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

/** The poster shown, complete (the downloads wait for it). */
function complete(): NonNullable<typeof shown> {
  if (!shown) throw new Error("the poster has not finished drawing yet");
  return shown;
}

async function downloadPosterSvg(): Promise<void> {
  const { order: o, theme } = complete();
  status.textContent = "Fetching the SVG…";
  const svg = await fetchWithProgress(
    `./${posterPath(o, theme)}`,
    (bytes) => (status.textContent = `Fetching the SVG… ${formatBytes(bytes)}`),
  );
  saveFile(new Blob([svg], { type: "image/svg+xml" }), "archgal-poster.svg");
  status.textContent = "";
}

async function downloadPosterPng(): Promise<void> {
  const { sheet } = complete();
  status.textContent = "Rendering the PNG…";
  const { png, scale } = await posterSheetPng(sheet, (done, total) => (status.textContent = `Rendering the PNG… ${done} of ${total}`));
  saveFile(png, "archgal-poster.png");
  status.textContent = scale < 1 ? `PNG saved at ${formatPercent(scale)} of full size (the browser's canvas limit)` : "";
}

const reportError = (e: Error) => (status.textContent = e.message);

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
      button("SVG", "Download the poster as SVG", () => void downloadPosterSvg().catch(reportError)),
      button("PNG", "Download the poster as PNG", () => void downloadPosterPng().catch(reportError)),
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
