/**
 * The component-id contract: the values of the SVG's `data-component` attribute. Every element of a figure
 * belongs to one component, and hosts (the web components' popovers, selection, outlines of differences) find
 * what an element stands for by parsing its id. The renderer writes ids only through `formatComponentId` or as
 * one of the fixed parts below, and readers parse them with `parseComponentId`, so both sides agree on one
 * grammar:
 *
 * - `mixer:<definition>` / `ffn:<definition>`: the mixer or FFN box for one definition of the spec's
 *   `architecture.mixers` / `ffns`; bare `mixer` / `ffn` when the box stands for several definitions;
 * - `panel:<id>`: a zoom panel (`ffn`, `moe`, `mla`, `gated-attention`, `gated-deltanet`, `window`, …; an
 *   extension kind's panel is `panel:custom-<n>`);
 * - `callout:<id>`: a callout that describes no other component;
 * - `group:<name>`: a group of a poster (a year);
 * - a fixed part of the figure (`embedding`, `head`, `final-norm`, `norm-1`, `add-2`, `rope`, …).
 *
 * Definition names come from the spec and may contain anything, `:` included: only the first `:` separates
 * the prefix.
 */

/** Prefixes of the component ids that name something of the spec or of the figure after the `:`. */
export const componentPrefixes = ["mixer", "ffn", "panel", "callout", "group"] as const;

/** A prefix of a component id: `mixer`, `ffn`, `panel`, `callout` or `group`. */
export type ComponentPrefix = (typeof componentPrefixes)[number];

/**
 * The fixed parts of the figures, comparisons and posters. The numbered ones (`norm-1`, `add-2`,
 * `post-norm-1`) are the sublayers of the block in order.
 */
export const fixedComponentIds = [
  "model",
  "title",
  "input",
  "tokenized",
  "flow",
  "block",
  "residual",
  "mixer",
  "ffn",
  "embedding",
  "embedding-norm",
  "positional",
  "rope",
  "qk-norm",
  "per-layer-embedding",
  "final-norm",
  "head",
  "mtp",
  "pattern",
  "savings",
  "background",
  "figure",
  "differences",
  "poster",
  "poster-title",
] as const;

/** A fixed part of a figure, e.g. `embedding`, `head`, `final-norm`. */
export type FixedComponentId = (typeof fixedComponentIds)[number];

/** A numbered sublayer part: the norm before (or after) sublayer N, or its residual add. */
export type SublayerComponentId = `norm-${number}` | `post-norm-${number}` | `add-${number}`;

/** Every value the renderer writes into `data-component`. */
export type ComponentId = FixedComponentId | SublayerComponentId | `${ComponentPrefix}:${string}`;

/** A component id taken apart. */
export type ParsedComponentId =
  /** The mixer or FFN box: of one definition (`name`), or of all used definitions (no `name`). */
  | { kind: "mixer" | "ffn"; name?: string }
  /** A zoom panel, a callout or a poster group, with its id / name. */
  | { kind: "panel" | "callout" | "group"; name: string }
  /** A numbered sublayer part: `norm-1` is `{ part: "norm", sublayer: 1 }`. */
  | { kind: "sublayer"; part: "norm" | "post-norm" | "add"; sublayer: number; name: SublayerComponentId }
  /** A fixed part of the figure. */
  | { kind: "part"; name: FixedComponentId }
  /** Anything else (not written by this renderer): kept as it is. */
  | { kind: "unknown"; name: string };

/** What `formatComponentId` takes: a prefix with its name, or a fixed / sublayer id as it is. */
export type ComponentIdParts = { kind: ComponentPrefix; name: string } | { kind: "panel"; id: string };

const prefixes: ReadonlySet<string> = new Set(componentPrefixes);
const fixed: ReadonlySet<string> = new Set(fixedComponentIds);

/**
 * Writes a prefixed component id, e.g. `formatComponentId({ kind: "mixer", name: "attn" })` is `mixer:attn`
 * and `formatComponentId({ kind: "panel", id: "mla" })` is `panel:mla`.
 */
export function formatComponentId(parts: ComponentIdParts): `${ComponentPrefix}:${string}` {
  return `${parts.kind}:${"id" in parts ? parts.id : parts.name}`;
}

/** Whether a string is a fixed part id (own-set membership, never a property lookup). */
export function isFixedComponentId(id: string): id is FixedComponentId {
  return fixed.has(id);
}

/**
 * Takes a `data-component` value apart. Bare `mixer` / `ffn` are the boxes for several definitions; a string
 * this renderer does not write comes back as `{ kind: "unknown", name }`.
 */
export function parseComponentId(id: string): ParsedComponentId {
  const colon = id.indexOf(":");
  if (colon > 0) {
    const prefix = id.slice(0, colon);
    const name = id.slice(colon + 1);
    if (prefixes.has(prefix)) return { kind: prefix as ComponentPrefix, name } as ParsedComponentId;
    return { kind: "unknown", name: id };
  }
  if (id === "mixer" || id === "ffn") return { kind: id };
  const sub = /^(norm|post-norm|add)-([1-9][0-9]*)$/.exec(id);
  if (sub)
    return { kind: "sublayer", part: sub[1] as "norm" | "post-norm" | "add", sublayer: Number(sub[2]), name: id as SublayerComponentId };
  if (isFixedComponentId(id)) return { kind: "part", name: id };
  return { kind: "unknown", name: id };
}
