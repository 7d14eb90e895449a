/**
 * A full-screen viewer for a figure: a modal dialog with the SVG under pan and zoom (drag, pinch, wheel,
 * keyboard), so a phone can read a large diagram. Escape or the close button leaves it.
 */
import { formatPercent } from "@archgal/schema/metrics";
import { h, svgFromMarkup } from "../site/dom-builder.js";
import { PanZoom } from "./pan-zoom.js";

export function openFigureViewer(svgMarkup: string, title: string): void {
  const svg = svgFromMarkup(svgMarkup);
  const vb = svg.viewBox.baseVal;
  const width = vb?.width || Number.parseFloat(svg.getAttribute("width") ?? "") || 1000;
  const height = vb?.height || Number.parseFloat(svg.getAttribute("height") ?? "") || 1000;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  const canvas = h("div", { class: "poster-canvas" }, svg);
  const viewport = h(
    "div",
    {
      class: "viewer-viewport",
      tabindex: "0",
      role: "region",
      "aria-label": `${title}. Drag or use the arrow keys to pan; wheel, pinch, + and − to zoom; 0 to fit.`,
    },
    canvas,
  );
  const zoom = h("output", { class: "zoom-level", "aria-live": "polite" });
  const dialog = h(
    "dialog",
    { class: "figure-viewer", "aria-label": title },
    h(
      "div",
      { class: "viewer-bar" },
      h("strong", null, title),
      h(
        "div",
        { class: "button-row" },
        h("button", { type: "button", class: "button", "aria-label": "Zoom out", onclick: () => panZoom.zoomBy(0.8) }, "−"),
        zoom,
        h("button", { type: "button", class: "button", "aria-label": "Zoom in", onclick: () => panZoom.zoomBy(1.25) }, "+"),
        h("button", { type: "button", class: "button", onclick: () => panZoom.fit() }, "Fit"),
        h("button", { type: "button", class: "button primary", "data-close": "", onclick: () => dialog.close() }, "Close"),
      ),
    ),
    viewport,
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  const panZoom = new PanZoom(viewport, canvas, width, height);
  panZoom.onChange((s) => (zoom.textContent = formatPercent(s.scale)));
  panZoom.fit();
  viewport.focus();
}
