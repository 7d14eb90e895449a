/**
 * Downloads of a figure: the SVG as rendered (colours inlined, so it stands alone), or a PNG drawn through a
 * canvas in the browser.
 */
import { inlineColors } from "@archgal/renderer";
import { saveFile } from "../site/save-file.js";

/** Offers `svg` as a standalone SVG file. */
export function downloadSvg(svg: string, filename: string): void {
  saveFile(new Blob([inlineColors(svg)], { type: "image/svg+xml" }), filename);
}

/** The pixel size of an SVG document from its width/height or viewBox. */
function svgSize(svg: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  const vb = doc
    .getAttribute("viewBox")
    ?.split(/[\s,]+/)
    .map(Number);
  const width = Number.parseFloat(doc.getAttribute("width") ?? "") || vb?.[2] || 1000;
  const height = Number.parseFloat(doc.getAttribute("height") ?? "") || vb?.[3] || 1000;
  return { width, height };
}

/** Rasterises `svg` to a PNG blob, `scale` × its size, capped so the canvas stays within browser limits. */
export async function svgToPng(svg: string, scale = 2, maxPixels = 16_000_000, background?: string): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const s = Math.min(scale, Math.sqrt(maxPixels / (width * height)), 16384 / width, 16384 / height);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * s));
  canvas.height = Math.max(1, Math.round(height * s));
  const url = URL.createObjectURL(new Blob([inlineColors(svg)], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    if (background) {
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
}

/** Offers `svg` as a PNG file. */
export async function downloadPng(svg: string, filename: string, scale = 2): Promise<void> {
  saveFile(await svgToPng(svg, scale), filename);
}
