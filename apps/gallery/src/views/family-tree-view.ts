/**
 * Model families: trees built from each spec's `derivedFrom`, grouped by the organisation of the root.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { h } from "../site/dom-builder.js";
import { decoderClass } from "../site/model-format.js";
import { modelHref } from "../site/site-links.js";
import { compareText, formatScale } from "@archgal/schema/metrics";

interface TreeNode {
  model: ModelIndexEntry;
  children: TreeNode[];
}

/** The forest of `derivedFrom` links among `models` (a model whose parent is not shown becomes a root). */
export function familyForest(models: readonly ModelIndexEntry[]): TreeNode[] {
  const byDate = [...models].sort((a, b) => compareText(a.releaseDate, b.releaseDate) || compareText(a.name, b.name));
  const nodes = new Map(byDate.map((m) => [m.id, { model: m, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.model.derivedFrom ? nodes.get(node.model.derivedFrom) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function treeItem(node: TreeNode, parentOrg: string | undefined): HTMLElement {
  const m = node.model;
  const crossOrg = parentOrg !== undefined && m.org !== parentOrg;
  return h(
    "li",
    null,
    h(
      "a",
      { class: `tree-node ${decoderClass(m.decoderType)}`, href: modelHref(m.id) },
      h("span", null, m.name),
      h("small", null, `${m.releaseDate.slice(0, 7)} · ${formatScale(m.params)}`),
      parentOrg !== undefined ? h("span", { class: "derived-note" }, crossOrg ? `derived by ${m.org}` : "derived") : null,
    ),
    node.children.length
      ? h(
          "ul",
          null,
          node.children.map((c) => treeItem(c, m.org)),
        )
      : null,
  );
}

export function familyTreeView(models: readonly ModelIndexEntry[]): HTMLElement {
  const roots = familyForest(models);
  const byOrg = new Map<string, TreeNode[]>();
  for (const r of roots) byOrg.set(r.model.org, [...(byOrg.get(r.model.org) ?? []), r]);
  const size = (n: TreeNode): number => 1 + n.children.reduce((s, c) => s + size(c), 0);
  const orgs = [...byOrg].sort(
    (a, b) => b[1].reduce((s, n) => s + size(n), 0) - a[1].reduce((s, n) => s + size(n), 0) || compareText(a[0], b[0]),
  );
  const derivedCount = models.filter((m) => m.derivedFrom && models.some((p) => p.id === m.derivedFrom)).length;
  return h(
    "div",
    null,
    h(
      "p",
      { class: "lede" },
      `Each organisation's models in release order; a model trained further from another (its spec's derivedFrom) hangs below its base. ${derivedCount} of the ${models.length} models shown derive from another.`,
    ),
    h(
      "div",
      { class: "family-orgs" },
      orgs.map(([org, trees]) => {
        const count = trees.reduce((s, n) => s + size(n), 0);
        return h(
          "section",
          { class: "panel family-org", "aria-label": org },
          h("h3", null, org, h("small", null, `${count} model${count === 1 ? "" : "s"}`)),
          h(
            "ul",
            { class: "tree" },
            trees.map((t) => treeItem(t, undefined)),
          ),
        );
      }),
    ),
  );
}
