/**
 * The `highlight` option: mechanisms new in a model (`@archgal/data`'s `newMechanisms`, from schema's
 * `newMechanisms`), outlined in the accent colour. A mechanism is drawn by the parts of the main column that show
 * it (`drawnBy`: the RoPE box draws NoPE, the QK-norm box QK-Norm, the norm boxes sandwich norm, the residual
 * lanes hyper-connections, …); one no such part draws is drawn by the boxes of the definitions that carry it
 * (`parts` against `Box.refs`: the mixer box for DSA). A zoom panel
 * is outlined, and its title set in the accent colour, when it draws the tag (`Panel.draws`) or one of those
 * definitions (`Panel.refs`).
 */
import type { Canvas } from "./canvas.js";
import { cleanText } from "./escape.js";
import type { Box, Edge, Label } from "./layout-types.js";
import type { Facts } from "./analysis.js";
import type { Panel } from "./panels/kit.js";

/** A mechanism to outline: its concept tag, its name for text, and the definitions that carry it. */
export interface MechanismHighlight {
  /** Concept tag, e.g. `DSA` (schema's `Concept`). */
  tag: string;
  /** Its name for the figure's text (default: the tag), e.g. `DeepSeek Sparse Attention (DSA)`. */
  name?: string;
  /** The definitions that carry it, as component ids (`mixer:<name>`, `ffn:<name>`); none for the whole block. */
  parts?: readonly string[];
}

/** What the `highlight` option takes: mechanisms, or bare concept tags. */
export type HighlightOption = readonly (string | MechanismHighlight)[];

/** At most this many mechanisms, parts per mechanism, and characters per tag, name or part are read. */
const MAX_ITEMS = 40;
const MAX_TEXT = 120;

const text = (v: unknown): string | undefined => (typeof v === "string" && v.length ? cleanText(v.slice(0, MAX_TEXT)) : undefined);

/** The option as checked, bounded mechanisms (anything malformed is left out; it may come from fetched data). */
export function readHighlight(option: unknown): Required<MechanismHighlight>[] {
  if (!Array.isArray(option)) return [];
  const out: Required<MechanismHighlight>[] = [];
  for (const item of option.slice(0, MAX_ITEMS) as unknown[]) {
    const o = (typeof item === "string" ? { tag: item } : item) as Partial<Record<keyof MechanismHighlight, unknown>> | null;
    const tag = o && typeof o === "object" ? text(o.tag) : undefined;
    if (!tag) continue;
    const parts = Array.isArray(o!.parts) ? (o!.parts.slice(0, MAX_ITEMS) as unknown[]).flatMap((p) => text(p) ?? []) : [];
    out.push({ tag, name: text(o!.name) ?? tag, parts });
  }
  return out;
}

/**
 * The concept tags each part of the main column draws, by component: what the figure writes in it (the RoPE box
 * names partial RoPE and the NoPE layers, the norm boxes are the sandwich or post norms, …). A tag is only ever
 * highlighted for a model that has it, so a part need not check its own spec field, except the head, which draws
 * only the final soft-cap (attention logits may be capped too) and the block, which is drawn side by side only
 * when it has two sublayers.
 */
function drawnBy(component: string, arch: Facts["arch"], single: boolean): readonly string[] {
  if (/^(post-)?norm-\d+$/.test(component)) return ["sandwich-norm", "post-norm"];
  switch (component) {
    case "rope":
      return ["RoPE", "partial-RoPE", "NoPE"];
    case "qk-norm":
      return ["QK-Norm"];
    case "positional":
      return ["learned-positions"];
    case "per-layer-embedding":
      return ["per-layer-embeddings"];
    case "embedding":
      return ["tied-embeddings"];
    case "head":
      return ["tied-embeddings", ...(arch.finalLogitSoftcap ? ["logit-softcap"] : [])];
    case "mtp":
      return ["MTP"];
    case "residual":
      return ["hyper-connections"];
    case "block":
      return ["looped-depth", "causal-encoder-decoder", ...(single ? [] : ["parallel-block"])];
    default:
      return [];
  }
}

/** Marks what draws the highlighted mechanisms (see the module's description). */
export function applyHighlight(
  c: Canvas,
  highlight: readonly Required<MechanismHighlight>[],
  f: Facts,
  panels: readonly Panel[] = [],
): void {
  if (!highlight.length) return;
  const panelComponents = new Set(panels.map((p) => `panel:${p.id}`));
  const main = c.boxes.filter((b) => !panelComponents.has(b.component) && b.kind !== "panel");
  // Edges draw only the hyper-connections' lanes (not the flow, leaders or braces).
  const lines = c.edges.filter((e) => e.kind === "residual");
  const draws = (x: Box | Edge, tag: string) => drawnBy(x.component, f.arch, f.single).includes(tag);
  const mark: { accentOutline?: boolean }[] = [];
  const markedPanels = new Set<string>();
  for (const h of highlight) {
    const byDraws = [...main.filter((b) => !b.symbol && draws(b, h.tag)), ...lines.filter((e) => draws(e, h.tag))];
    const parts = new Set(h.parts);
    const carried = byDraws.length === 0 && parts.size > 0;
    mark.push(...byDraws);
    if (carried) mark.push(...main.filter((b) => !b.container && b.refs?.some((r) => parts.has(r))));
    for (const p of panels)
      if (p.draws?.includes(h.tag) || (carried && p.refs?.some((r) => parts.has(r)))) markedPanels.add(`panel:${p.id}`);
  }
  for (const m of mark) m.accentOutline = true;
  for (const b of c.boxes) if (b.container && b.kind === "panel" && markedPanels.has(b.component)) b.accentOutline = true;
  for (const l of c.labels) if (l.kind === "panel-title" && markedPanels.has(l.component)) l.color = "accent";
}

/** The sentence the text alternative ends with: `New in this model: DeepSeek Sparse Attention (DSA).` */
export function highlightSentence(highlight: readonly Required<MechanismHighlight>[]): string {
  return highlight.length ? ` New in this model: ${highlight.map((h) => h.name).join(", ")}.` : "";
}

/** The line under the subtitle that names the outlined mechanisms, centred at `cx` (its `y` is set by the caller). */
export function highlightNote(
  c: Canvas,
  highlight: readonly Required<MechanismHighlight>[],
  cx: number,
  maxW: number,
  fontSize: number,
): Label {
  return c.label({
    id: "new-mechanisms",
    component: "title",
    kind: "subtitle",
    x: cx,
    y: 0,
    anchor: "middle",
    lines: [[{ text: "New in this model (outlined): " }, { text: highlight.map((h) => h.name).join(", "), accent: true }]],
    maxW,
    fontSize,
    color: "text-muted",
  });
}

/** What `layoutFigure` asks of the `highlight` option; the full entry passes {@link highlighter}, the lean one none. */
export interface Highlighter {
  read: typeof readHighlight;
  apply: typeof applyHighlight;
  note: typeof highlightNote;
  sentence: typeof highlightSentence;
}

/** The `highlight` option's implementation. */
export const highlighter: Highlighter = { read: readHighlight, apply: applyHighlight, note: highlightNote, sentence: highlightSentence };
