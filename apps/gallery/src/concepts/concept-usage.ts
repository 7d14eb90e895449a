/**
 * Which models use a concept — read from each model's derived concept tags (never a hand-kept list) — and,
 * once a model's spec is loaded, how it uses it ("window 4,096 on 40 of 48 layers").
 */
import type { ModelIndexEntry } from "@archgal/data";
import type { Ffn, Mixer, ModelSpec } from "@archgal/schema/metrics";
import { compareText, formatInt, formatLayerMix, headSharing, layerRuns } from "@archgal/schema/metrics";

export function modelsWithConcept(models: readonly ModelIndexEntry[], tag: string): ModelIndexEntry[] {
  return models
    .filter((m) => (m.concepts as string[]).includes(tag))
    .sort((a, b) => compareText(b.releaseDate, a.releaseDate) || compareText(a.name, b.name));
}

/** Layers of the main stack whose mixer (or FFN) satisfies `test`. */
function layersWhere(spec: ModelSpec, test: (mixer: Mixer | undefined, ffn: Ffn | undefined) => boolean): number {
  const arch = spec.architecture;
  // Counted per run of identical layers, not per layer.
  return layerRuns(arch.layers).reduce(
    (n, r) => (test(r.mixer ? arch.mixers[r.mixer] : undefined, r.ffn ? arch.ffns[r.ffn] : undefined) ? n + r.count : n),
    0,
  );
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function ofLayers(n: number, spec: ModelSpec): string {
  return n === spec.architecture.numLayers ? `all ${n} layers` : `${n} of ${spec.architecture.numLayers} layers`;
}

/** One line on how `spec` uses the concept `tag`, or `undefined` when there is nothing specific to say. */
export function usageDetail(tag: string, spec: ModelSpec): string | undefined {
  const arch = spec.architecture;
  const mixers = Object.values(arch.mixers);
  const attention = mixers.filter((m): m is Extract<Mixer, { kind: "attention" }> => m.kind === "attention");
  const moes = Object.values(arch.ffns).filter((f): f is Extract<Ffn, { kind: "moe" }> => f.kind === "moe");
  switch (tag) {
    case "MHA":
    case "GQA":
    case "MQA": {
      const shapes = distinct(attention.filter((m) => headSharing(m) === tag).map((m) => `${m.heads} query / ${m.kvHeads} KV heads`));
      const n = layersWhere(spec, (m) => m?.kind === "attention" && headSharing(m) === tag);
      return shapes.length ? `${shapes.join("; ")} · ${ofLayers(n, spec)}` : undefined;
    }
    case "MLA": {
      const m = mixers.find((x) => x.kind === "mla" || x.kind === "gdla");
      if (m && m.kind === "gdla")
        return `latent ${formatInt(m.kvLoraRank)} + rotary key ${m.qkRopeHeadDim}, expanded for ${m.kvHeads} KV heads · ${m.heads} heads`;
      return m && m.kind === "mla"
        ? `latent ${formatInt(m.kvLoraRank)} + rotary key ${m.qkRopeHeadDim} cached · ${m.heads} heads`
        : undefined;
    }
    case "differential-attention": {
      const m = mixers.find((x) => x.kind === "gdla");
      return m && m.kind === "gdla"
        ? `${m.noiseHeads} groups of ${(m.heads - m.noiseHeads) / m.noiseHeads} signal + 1 noise head · ${ofLayers(
            layersWhere(spec, (x) => x?.kind === "gdla"),
            spec,
          )}`
        : undefined;
    }
    case "SWA": {
      const windows = distinct(mixers.flatMap((m) => ("window" in m && m.window ? [m.window] : [])));
      const n = layersWhere(spec, (m) => !!m && "window" in m && !!m.window);
      return windows.length ? `window ${windows.map(formatInt).join(" / ")} tokens · ${ofLayers(n, spec)}` : undefined;
    }
    case "chunked-attention": {
      const chunks = distinct(attention.flatMap((m) => (m.chunk ? [m.chunk] : [])));
      return chunks.length
        ? `chunks of ${chunks.map(formatInt).join(" / ")} · ${ofLayers(
            layersWhere(spec, (m) => m?.kind === "attention" && !!m.chunk),
            spec,
          )}`
        : undefined;
    }
    case "MoE": {
      const m = moes[0];
      if (!m) return undefined;
      const n = layersWhere(spec, (_, f) => f?.kind === "moe");
      return `${m.activeExperts} of ${m.experts} experts per token · ${ofLayers(n, spec)}`;
    }
    case "shared-expert": {
      const m = moes.find((f) => f.sharedExperts);
      return m ? `${m.sharedExperts} shared + ${m.activeExperts} of ${m.experts} routed` : undefined;
    }
    case "NoPE": {
      const n = layersWhere(spec, (m) => !!m && "rope" in m && m.rope === false);
      return `no positions in ${ofLayers(n, spec)}`;
    }
    case "RoPE":
      return arch.positional.theta
        ? `θ = ${formatInt(arch.positional.theta)}${arch.positional.scaling ? ` · ${arch.positional.scaling.type} scaling` : ""}`
        : undefined;
    case "partial-RoPE": {
      const fractions = distinct(
        [arch.positional.fraction, ...attention.map((m) => (m.rope ? m.rope.fraction : undefined))].filter(
          (f): f is number => f !== undefined && f < 1,
        ),
      );
      return fractions.length ? `rotates ${fractions.map((f) => `${Math.round(f * 100)}%`).join(" / ")} of each head` : undefined;
    }
    case "MTP":
      return arch.mtp ? `${arch.mtp.layers} MTP module${arch.mtp.layers === 1 ? "" : "s"}` : undefined;
    case "sandwich-norm":
    case "post-norm":
    case "parallel-block":
      return `${arch.norm.kind === "rmsnorm" ? "RMSNorm" : "LayerNorm"}`;
    case "logit-softcap": {
      const caps = [
        arch.finalLogitSoftcap ? `final ${arch.finalLogitSoftcap}` : "",
        ...distinct(attention.flatMap((m) => (m.logitSoftcap ? [`attention ${m.logitSoftcap}`] : []))),
      ].filter(Boolean);
      return caps.join(" · ") || undefined;
    }
    case "tied-embeddings":
      return `vocabulary ${formatInt(arch.vocabSize)} × ${formatInt(arch.dModel)}`;
    default:
      return formatLayerMix(spec);
  }
}
