/**
 * Zoom panels: the inside of the feed-forward module, the MoE layer, and of each novel mixer (MLA, gated
 * attention, Gated DeltaNet, Mamba-2, mLSTM, …), the sliding-window mask, the hyper-connections' read/write maps,
 * the layer pattern's macro blocks, the MoE resource savings and the MTP note. Each panel is built by its own
 * module over the panel kit (`kit.ts`);
 * mixer panels are found by kind through `registry.ts`.
 */
import type { Facts } from "../analysis.js";
import type { Rect } from "../layout-types.js";
import { formatComponentId } from "../component-id.js";
import { ffnPanel } from "./ffn.js";
import { hyperConnectionsPanel } from "./hyper-connections.js";
import type { Panel } from "./kit.js";
import { moePanel } from "./moe.js";
import { mtpPanel } from "./mtp.js";
import { patternPanel } from "./pattern.js";
import { mixerPanels, type PanelOptions } from "./registry.js";
import { savingsPanel } from "./savings.js";

export type { Panel } from "./kit.js";
export type { ExtensionPanelFacets, ExtensionPanelSource, PanelFact } from "./extension.js";
export { mixerPanelKinds, mixerPanelFor, mixerPanels, type MixerPanelDefinition, type PanelOptions } from "./registry.js";
export { ffnPanel, hyperConnectionsPanel, moePanel, mtpPanel, patternPanel, savingsPanel };

/** Every panel of a figure, in drawing order. */
export function allPanels(f: Facts, options: PanelOptions = {}): Panel[] {
  const ffn = ffnPanel(f);
  const moe = moePanel(f);
  // The definitions the FFN panels draw (for the `highlight` option).
  const ffnRefs = (kind: string) =>
    f.ffnNames.filter((n) => f.arch.ffns[n]?.kind === kind).map((name) => formatComponentId({ kind: "ffn", name }));
  if (ffn) ffn.refs = ffnRefs("mlp");
  if (moe) moe.refs = ffnRefs("moe");
  return [ffn, moe, savingsPanel(f), ...mixerPanels(f, options), hyperConnectionsPanel(f), patternPanel(f), mtpPanel(f)].filter(
    (p): p is Panel => p !== undefined,
  );
}

/** Bounding rectangle of a placed panel. */
export const panelRect = (p: Panel, x: number, y: number): Rect => ({ x, y, w: p.w, h: p.h });
