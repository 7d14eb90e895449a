/**
 * Pre-rendered figure thumbnails (see build/thumbnail-plugin.ts), swapped when the theme changes.
 */
import { h } from "../site/dom-builder.js";
import { currentTheme, onThemeChange } from "../site/theme.js";

/** The pre-rendered thumbnail of a model in a theme. */
export function thumbnailSrc(id: string, theme: "light" | "dark"): string {
  return `./thumbs/${id}.${theme}.svg`;
}

/** A lazy `<img>` of a model's figure; `alt` is empty when the image sits next to the model's name. */
export function thumbnailImage(id: string, alt: string): HTMLImageElement {
  return h("img", {
    src: thumbnailSrc(id, currentTheme()),
    alt,
    loading: "lazy",
    decoding: "async",
    "data-thumb": id,
    width: 200,
    height: 180,
  });
}

if (typeof document !== "undefined") {
  onThemeChange((theme) => {
    for (const img of document.querySelectorAll<HTMLImageElement>("img[data-thumb]")) img.src = thumbnailSrc(img.dataset.thumb!, theme);
  });
}
