/**
 * Small explanatory diagrams, one per concept, generated as SVG markup. Colours come from the page's CSS
 * classes (`.concept-svg .q` …), so the figures follow the light and dark themes.
 */
import type { Concept } from "@archgal/schema/metrics";

const W = 320;
const H = 200;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function text(
  x: number,
  y: number,
  s: string,
  opts: { size?: number; anchor?: "start" | "middle" | "end"; cls?: string; weight?: number } = {},
): string {
  return `<text x="${x}" y="${y}" font-size="${opts.size ?? 11}" text-anchor="${opts.anchor ?? "middle"}"${opts.cls ? ` class="${opts.cls}"` : ""}${opts.weight ? ` font-weight="${opts.weight}"` : ""}>${esc(s)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, cls: string, rx = 3): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" class="${cls}"/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, cls = "line", width = 1.2, dash = false): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" class="${cls}" stroke-width="${width}"${dash ? ' stroke-dasharray="3 3"' : ""}/>`;
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  const a = Math.atan2(y2 - y1, x2 - x1);
  const s = 5;
  const p1 = [x2 - s * Math.cos(a - 0.45), y2 - s * Math.sin(a - 0.45)];
  const p2 = [x2 - s * Math.cos(a + 0.45), y2 - s * Math.sin(a + 0.45)];
  return `${line(x1, y1, x2, y2)}<path d="M${x2} ${y2}L${p1[0]!.toFixed(1)} ${p1[1]!.toFixed(1)}L${p2[0]!.toFixed(1)} ${p2[1]!.toFixed(1)}Z" class="line" style="fill:var(--muted)"/>`;
}

/** A labelled box with centred text. */
function box(x: number, y: number, w: number, h: number, label: string, cls = "box", size = 10.5): string {
  return `${rect(x, y, w, h, cls, 5)}${text(x + w / 2, y + h / 2 + size * 0.36, label, { size })}`;
}

function svg(body: string, label: string, width = W, height = H): string {
  return `<svg class="concept-svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/** Query heads wired to `kv` key/value heads. */
function headSharing(kv: number, label: string): string {
  const n = 8;
  const qx = (i: number) => 28 + i * 36;
  let body = text(W / 2, 18, "query heads", { cls: "muted" });
  for (let i = 0; i < n; i++) body += rect(qx(i) - 11, 26, 22, 22, "q");
  const kvW = (W - 40) / kv;
  for (let j = 0; j < kv; j++) {
    const cx = 20 + kvW * (j + 0.5);
    for (let i = 0; i < n; i++) if (Math.floor((i * kv) / n) === j) body += line(qx(i), 48, cx, 128);
    body += rect(cx - 11, 128, 22, 22, "kv");
  }
  body += text(W / 2, 172, `${kv} key/value head${kv === 1 ? "" : "s"} cached per layer`, { cls: "muted" });
  return svg(body, label);
}

/** A causal attention mask: `on(i, j)` says whether query i sees key j (`true` → attended, or a cell class). */
function mask(
  x0: number,
  y0: number,
  n: number,
  cell: number,
  on: (i: number, j: number) => boolean | string,
  extraCol?: (i: number) => boolean,
): string {
  let body = "";
  const off = extraCol ? cell + 3 : 0;
  for (let i = 0; i < n; i++) {
    if (extraCol) body += rect(x0, y0 + i * cell, cell - 1, cell - 1, extraCol(i) ? "gate" : "off", 1);
    for (let j = 0; j < n; j++) {
      const v = j <= i ? on(i, j) : false;
      body += rect(x0 + off + j * cell, y0 + i * cell, cell - 1, cell - 1, v === true ? "on" : v ? v : "off", 1);
    }
  }
  return body;
}

function twoMasks(
  leftTitle: string,
  left: (i: number, j: number) => boolean,
  rightTitle: string,
  right: (i: number, j: number) => boolean | string,
  label: string,
  extraCol?: (i: number) => boolean,
): string {
  const n = 12;
  const cell = 11;
  let body = text(80, 16, leftTitle, { cls: "muted" }) + text(240, 16, rightTitle, { cls: "muted" });
  body += mask(14, 26, n, cell, left);
  body += mask(extraCol ? 168 : 174, 26, n, cell, right, extraCol);
  body += text(W / 2, 186, "rows: queries · columns: keys (earlier tokens)", { cls: "muted", size: 10 });
  return svg(body, label);
}

/** A growing KV cache above a fixed-size state. */
function fixedState(name: string, update: string, label: string): string {
  let body = text(12, 18, "softmax attention: cache grows with every token", { anchor: "start", cls: "muted", size: 10.5 });
  for (let t = 0; t < 8; t++) {
    body += text(26 + t * 36, 40, `t${t + 1}`, { size: 9, cls: "muted" });
    for (let k = 0; k <= t; k++) body += rect(16 + t * 36, 46 + k * 0, 20, 10 + t * 5, "kv", 2);
  }
  body += line(10, 104, W - 10, 104, "line", 1, true);
  body += text(12, 122, `${name}: one fixed-size state`, { anchor: "start", cls: "muted", size: 10.5 });
  for (let t = 0; t < 8; t++) {
    const x = 16 + t * 36;
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) body += rect(x + c * 7, 132 + r * 7, 6, 6, "state", 1);
    if (t < 7) body += arrow(x + 22, 142, x + 34, 142);
  }
  body += text(W / 2, 186, update, { cls: "muted", size: 10.5 });
  return svg(body, label);
}

/** A vertical block schematic from a list of steps (bottom to top). */
function blockSchematic(steps: { label: string; cls: string }[], label: string, note: string): string {
  const h = 24;
  const gap = 10;
  const x = 100;
  const w = 110;
  const cx = x + w / 2;
  const total = steps.length * h + (steps.length - 1) * gap;
  let y = (H + total) / 2 - h + 4;
  const inputY = y + h + 22;
  const top = y - (steps.length - 1) * (h + gap);
  let body = arrow(cx, inputY, cx, y + h);
  for (const [i, s] of steps.entries()) {
    if (s.label === "+") {
      body += `<circle cx="${cx}" cy="${y + h / 2}" r="10" class="box"/>${text(cx, y + h / 2 + 4.5, "+", { size: 14 })}`;
    } else body += box(x, y, w, h, s.label, s.cls, 11);
    if (i < steps.length - 1) body += arrow(cx, y, cx, y - gap);
    y -= h + gap;
  }
  // the residual stream bypasses the sublayer and meets its output at the add
  body += `<path d="M${cx} ${inputY - 8} H${x + w + 36} V${top + h / 2} H${cx + 10}" class="line" stroke-width="1.3" fill="none"/>`;
  body += text(x + w + 42, (inputY - 8 + top + h / 2) / 2 + 4, "residual", { anchor: "start", cls: "muted", size: 10.5 });
  body += arrow(cx, top, cx, top - 16);
  body += text(12, 18, note, { anchor: "start", cls: "muted", size: 10.5 });
  return svg(body, label);
}

function moe(shared: boolean, label: string): string {
  let body = box(130, 160, 60, 24, "token", "box");
  body += arrow(160, 160, 160, 138);
  body += box(120, 114, 80, 24, "router", "latent", 10.5);
  const n = 8;
  const picks = [2, 5];
  const ex = (i: number) => (shared ? 64 : 30) + i * (shared ? 30 : 34);
  for (let i = 0; i < n; i++) {
    const on = picks.includes(i);
    if (on) body += line(160, 114, ex(i) + 12, 70, "stroke", 1.4);
    body += rect(ex(i), 46, 24, 24, on ? "kv" : "off", 4);
    body += text(ex(i) + 12, 62, String(i + 1), { size: 10 });
  }
  if (shared) {
    body += rect(12, 46, 34, 24, "norm", 4) + text(29, 62, "S", { size: 11, weight: 700 });
    body += `<path d="M130 172 H29 V70" class="stroke" stroke-width="1.4" fill="none"/>`;
    body += text(29, 40, "shared", { size: 9.5, cls: "muted" });
  }
  body += `<circle cx="160" cy="22" r="10" class="box"/>` + text(160, 26, "+", { size: 13 });
  for (const i of picks) body += line(ex(i) + 12, 46, 160, 32, "stroke", 1.2);
  if (shared) body += line(29, 46, 152, 26, "stroke", 1.2);
  body += text(W - 8, 192, `router picks 2 of ${n}`, { anchor: "end", size: 10, cls: "muted" });
  return svg(body, label);
}

const diagrams: Record<Concept, (label: string) => string> = {
  MHA: (l) => headSharing(8, l),
  GQA: (l) => headSharing(2, l),
  MQA: (l) => headSharing(1, l),
  MLA: (l) => {
    let body = box(120, 166, 80, 24, "token x", "box");
    body += arrow(160, 166, 160, 140) + text(170, 156, "down-project", { anchor: "start", size: 9.5, cls: "muted" });
    body += box(110, 112, 60, 28, "latent c", "latent", 10.5);
    body += box(176, 112, 52, 28, "rope k", "q", 10);
    body += `<rect x="104" y="106" width="130" height="40" rx="7" class="line" stroke-dasharray="4 3" stroke-width="1.2"/>`;
    body += text(240, 131, "cached", { anchor: "start", size: 10, weight: 700 });
    for (let i = 0; i < 6; i++) {
      const x = 40 + i * 44;
      body += line(140, 112, x + 14, 70, "line", 1);
      body += rect(x, 46, 13, 24, "kv", 2) + rect(x + 15, 46, 13, 24, "kv", 2);
    }
    body += text(160, 36, "per-head keys and values, projected back up", { size: 10, cls: "muted" });
    return svg(body, l);
  },
  SWA: (l) =>
    twoMasks(
      "global (causal)",
      () => true,
      "sliding window W = 4",
      (i, j) => i - j < 4,
      l,
    ),
  "chunked-attention": (l) =>
    twoMasks(
      "global (causal)",
      () => true,
      "chunks of 4",
      (i, j) => Math.floor(i / 4) === Math.floor(j / 4),
      l,
    ),
  DSA: (l) =>
    twoMasks(
      "dense MLA",
      () => true,
      "indexer's top-k",
      (i, j) => j === i || (i * 7 + j * 13) % 11 < 2 || (j === 0 && i % 3 === 0),
      l,
    ),
  "block-sparse-attention": (l) =>
    twoMasks(
      "dense GQA",
      () => true,
      "top blocks of 3",
      (i, j) => Math.floor(j / 3) === Math.floor(i / 3) || (Math.floor(j / 3) * 5 + Math.floor(i / 3) * 3) % 4 === 0,
      l,
    ),
  "qwen-sparse-attention": (l) =>
    twoMasks(
      "dense GQA",
      () => true,
      "top blocks of 4 + own block",
      (i, j) => Math.floor(j / 4) === Math.floor(i / 4) || (Math.floor(j / 4) * 3 + Math.floor(i / 4)) % 3 === 0,
      l,
    ),
  "compressed-attention": (l) =>
    twoMasks(
      "sliding window W = 3",
      (i, j) => i - j < 3,
      "window + compressed",
      (i, j) => (i - j < 3 ? true : Math.floor(j / 4) < Math.floor((i - 2) / 4) ? "latent" : false),
      l,
    ),
  cca: (l) => {
    let body = "";
    const cols = [
      { x: 40, name: "Q" },
      { x: 130, name: "K" },
    ];
    for (const c of cols) {
      body += box(c.x, 168, 60, 20, `Linear ${c.name}`, "box", 10);
      body += arrow(c.x + 30, 168, c.x + 30, 154) + box(c.x, 134, 60, 20, "conv (depth)", "state", 9.5);
      body += arrow(c.x + 30, 134, c.x + 30, 120) + box(c.x, 100, 60, 20, "conv (group)", "state", 9.5);
      body += arrow(c.x + 30, 100, c.x + 30, 86) + box(c.x, 66, 60, 20, "L2 norm", "norm", 10);
      body += arrow(c.x + 30, 66, c.x + 30 + (c.name === "Q" ? 40 : -10), 52);
    }
    body += box(220, 168, 60, 20, "Linear V", "box", 10) + arrow(250, 168, 250, 52);
    body +=
      text(256, 112, "½ heads:", { anchor: "start", size: 9, cls: "muted" }) +
      text(256, 124, "prev. token", { anchor: "start", size: 9, cls: "muted" });
    body += box(60, 28, 200, 24, "attention × learned temperature", "box", 10);
    return svg(body, l);
  },
  "hyper-connections": (l) => {
    let body = text(12, 18, "four residual streams instead of one", { anchor: "start", cls: "muted", size: 10.5 });
    for (let k = 0; k < 4; k++) body += line(40 + k * 16, 190, 40 + k * 16, 30, "stroke", 1.6);
    body += box(170, 96, 110, 28, "attention / FFN", "q", 10.5);
    for (let k = 0; k < 4; k++) {
      body += `<path d="M${40 + k * 16} ${150 - k * 3} C 120 ${150 - k * 3}, 150 130, 200 124" class="line" stroke-width="1" fill="none"/>`;
      body += `<path d="M250 96 C 250 70, 140 ${70 + k * 3}, ${40 + k * 16} ${70 + k * 3}" class="line" stroke-width="1" fill="none"/>`;
    }
    body += text(150, 160, "read: learned mix", { anchor: "start", size: 9.5, cls: "muted" });
    body += text(150, 56, "write: learned spread", { anchor: "start", size: 9.5, cls: "muted" });
    return svg(body, l);
  },
  "relative-position-bias": (l) => {
    let body = text(12, 18, "a learned bias per distance, added to each score", { anchor: "start", cls: "muted", size: 10.5 });
    for (let j = 0; j < 9; j++) {
      const x = 24 + j * 30;
      const near = j >= 4;
      body += rect(x, 70, 24, 24, near ? "q" : "box", 3) + text(x + 12, 86, `k${j + 1}`, { size: 9 });
      if (near) body += rect(x + 4, 150 - (j - 3) * 8, 16, (j - 3) * 8, "kv", 1);
    }
    body += box(270, 70, 34, 24, "q", "q", 10);
    body += line(144, 158, 300, 158, "line", 1) + text(144, 176, "reach: nearest keys only", { anchor: "start", size: 9.5, cls: "muted" });
    return svg(body, l);
  },
  "looped-depth": (l) => {
    let body = text(12, 18, "one stored stack, run again on every pass", { anchor: "start", cls: "muted", size: 10.5 });
    body += box(100, 168, 120, 20, "token embedding", "box", 10);
    for (let i = 0; i < 4; i++) body += box(100, 136 - i * 26, 120, 20, `layer ${i + 1}`, "q", 10);
    for (let i = 0; i < 4; i++) body += arrow(160, 168 - i * 26, 160, 156 - i * 26);
    body += `<path d="M220 68 C 262 68, 262 146, 220 146" class="line" stroke-width="1.4" fill="none"/>` + arrow(232, 146, 221, 146);
    body +=
      text(262, 104, "× passes", { anchor: "start", size: 10, cls: "muted" }) +
      text(262, 118, "same weights", { anchor: "start", size: 9.5, cls: "muted" });
    body += arrow(160, 58, 160, 44) + box(100, 24, 120, 20, "output head", "box", 10);
    return svg(body, l);
  },
  "attention-sinks": (l) =>
    twoMasks(
      "sliding window W = 4",
      (i, j) => i - j < 4,
      "window + learned sink",
      (i, j) => i - j < 4,
      l,
      () => true,
    ),
  "gated-attention": (l) => {
    let body = box(40, 164, 60, 22, "input x", "box");
    body += arrow(70, 164, 70, 146) + box(40, 124, 60, 22, "Q·Kᵀ·V", "q");
    body += arrow(70, 124, 70, 98) + `<circle cx="70" cy="88" r="10" class="box"/>` + text(70, 92, "×", { size: 13 });
    body += arrow(70, 78, 70, 56) + box(30, 34, 80, 22, "output proj", "box");
    body += `<path d="M100 175 H200 V146" class="line" stroke-width="1.2" fill="none"/>`;
    body += box(170, 124, 60, 22, "gate proj", "gate") + arrow(200, 124, 200, 108);
    body += `<circle cx="200" cy="96" r="11" class="box"/>` + text(200, 100, "σ", { size: 13 });
    body += arrow(189, 94, 81, 89);
    body += text(240, 98, "sigmoid gate", { anchor: "start", size: 10, cls: "muted" });
    body += text(12, 18, "output = attention(x) × σ(W_g x)", { anchor: "start", cls: "muted", size: 10.5 });
    return svg(body, l);
  },
  "differential-attention": (l) => {
    // Attention weights over eight keys: a signal head, its group's noise head, and what is left after subtracting.
    const signal = [3, 4, 3, 14, 4, 3, 10, 4];
    const noise = [3, 4, 3, 4, 4, 3, 4, 3];
    const rows: [string, number[], string][] = [
      ["signal head", signal, "q"],
      ["− σ(λ) × noise head", noise, "kv"],
      ["= output", signal.map((v, i) => Math.max(0, v - noise[i]!)), "gate"],
    ];
    let body = text(12, 18, "a learned share of the noise head is subtracted", { anchor: "start", cls: "muted", size: 10.5 });
    rows.forEach(([name, ws, cls], r) => {
      const base = 70 + r * 52;
      body += text(12, base - 4, name, { anchor: "start", size: 10 });
      for (let i = 0; i < ws.length; i++) body += rect(150 + i * 20, base - 2 * ws[i]!, 14, Math.max(1, 2 * ws[i]!), cls, 1);
      body += line(146, base, 312, base, "line", 0.8);
    });
    return svg(body, l);
  },
  "kv-sharing": (l) => {
    let body = text(12, 18, "upper layers read an earlier layer's cache", { anchor: "start", cls: "muted", size: 10.5 });
    for (let i = 0; i < 6; i++) {
      const y = 166 - i * 26;
      const shares = i >= 3;
      body += box(60, y, 110, 20, `layer ${i + 1}`, shares ? "box" : "q", 10);
      if (!shares) body += rect(186, y + 3, 44, 14, "kv", 2) + text(236, y + 14, "own KV", { anchor: "start", size: 9.5, cls: "muted" });
      else
        body += `<path d="M170 ${y + 10} C 214 ${y + 10}, 214 ${166 - 2 * 26 + 10}, 230 ${166 - 2 * 26 + 10}" class="line" stroke-width="1.1" fill="none" stroke-dasharray="3 2"/>`;
    }
    return svg(body, l);
  },
  "gated-deltanet": (l) => fixedState("Gated DeltaNet", "S ← α·S − β·(S·k − v)·kᵀ   (decay, then correct)", l),
  "kimi-delta-attention": (l) => fixedState("Kimi Delta Attention", "S ← diag(α)·S − β·(S·k − v)·kᵀ   (per-channel decay)", l),
  "lightning-attention": (l) => fixedState("Lightning Attention", "within a block: masked QKᵀV · across blocks: running state", l),
  "mamba-2": (l) => fixedState("Mamba-2", "h ← exp(Δ·A)·h + Δ·B·x,   y = C·h", l),
  mlstm: (l) => fixedState("mLSTM", "C ← f·C + i·v·kᵀ,   y = C·q / normaliser", l),
  "short-conv": (l) => {
    let body = text(12, 18, "each output mixes the last 3 inputs, channel by channel", { anchor: "start", cls: "muted", size: 10.5 });
    for (let t = 0; t < 9; t++) {
      const x = 18 + t * 33;
      body += rect(x, 140, 24, 24, t >= 4 && t <= 6 ? "q" : "off", 3);
      body += rect(x, 50, 24, 24, t === 6 ? "state" : "off", 3);
    }
    for (const t of [4, 5, 6]) body += line(18 + t * 33 + 12, 140, 18 + 6 * 33 + 12, 74, "stroke", 1.3);
    body += text(160, 186, "inputs x₁ … x₉", { cls: "muted", size: 10 }) + text(160, 40, "outputs", { cls: "muted", size: 10 });
    return svg(body, l);
  },
  MoE: (l) => moe(false, l),
  "shared-expert": (l) => moe(true, l),
  RoPE: (l) => {
    const cx = 110;
    const cy = 104;
    let body = `<circle cx="${cx}" cy="${cy}" r="70" class="line" stroke-width="1" stroke-dasharray="3 3"/>`;
    const cls = ["q", "kv", "latent", "state"];
    for (let p = 0; p < 4; p++) {
      const a = -Math.PI / 2 + p * 0.55;
      const x = cx + 66 * Math.cos(a);
      const y = cy + 66 * Math.sin(a);
      body += `<line x1="${cx}" y1="${cy}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}" stroke-width="2.5" class="stroke"/>`;
      body += `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" class="${cls[p]}"/>`;
      body += text(x + 8 * Math.cos(a) + 10, y + 8 * Math.sin(a), `pos ${p}`, { size: 10, anchor: "start" });
    }
    body += text(198, 160, "angle ∝ position", { anchor: "start", size: 10, cls: "muted" });
    body += text(198, 176, "q·k sees the offset", { anchor: "start", size: 10, cls: "muted" });
    return svg(body, l);
  },
  "partial-RoPE": (l) => {
    let body = text(12, 18, "one head's dimensions", { anchor: "start", cls: "muted", size: 10.5 });
    for (let i = 0; i < 16; i++) body += rect(16 + i * 18, 60, 16, 40, i < 4 ? "q" : "off", 2);
    body += `<path d="M16 110 v8 h70 v-8" class="line" fill="none"/>` + text(51, 134, "rotated (RoPE)", { size: 10 });
    body += `<path d="M88 110 v8 h214 v-8" class="line" fill="none"/>` + text(195, 134, "position-free (content only)", { size: 10 });
    body += text(W / 2, 176, "e.g. a fraction of 0.25 rotates 4 of 16 dimensions", { cls: "muted", size: 10 });
    return svg(body, l);
  },
  NoPE: (l) => {
    let body = text(12, 18, "a NoPE layer every fourth layer", { anchor: "start", cls: "muted", size: 10.5 });
    for (let i = 0; i < 8; i++) {
      const y = 170 - i * 19;
      const nope = i % 4 === 3;
      body += box(90, y, 140, 16, nope ? "attention · no positions" : "attention + RoPE", nope ? "off" : "q", 9.5);
    }
    return svg(body, l);
  },
  "learned-positions": (l) => {
    let body = box(20, 140, 110, 26, "token embedding", "q");
    body += box(190, 140, 110, 26, "position table[p]", "kv");
    body += `<circle cx="160" cy="90" r="12" class="box"/>` + text(160, 94, "+", { size: 14 });
    body += arrow(75, 140, 150, 98) + arrow(245, 140, 170, 98) + arrow(160, 78, 160, 48);
    body += box(110, 22, 100, 26, "block 1", "box");
    body += text(W / 2, 190, "the table's rows fix the longest context", { cls: "muted", size: 10 });
    return svg(body, l);
  },
  "QK-Norm": (l) => {
    let body = "";
    const cols = [
      { x: 40, name: "Q", norm: true },
      { x: 130, name: "K", norm: true },
      { x: 220, name: "V", norm: false },
    ];
    for (const c of cols) {
      body += box(c.x, 164, 60, 22, `Linear ${c.name}`, "box", 10);
      if (c.norm) {
        body += arrow(c.x + 30, 164, c.x + 30, 146) + box(c.x, 124, 60, 22, "RMSNorm", "norm", 10);
        body += arrow(c.x + 30, 124, c.x + 30, 106) + box(c.x, 84, 60, 22, "RoPE", "q", 10);
        body += arrow(c.x + 30, 84, c.x + 30 + (c.name === "Q" ? 50 : -10), 58);
      } else body += arrow(c.x + 30, 164, c.x + 30, 58);
    }
    body += box(60, 30, 200, 26, "scaled dot-product attention", "box", 10);
    return svg(body, l);
  },
  "sandwich-norm": (l) =>
    blockSchematic(
      [
        { label: "norm", cls: "norm" },
        { label: "attention / FFN", cls: "q" },
        { label: "norm", cls: "norm" },
        { label: "+", cls: "box" },
      ],
      l,
      "normalised on the way in and out",
    ),
  "post-norm": (l) =>
    blockSchematic(
      [
        { label: "attention / FFN", cls: "q" },
        { label: "norm", cls: "norm" },
        { label: "+", cls: "box" },
      ],
      l,
      "the norm follows the sublayer",
    ),
  "parallel-block": (l) => {
    let body = text(12, 18, "attention and FFN side by side", { anchor: "start", cls: "muted", size: 10.5 });
    body += box(120, 152, 80, 22, "norm", "norm") + arrow(160, 186, 160, 174);
    body += arrow(150, 152, 90, 124) + arrow(170, 152, 230, 124);
    body += box(30, 102, 100, 22, "attention", "q") + box(170, 102, 90, 22, "FFN", "kv");
    body += arrow(80, 102, 152, 60) + arrow(215, 102, 168, 60);
    body += `<circle cx="160" cy="50" r="10" class="box"/>` + text(160, 54, "+", { size: 13 });
    body +=
      `<path d="M160 190 H300 V50 H170" class="line" stroke-width="1.2" fill="none"/>` +
      text(294, 150, "residual", { anchor: "end", size: 10, cls: "muted" });
    return svg(body, l);
  },
  "logit-softcap": (l) => {
    const x0 = 30;
    const y0 = 100;
    const sx = 26;
    const cap = 2.2;
    let ident = "";
    let soft = "";
    for (let i = 0; i <= 100; i++) {
      const x = -5 + i / 10;
      ident += `${i ? "L" : "M"}${(x0 + (x + 5) * sx).toFixed(1)} ${(y0 - x * 14).toFixed(1)}`;
      soft += `${i ? "L" : "M"}${(x0 + (x + 5) * sx).toFixed(1)} ${(y0 - cap * Math.tanh(x / cap) * 14).toFixed(1)}`;
    }
    let body = line(x0, y0, x0 + 260, y0, "line", 0.8) + line(x0 + 130, 20, x0 + 130, 180, "line", 0.8);
    body +=
      line(x0, y0 - cap * 14, x0 + 260, y0 - cap * 14, "line", 0.8, true) +
      line(x0, y0 + cap * 14, x0 + 260, y0 + cap * 14, "line", 0.8, true);
    body += `<path d="${ident}" class="line" stroke-width="1.2" stroke-dasharray="4 3"/>`;
    body += `<path d="${soft}" fill="none" stroke-width="2.5" style="stroke:var(--accent)"/>`;
    body += text(x0 + 262, y0 - cap * 14 - 4, "+cap", { anchor: "end", size: 10, cls: "muted" });
    body += text(x0 + 4, 30, "identity", { anchor: "start", size: 10, cls: "muted" });
    body += text(x0 + 262, 190, "cap · tanh(x / cap)", { anchor: "end", size: 10.5 });
    return svg(body, l);
  },
  "tied-embeddings": (l) => {
    let body = box(70, 20, 100, 24, "logits", "box") + arrow(120, 70, 120, 44);
    body += box(60, 70, 120, 24, "× Eᵀ (output)", "q");
    body += `<rect x="70" y="108" width="100" height="14" rx="3" class="off"/>` + text(120, 119, "decoder blocks", { size: 9.5 });
    body += box(60, 136, 120, 24, "E[token] (input)", "q") + arrow(120, 186, 120, 160);
    body += `<path d="M180 148 C 236 148, 236 82, 180 82" class="line" stroke-width="1.3" fill="none" stroke-dasharray="4 3"/>`;
    body += text(230, 119, "same matrix E", { anchor: "start", size: 10, weight: 700 });
    return svg(body, l);
  },
  "causal-encoder-decoder": (l) => {
    let body = text(12, 18, "prompt tokens stop halfway; generated ones go on", { anchor: "start", cls: "muted", size: 10.5 });
    body += box(60, 150, 120, 28, "encoder layers", "q", 10.5) + box(60, 70, 120, 28, "decoder layers", "box", 10.5);
    body += arrow(120, 150, 120, 98) + line(180, 164, 236, 164, "line", 1.2, true) + line(180, 84, 236, 84);
    body +=
      text(240, 168, "prompt", { anchor: "start", size: 9.5, cls: "muted" }) +
      text(240, 88, "generated", { anchor: "start", size: 9.5, cls: "muted" });
    body += text(120, 126, "shared cache", { size: 9.5, cls: "muted" });
    return svg(body, l);
  },
  engram: (l) => {
    let body = text(12, 18, "last tokens hashed into a large table", { anchor: "start", cls: "muted", size: 10.5 });
    for (let i = 0; i < 3; i++) body += box(20 + i * 44, 150, 38, 22, ["t − 2", "t − 1", "t"][i]!, "box", 10);
    body += arrow(86, 150, 86, 124) + box(40, 96, 92, 26, "hash heads", "q", 10);
    body += arrow(132, 109, 176, 109) + box(176, 60, 110, 100, "table rows", "box", 10.5);
    body += arrow(231, 60, 231, 40) + text(231, 34, "gate → residual", { size: 9.5, cls: "muted" });
    return svg(body, l);
  },
  "per-layer-embeddings": (l) => {
    let body = box(16, 150, 96, 30, "per-layer table", "kv", 10);
    for (let i = 0; i < 5; i++) {
      const y = 150 - i * 30;
      body += box(170, y, 120, 22, `layer ${i + 1}`, "q", 10);
      body += `<path d="M112 165 C 140 165, 140 ${y + 11}, 170 ${y + 11}" class="line" stroke-width="1" fill="none"/>`;
    }
    body += text(12, 18, "token id → one small vector per layer", { anchor: "start", cls: "muted", size: 10.5 });
    return svg(body, l);
  },
  MTP: (l) => {
    let body = box(20, 150, 120, 26, "main model", "q");
    body += arrow(80, 150, 80, 118) + box(40, 94, 80, 24, "next token", "box");
    body += `<path d="M140 163 H200 V150" class="line" stroke-width="1.2" fill="none"/>`;
    body += box(160, 124, 100, 26, "MTP module", "gate") + arrow(210, 124, 210, 92) + box(160, 68, 100, 24, "token after", "box");
    body += text(236, 174, "hidden state", { anchor: "start", size: 9.5, cls: "muted" });
    body += text(12, 18, "predict t+1 with the model, t+2 with the module", { anchor: "start", cls: "muted", size: 10.5 });
    body += text(W / 2, 44, "draft for speculative decoding", { size: 10, cls: "muted" });
    return svg(body, l);
  },
};

/** The diagram of a concept as SVG markup; `undefined` when the concept has none. */
export function conceptDiagram(tag: string, label: string): string | undefined {
  return Object.hasOwn(diagrams, tag) ? diagrams[tag as Concept](label) : undefined;
}
