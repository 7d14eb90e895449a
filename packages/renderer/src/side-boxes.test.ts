/**
 * The side boxes left of the main column (position and per-layer embedding tables below the block, RoPE /
 * ALiBi and QK-norm beside it, MTP above it) never overlap each other or anything else, for every combination
 * the schema allows — fuzz finding F4 (learned positions + per-layer embeddings drew their two tables on top
 * of each other) and its relatives found by the sweep below (a tall QK-norm/RoPE stack beside a short block
 * reaching the MTP box; per-layer embeddings in the compact figure rising to the `N ×` count).
 */
import type { ModelSpec } from "@archgal/schema";
import { describe, expect, it } from "vitest";
import { overlaps } from "./canvas.js";
import { minimalSpec, segmentsCross } from "@archgal/test-kit";
import { checkLayout } from "../test-fixtures/check.js";
import type { Box, Layout, Point } from "./layout-types.js";
import { layoutModel } from "./model-layout.js";

const box = (l: Layout, id: string): Box => {
  const b = l.boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};
const edgePoints = (l: Layout, id: string): Point[] => {
  const e = l.edges.find((x) => x.id === id);
  if (!e) throw new Error(`no edge ${id}`);
  return e.points;
};
/** Whether a polyline passes through the inside of a box (crossing one of its sides). */
const crossesBox = (pts: Point[], b: Box) => {
  const corners: Point[] = [
    [b.x, b.y],
    [b.x + b.w, b.y],
    [b.x + b.w, b.y + b.h],
    [b.x, b.y + b.h],
  ];
  const sides = corners.map((c, i): [Point, Point] => [c, corners[(i + 1) % 4]!]);
  return pts.slice(1).some((p, i) => sides.some(([c, d]) => segmentsCross(pts[i]!, p, c, d)));
};

describe("F4: learned position embeddings with per-layer embeddings", () => {
  const spec = () => {
    const s = minimalSpec();
    s.architecture.positional = { kind: "learned" };
    s.architecture.embedding = { tied: false, perLayer: { vocabSize: 1, dim: 1 } };
    return s;
  };

  it.each([
    ["with panels", {}],
    ["without panels", { panels: false }],
    ["compact", { compact: true }],
  ] as const)("the counterexample is clean (%s)", (_name, options) => {
    expect(checkLayout(layoutModel(spec(), options))).toEqual([]);
  });

  it("stacks the per-layer table above the position table, which stays level with its add", () => {
    for (const options of [{}, { compact: true }]) {
      const l = layoutModel(spec(), options);
      const pl = box(l, "per-layer-embedding");
      const pos = box(l, "position-embedding");
      const add = box(l, "position-add");
      const block = box(l, "block");
      expect(overlaps(pl, pos, 0)).toBe(false);
      expect(pos.y).toBeGreaterThanOrEqual(pl.y + pl.h + 12 - 1e-9);
      expect(pos.y + pos.h / 2).toBeCloseTo(add.y + add.h / 2, 6);
      expect(pl.y).toBeGreaterThan(block.y + block.h);
      // Neither link runs through the other table.
      expect(crossesBox(edgePoints(l, "per-layer-to-block"), pos)).toBe(false);
      expect(crossesBox(edgePoints(l, "position-to-add"), pl)).toBe(false);
      // Both tables inside the model frame.
      const frame = box(l, "frame");
      for (const b of [pl, pos]) expect(b.y + b.h).toBeLessThan(frame.y + frame.h);
    }
  });

  it("also with an embedding norm and a tall token embedding box", () => {
    const s = spec();
    s.architecture.embedding = {
      tied: true,
      norm: true,
      scale: "sqrt-d",
      ngram: { vocabSize: 9 },
      perLayer: { vocabSize: 1, dim: 123_456_789 },
    };
    for (const options of [{}, { compact: true }]) expect(checkLayout(layoutModel(s, options))).toEqual([]);
  });

  it("places either table alone as before: positions level with their add, per-layer at the embedding's bottom", () => {
    const learned = minimalSpec();
    learned.architecture.positional = { kind: "learned" };
    const l = layoutModel(learned, { panels: false });
    const pos = box(l, "position-embedding");
    const add = box(l, "position-add");
    expect(pos.y + pos.h / 2).toBeCloseTo(add.y + add.h / 2, 6);
    const perLayer = minimalSpec();
    perLayer.architecture.embedding = { tied: false, scale: "sqrt-d", perLayer: { vocabSize: 1, dim: 1 } };
    // Level with the token embedding's bottom, or lower so that its link rises at least 10 units from its top
    // before turning to the block (in the compact figure it used to start above the block's bottom).
    for (const options of [{ panels: false }, { compact: true }]) {
      const p = layoutModel(perLayer, options);
      const pl = box(p, "per-layer-embedding");
      const emb = box(p, "embedding");
      const link = edgePoints(p, "per-layer-to-block");
      expect(link[0]).toEqual([pl.x + pl.w / 2, pl.y]);
      expect(pl.y - link[1]![1]).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(link[1]![1]).toBeGreaterThan(box(p, "block").y + box(p, "block").h);
      expect(pl.y + pl.h).toBeCloseTo(Math.max(emb.y + emb.h, link[1]![1] + 10 + pl.h), 6);
    }
  });
});

describe("side boxes: every combination the schema allows is clean", () => {
  type Shape = "both" | "mixer-only" | "ffn-only" | "mixed" | "nope";
  /** The spec with the given side boxes and the things that change the sizes around them. */
  const make = (o: {
    positional: ModelSpec["architecture"]["positional"];
    placement: ModelSpec["architecture"]["norm"]["placement"];
    shape: Shape;
    qk: boolean;
    mtp: boolean;
    perLayer: boolean;
    embNorm: boolean;
    tall: boolean;
  }): ModelSpec => {
    const s = minimalSpec();
    const a = s.architecture;
    const attn = {
      kind: "attention" as const,
      heads: 1,
      kvHeads: 1,
      headDim: 1,
      ...(o.qk ? { qkNorm: { kind: "rmsnorm" as const, scope: "head" as const } } : {}),
    };
    a.mixers = { a: attn, n: { ...attn, rope: false } };
    a.layers = {
      both: [{ mixer: "a", ffn: "a" }],
      "mixer-only": [{ mixer: "a" }],
      "ffn-only": [{ ffn: "a" }],
      mixed: [{ mixer: "a" }, { ffn: "a" }],
      nope: [
        { mixer: "a", ffn: "a" },
        { mixer: "n", ffn: "a" },
      ],
    }[o.shape];
    a.numLayers = a.layers.length;
    a.positional = o.positional;
    a.norm = { kind: "rmsnorm", placement: o.placement };
    a.embedding = {
      tied: o.tall,
      ...(o.embNorm ? { norm: true } : {}),
      ...(o.tall ? { scale: "sqrt-d" as const, ngram: { vocabSize: 5 } } : {}),
      ...(o.perLayer ? { perLayer: { vocabSize: 1, dim: 1 } } : {}),
    };
    if (o.tall) a.finalLogitSoftcap = 30;
    if (o.mtp) a.mtp = { layers: 1, mixer: "a", ffn: "a" };
    return s;
  };
  const positionals: ModelSpec["architecture"]["positional"][] = [
    { kind: "rope" },
    { kind: "learned" },
    { kind: "alibi" },
    { kind: "none" },
  ];
  const flags = [false, true];
  for (const compact of flags) {
    it.each(positionals.map((p) => [p.kind, p] as const))(`positional %s${compact ? " (compact)" : ""}`, (_kind, positional) => {
      const problems: string[] = [];
      for (const placement of ["pre", "post", "sandwich", "parallel"] as const)
        for (const shape of ["both", "mixer-only", "ffn-only", "mixed", "nope"] as const)
          for (const qk of flags)
            for (const mtp of flags)
              for (const perLayer of flags)
                for (const embNorm of flags)
                  for (const tall of flags) {
                    const o = { positional, placement, shape, qk, mtp, perLayer, embNorm, tall };
                    const found = checkLayout(layoutModel(make(o), compact ? { compact } : { panels: false }));
                    if (found.length) problems.push(`${JSON.stringify(o)}: ${found.join("; ")}`);
                  }
      expect(problems).toEqual([]);
    });
  }

  it("a tall QK-norm/RoPE stack beside a short block lifts the MTP box above it (compact)", () => {
    const s = make({
      positional: { kind: "rope" },
      placement: "parallel",
      shape: "nope",
      qk: true,
      mtp: true,
      perLayer: false,
      embNorm: false,
      tall: false,
    });
    const l = layoutModel(s, { compact: true });
    expect(checkLayout(l)).toEqual([]);
    const mtp = box(l, "mtp");
    const qk = box(l, "qk-norm");
    expect(mtp.y + mtp.h).toBeLessThanOrEqual(qk.y - 12 + 1e-9);
    expect(mtp.y).toBeGreaterThan(box(l, "frame").y);
  });
});
