/**
 * Lazy registration for the CDN build: `<llm-arch-compare>` and `<llm-arch-gallery>` are defined (their code
 * fetched) only once such a tag appears in the document.
 */

/** Tag name → loader of the module that defines it. */
export type Autoloads = Record<string, () => Promise<unknown>>;

/**
 * Watches the document and defines each tag of `loads` the first time it appears (now, or later, e.g. inserted
 * by a framework). Elements inside other elements' shadow roots are not seen: call {@link loadAll} for those.
 */
export function autoload(loads: Autoloads): void {
  const pending = new Map(Object.entries(loads));
  const scan = (root: ParentNode) => {
    for (const [tag, load] of pending) {
      if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
        pending.delete(tag);
        void load();
      }
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) scan(n);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);
}

/** Loads every lazily defined element now. */
export function loadAll(loads: Autoloads): Promise<unknown[]> {
  return Promise.all(Object.values(loads).map((load) => load()));
}
