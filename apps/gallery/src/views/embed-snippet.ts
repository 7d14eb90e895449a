/**
 * "Embed this": the two lines a site needs to show a model with the web component, and a copy button.
 */
import { h } from "../site/dom-builder.js";

/** Where the component's CDN build is published (the `cdn/llm-arch.js` export of @archgal/components). */
export const cdnScript = "https://cdn.jsdelivr.net/npm/@archgal/components/cdn/llm-arch.js";

export function embedCode(tag: string): string {
  return `<script type="module" src="${cdnScript}"></script>\n${tag}`;
}

/** Copies text to the clipboard, with a fallback for pages without the async clipboard API. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { style: "position:fixed;opacity:0", "aria-hidden": "true" }, text);
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function embedSnippet(code: string, label: string): HTMLElement {
  const feedback = h("span", { class: "copy-feedback", role: "status" });
  return h(
    "div",
    { class: "snippet" },
    h("pre", { tabindex: "0", "aria-label": label }, h("code", null, code)),
    h(
      "div",
      { class: "button-row", style: "margin-top:8px" },
      h(
        "button",
        {
          type: "button",
          class: "button",
          "data-copy": "",
          onclick: async () => {
            feedback.textContent = (await copyText(code)) ? "Copied" : "Press Ctrl+C to copy";
            setTimeout(() => (feedback.textContent = ""), 2500);
          },
        },
        "Copy snippet",
      ),
      feedback,
    ),
  );
}
