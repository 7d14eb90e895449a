/**
 * The model page's "Will it fit?": an `<llm-arch-fit>` following the site theme. The element's code (the fit
 * and roofline maths, its form) is fetched only when the section comes near the viewport or the page is idle, so
 * it stays off the figure's critical path.
 */
import { h } from "../site/dom-builder.js";
import { currentTheme, onThemeChange } from "../site/theme.js";

let defining: Promise<unknown> | undefined;

/** Loads and defines `<llm-arch-fit>` once. */
export function defineFit(): Promise<unknown> {
  defining ??= import("@archgal/components/llm-arch-fit.define.js");
  return defining;
}

/** Calls `load` once: when `el` is within a screen of the viewport, or when the page is idle, whichever is first. */
export function whenNear(el: Element, load: () => unknown): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    load();
  };
  const observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && run(), { rootMargin: "100% 0px" })
      : undefined;
  observer?.observe(el);
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1500);
}

/** The calculator for one model; a status line shows until its element is defined. */
export function fitSection(modelId: string): HTMLElement {
  const el = document.createElement("llm-arch-fit");
  el.setAttribute("model", modelId);
  el.setAttribute("theme", currentTheme());
  el.append(h("p", { class: "status" }, "Loading the calculator…"));
  onThemeChange((t) => el.setAttribute("theme", t));
  whenNear(el, () => void defineFit());
  return el;
}
