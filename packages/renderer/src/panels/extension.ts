/**
 * The generic panel of an extension (non-core) mixer kind. With the facets a kind registry supplies (`title`,
 * `facts`, `cache`) it shows the kind's own title, fact rows and what it keeps while generating; without them,
 * the mixer's scalar fields.
 */
import { cleanText } from "../escape.js";
import { extensionKindName, type AnyMixer } from "../naming.js";
import { marked, type Line } from "../text-metrics.js";
import { finish, n, start, t, type Panel } from "./kit.js";

/** At most this many rows: an extension panel stays a short note. */
const MAX_ROWS = 8;

/** One row of facts: a label and its value (numbers are drawn in the accent colour). */
export type PanelFact = readonly [label: string, value: string | number];

/**
 * What an extension kind tells its panel, as a kind registry defines it: `title(m)` is the full name with the
 * novel word marked `**…**`, `facts(m)` the rows shown under it.
 */
export interface ExtensionPanelFacets {
  /** The full name with the novel word in `**…**`. */
  title?(m: AnyMixer): string;
  /** The rows under the title. */
  facts?(m: AnyMixer): readonly PanelFact[];
  /** Elements cached per token and layer (`perToken`) and of fixed state per layer (`state`). */
  cache?(m: AnyMixer): { perToken: number; state: number };
}

/** Looks up the facets of an extension kind by its name (undefined: the kind is unknown there too). */
export type ExtensionPanelSource = (kind: string) => ExtensionPanelFacets | undefined;

const factLine = ([label, value]: PanelFact): Line =>
  typeof value === "number" && Number.isFinite(value)
    ? [t(`${cleanText(label)}: `), n(value)]
    : [t(`${cleanText(label)}: ${cleanText(String(value))}`)];

/** The scalar fields of a mixer, for a kind nothing is known about. */
function fieldLines(m: AnyMixer): Line[] {
  const lines: Line[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (k === "kind") continue;
    if (typeof v === "number" && Number.isFinite(v)) lines.push([t(`${k}: `), n(v)]);
    else if (typeof v === "boolean" || typeof v === "string") lines.push([t(`${k}: ${String(v)}`)]);
    if (lines.length >= MAX_ROWS) break;
  }
  return lines;
}

const count = (v: number): boolean => Number.isFinite(v) && v >= 0;

/** What the mixer keeps while generating: its KV cache per token, its fixed state, or both. */
function cacheLines({ perToken, state }: { perToken: number; state: number }): Line[] {
  if (!count(perToken) || !count(state)) return [];
  const lines: Line[] = [];
  if (perToken > 0) lines.push([t("KV cache: "), n(perToken), t(" values per token and layer")]);
  if (state > 0)
    lines.push(
      perToken > 0
        ? [t("Fixed-size state per layer: "), n(state), t(" values")]
        : [t("Fixed-size state per layer: "), n(state), t(" values; no KV cache")],
    );
  return lines;
}

/** The panel of an extension mixer kind: from its facets when the kind registry has them, else its fields. */
export function extensionPanel(m: AnyMixer, id: string, facets?: ExtensionPanelFacets): Panel {
  const title = facets?.title ? marked(cleanText(facets.title(m))) : [t(`Custom mixer: ${extensionKindName(m.kind)}`)];
  const lines = facets?.facts ? facets.facts(m).slice(0, MAX_ROWS).map(factLine) : fieldLines(m);
  if (facets?.cache) lines.push(...cacheLines(facets.cache(m)));
  if (lines.length === 0) lines.push([t("(no settings)")]);
  const p = start(id, title);
  return finish(id, p, p.titleBottom + 10, lines, { zoomFrom: "mixer" });
}
