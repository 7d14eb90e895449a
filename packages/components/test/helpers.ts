import { oneEvent } from "@open-wc/testing";
import "../src/define.js";

/** Resolves with the next event of `type` on `el`, or rejects after `ms`. */
export function nextEvent<T extends Event>(el: EventTarget, type: string, ms = 8000): Promise<T> {
  return Promise.race([
    oneEvent(el, type) as Promise<T>,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${type} within ${ms} ms`)), ms)),
  ]);
}

/** Creates an element from HTML in a fresh container and waits for its `llm-arch-load` or `llm-arch-error`. */
export async function mount<T extends HTMLElement>(
  markup: string,
  until: "llm-arch-load" | "llm-arch-error" | "none" = "llm-arch-load",
  setup?: (el: T) => void,
): Promise<{ el: T; event: Event | undefined }> {
  const host = document.createElement("div");
  host.style.width = "1200px";
  document.body.append(host);
  const tpl = document.createElement("template");
  tpl.innerHTML = markup.trim();
  const el = tpl.content.firstElementChild as T;
  const waiting = until === "none" ? undefined : nextEvent(el, until);
  setup?.(el);
  host.append(el);
  const event = await waiting;
  return { el, event };
}

/** The shadow root of an element. */
export const shadow = (el: Element) => el.shadowRoot!;

/** The diagram SVG of an element. */
export const svgOf = (el: Element) => shadow(el).querySelector("svg");

/** The component buttons of an `<llm-arch>`. */
export const buttons = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')];

/** Removes every mounted element. */
export function cleanup(): void {
  document.body.replaceChildren();
}

/** Model JSON files fetched by this page so far (paths ending in `/<id>.json` below a `models/` folder). */
export function fetchedModelFiles(win: Window = window): string[] {
  return win.performance
    .getEntriesByType("resource")
    .map((e) => new URL(e.name).pathname)
    .filter((p) => /\/models\/[^/]+\.json$/.test(p));
}

/** Waits until `cond()` holds (polling), or fails after `ms`. */
export async function until(cond: () => unknown, ms = 5000, what = "condition"): Promise<void> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > ms) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
