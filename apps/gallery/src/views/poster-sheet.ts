/**
 * The poster drawn from its tiles (`renderPosterTiles`, written at build time): one `<img>` per tile, each
 * decoded in its own task and placed where the sheet puts it, so the page never parses the whole sheet at
 * once; and the PNG download composed from the same decoded tiles, one tile per task.
 */
import type { PosterTiles } from "@archgal/renderer";

/**
 * Tiles decoded at the same time and painted in one frame. Painting an SVG tile records its whole document on
 * the main thread (about 10 ms for a compact figure on a desktop, four times that on a mid-range phone), so a
 * frame takes two.
 */
const PARALLEL = 2;
/** Largest PNG the download draws (the canvas's pixels): the sheet at full size fits. */
const MAX_PNG_PIXELS = 160_000_000;
/** Longest side of a canvas Chromium and Firefox draw. */
const MAX_CANVAS_SIDE = 16_384;

/** Whether a parsed JSON value has the shape of `renderPosterTiles`' result (sizes finite, every tile a string). */
export function isPosterTiles(v: unknown): v is PosterTiles {
  if (typeof v !== "object" || v === null) return false;
  const p = v as Partial<PosterTiles>;
  const finite = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n >= 0;
  return (
    finite(p.width) &&
    finite(p.height) &&
    Array.isArray(p.tiles) &&
    p.tiles.every(
      (t) =>
        typeof t === "object" &&
        t !== null &&
        typeof t.svg === "string" &&
        finite(t.x) &&
        finite(t.y) &&
        finite(t.width) &&
        finite(t.height),
    )
  );
}

/** The drawn sheet: its element and the decoded tiles, for the PNG download. */
export interface PosterSheet {
  element: HTMLElement;
  images: HTMLImageElement[];
  tiles: PosterTiles;
}

/**
 * Draws `tiles` into a new sheet element, `PARALLEL` tiles per frame, calling `onProgress(done, total)` after
 * each batch; stops early (resolving with what is drawn) once `cancelled()` says so. The sheet is one image
 * to assistive technology, named by `label`.
 */
export async function drawPosterSheet(
  tiles: PosterTiles,
  label: string,
  mount: (sheet: HTMLElement) => void,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<PosterSheet> {
  const element = document.createElement("div");
  element.className = "poster-sheet";
  element.setAttribute("role", "img");
  element.setAttribute("aria-label", label);
  element.style.width = `${tiles.width}px`;
  element.style.height = `${tiles.height}px`;
  mount(element);
  const images: HTMLImageElement[] = [];
  for (let i = 0; i < tiles.tiles.length && !cancelled(); i += PARALLEL) {
    const batch = tiles.tiles.slice(i, i + PARALLEL).map(async (t) => {
      const url = URL.createObjectURL(new Blob([t.svg], { type: "image/svg+xml" }));
      const img = document.createElement("img");
      img.alt = "";
      img.draggable = false;
      img.decoding = "async";
      Object.assign(img.style, { left: `${t.x}px`, top: `${t.y}px`, width: `${t.width}px`, height: `${t.height}px` });
      img.src = url;
      try {
        await img.decode();
      } finally {
        URL.revokeObjectURL(url);
      }
      return img;
    });
    const drawn = await Promise.all(batch);
    if (cancelled()) break;
    element.append(...drawn);
    images.push(...drawn);
    onProgress(images.length, tiles.tiles.length);
    // this batch paints in the coming frame, before the next batch is appended
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return { element, images, tiles };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The sheet as a PNG at full size where the canvas allows (else the largest scale that fits), drawn from its
 * decoded tiles one per task; `onProgress(done, total)` after each.
 */
export async function posterSheetPng(
  sheet: PosterSheet,
  onProgress?: (done: number, total: number) => void,
): Promise<{ png: Blob; scale: number }> {
  const { width, height } = sheet.tiles;
  const scale = Math.min(1, Math.sqrt(MAX_PNG_PIXELS / (width * height)), MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error(`no 2D canvas of ${canvas.width} × ${canvas.height} px`);
  for (const [i, img] of sheet.images.entries()) {
    const t = sheet.tiles.tiles[i]!;
    ctx.drawImage(img, t.x * scale, t.y * scale, t.width * scale, t.height * scale);
    onProgress?.(i + 1, sheet.images.length);
    await nextTask();
  }
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!png) throw new Error(`the browser could not encode a ${canvas.width} × ${canvas.height} px PNG`);
  return { png, scale };
}
