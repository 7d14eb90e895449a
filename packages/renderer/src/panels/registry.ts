/**
 * The mixer panels, found by mixer kind. `mixerPanelKinds` has one entry per core kind of the schema
 * (`Mixer["kind"]`), checked by the compiler: a new core kind without an entry (a panel, or `null` for none) is
 * a compile error, and so is an entry for a kind the schema does not have. Lookups go through a `Map`, so a
 * kind named `constructor`, `toString` or `__proto__` is an extension kind like any other, never a property
 * of `Object.prototype`.
 */
import type { AttentionMixer, Mixer } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import { ccaPanel } from "./cca.js";
import { compressedPanel } from "./compressed-attention.js";
import { deltaPanel } from "./delta.js";
import { extensionPanel, type ExtensionPanelFacets, type ExtensionPanelSource } from "./extension.js";
import { gatedAttentionPanel } from "./gated-attention.js";
import { gdlaPanel } from "./gdla.js";
import type { Panel } from "./kit.js";
import { hasSinks } from "./attention-sinks.js";
import { formatComponentId } from "../component-id.js";
import { lightningPanel } from "./lightning.js";
import { mamba2Panel } from "./mamba2.js";
import { mlaPanel } from "./mla.js";
import { minimaxSparsePanel } from "./minimax-sparse.js";
import { mlstmPanel } from "./mlstm.js";
import { qwenSparsePanel } from "./qwen-sparse.js";
import { shortConvPanel } from "./short-conv.js";
import { windowPanel } from "./sliding-window.js";

/** How a core mixer kind is drawn as a zoom panel. */
export interface MixerPanelDefinition<M extends Mixer> {
  /** Mixers with the same key share one panel (the first one used draws it); the kind when not given. */
  key?(m: M): string;
  /** The panel, or undefined when this mixer gets none (plain attention: the main column says it all). */
  build(m: M, f: Facts): Panel | undefined;
}

/** The panel of every core mixer kind (`null`: the kind has no panel). */
export const mixerPanelKinds = {
  attention: {
    key: (m) => (m.outputGate ? "gated-attention" : "attention"),
    build: (m) => (m.outputGate ? gatedAttentionPanel(m, "gated-attention") : undefined),
  },
  mla: { build: (m, f) => mlaPanel(m, "mla", f.arch.positional.kind === "rope" && m.rope !== false) },
  gdla: { build: (m, f) => gdlaPanel(m, "gdla", f.arch.positional.kind === "rope" && m.rope !== false) },
  "gated-deltanet": { build: (m) => deltaPanel(m, m.kind) },
  "kimi-delta": { build: (m) => deltaPanel(m, m.kind) },
  mamba2: { build: (m) => mamba2Panel(m, "mamba2") },
  mlstm: { build: (m) => mlstmPanel(m, "mlstm") },
  lightning: { build: (m) => lightningPanel(m, "lightning") },
  "short-conv": { build: (m) => shortConvPanel(m, "short-conv") },
  "compressed-attention": { build: (_m, f) => compressedPanel(f, "compressed-attention") },
  csa2: { build: (_m, f) => compressedPanel(f, "csa2", "csa2") },
  cca: { build: (m) => ccaPanel(m, "cca") },
  "minimax-sparse": { build: (m) => minimaxSparsePanel(m, "minimax-sparse") },
  "qwen-sparse": { build: (m) => qwenSparsePanel(m, "qwen-sparse") },
} satisfies { [K in Mixer["kind"]]: MixerPanelDefinition<Extract<Mixer, { kind: K }>> | null };

/** Any entry of the record, as the lookup sees it. */
type AnyMixerPanel = MixerPanelDefinition<Mixer> | null;

const panelsByKind: ReadonlyMap<string, AnyMixerPanel> = new Map(Object.entries(mixerPanelKinds) as [string, AnyMixerPanel][]);

/**
 * The entry of a core kind: its definition, `null` when the kind has no panel, undefined for an extension
 * (non-core) kind.
 */
export function mixerPanelFor(kind: string): AnyMixerPanel | undefined {
  return panelsByKind.get(kind);
}

/** Options of the panel builders. */
export interface PanelOptions {
  /**
   * The title and fact rows of extension kinds; by default those of the figure's kind registry (`Facts.kinds`),
   * and a generic field list for a kind it does not know either.
   */
  extensionKinds?: ExtensionPanelSource;
}

/** The panel facets of a downstream kind of the figure's registry: its title, fact rows, cache and state. */
function registryFacets(f: Facts, kind: string): ExtensionPanelFacets | undefined {
  const def = f.kinds.extension(kind);
  if (!def) return undefined;
  return {
    title: (m) => def.title(m),
    facts: (m) => def.facts(m),
    cache: (m) => ({ perToken: def.cache.perToken(m), state: def.cache.state(m, f.arch) }),
  };
}

/**
 * Panels for the novel mixers used, in order of first use (plain MHA/GQA/MQA attention gets none), then the
 * attention-mask panel when some attention is windowed or chunked.
 */
export function mixerPanels(f: Facts, options: PanelOptions = {}): Panel[] {
  const out: Panel[] = [];
  const seen = new Map<string, Panel | undefined>();
  const attn: AttentionMixer[] = [];
  /** The panel drawn for each key also draws every definition with that key (for the `highlight` option). */
  const draw = (key: string, name: string | undefined, build: () => Panel | undefined) => {
    if (!seen.has(key)) {
      const panel = build();
      seen.set(key, panel);
      if (panel) out.push(panel);
    }
    const panel = seen.get(key);
    if (panel && name !== undefined) (panel.refs ??= []).push(formatComponentId({ kind: "mixer", name }));
  };
  f.mixers.forEach((m, i) => {
    const name = f.mixerNames[i];
    const def = mixerPanelFor(m.kind);
    if (def === undefined) {
      draw(`custom:${m.kind}`, name, () =>
        extensionPanel(m, `custom-${out.length}`, options.extensionKinds ? options.extensionKinds(m.kind) : registryFacets(f, m.kind)),
      );
      return;
    }
    const core = m as Mixer;
    if (core.kind === "attention") attn.push(core);
    if (def === null) return;
    draw(def.key?.(core) ?? core.kind, name, () => def.build(core, f));
  });
  const w = windowPanel(f, attn);
  if (w) {
    w.draws = [
      ...(attn.some((m) => m.window) ? ["SWA"] : []),
      ...(attn.some((m) => m.chunk) ? ["chunked-attention"] : []),
      ...(hasSinks(attn) ? ["attention-sinks"] : []),
    ];
    out.push(w);
  }
  return out;
}
