/**
 * The poster page's parts that need no script: its heading and, for the pre-rendered page, the poster file
 * itself as an image (light or dark after the visitor's system preference, inside `<noscript>`) with download
 * links.
 */
import { h } from "../site/dom-builder.js";
import { posterOrders, posterPath } from "../site/poster-files.js";

/** The heading block of the poster bar. */
export function posterIntro(count: number): HTMLElement {
  return h(
    "div",
    null,
    h("h1", { style: "margin:0" }, "The poster"),
    h("p", { class: "gpu-fit", style: "margin:0" }, `${count} architectures on one sheet, drawn from their specs.`),
  );
}

/** The poster as it reads without JavaScript. */
export function posterStatic(count: number): HTMLElement[] {
  const file = (order: keyof typeof posterOrders, theme: "light" | "dark") => `./${posterPath(order, theme)}`;
  return [
    h("div", { class: "poster-bar" }, posterIntro(count)),
    h(
      "p",
      null,
      "Open the poster file: ",
      Object.entries(posterOrders).map(([order, label], i) => [
        i ? " · " : "",
        h("a", { href: file(order as keyof typeof posterOrders, "light") }, `${label.toLowerCase()} (SVG)`),
      ]),
    ),
    // in <noscript>: with JavaScript the page draws the poster from its tiles, and this file is never fetched
    h(
      "noscript",
      null,
      h(
        "div",
        { class: "poster-static" },
        h(
          "picture",
          null,
          h("source", { srcset: file("date", "dark"), media: "(prefers-color-scheme: dark)" }),
          h("img", {
            src: file("date", "light"),
            alt: `Poster: the architectures of all ${count} models, by release year`,
            decoding: "async",
          }),
        ),
      ),
    ),
  ];
}
