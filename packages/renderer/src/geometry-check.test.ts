import { describe, expect, it } from "vitest";
import { Canvas } from "./canvas.js";
import { checkLayout } from "../test-fixtures/check.js";
import type { Layout } from "./layout-types.js";

/** A small layout: one expert box with a badge placed by `badgeY` (relative to the box bottom). */
function expertWithBadge(badgeTop: number, text = "Shared expert"): Layout {
  const c = new Canvas("panel:moe");
  const host = c.box({ id: "expert", kind: "expert", left: 20, y: 20, w: 116, h: 34, lines: [[{ text }]], fontSize: 14, padX: 6, padY: 5 });
  const badge = c.box({
    id: "badge",
    kind: "badge",
    left: 0,
    y: host.y + host.h + badgeTop,
    lines: [[{ text: "shared" }]],
    fontSize: 13,
    weight: "bold",
    padX: 6,
    padY: 3,
    minW: 24,
    rx: 4,
  });
  badge.x = host.x + host.w - badge.w + 8;
  return c.toLayout(200, 120, "t", "d");
}

describe("checkLayout", () => {
  it("is clean for a badge hanging below its host's text", () => {
    expect(checkLayout(expertWithBadge(-7))).toEqual([]);
  });

  it("catches a badge that covers its host's text (the old MoE-panel placement)", () => {
    const problems = checkLayout(expertWithBadge(-12));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^box badge .* covers the text of expert/);
  });

  it("catches a badge on the text of a box it does not sit on", () => {
    const layout = expertWithBadge(-7);
    const other = new Canvas("x").box({
      id: "other",
      kind: "expert",
      left: 130,
      y: 60,
      w: 60,
      h: 30,
      lines: [[{ text: "Router" }]],
      fontSize: 14,
      padX: 6,
    });
    layout.boxes.push(other);
    expect(checkLayout(layout)).toContain("badge badge overlaps 2 boxes: expert, other");
  });

  it("catches a callout leader crossing a zoom leader or another leader", () => {
    const c = new Canvas("figure");
    c.edge(
      "leader-a",
      [
        [10, 10],
        [100, 100],
      ],
      { kind: "leader", arrow: false },
    );
    c.edge(
      "zoom-b",
      [
        [10, 100],
        [50, 70],
        [100, 10],
      ],
      { kind: "zoom", arrow: false },
    );
    c.edge(
      "leader-c",
      [
        [10, 90],
        [100, 20],
      ],
      { kind: "leader", arrow: false },
    );
    c.edge(
      "leader-d",
      [
        [10, 10],
        [10, 80],
      ],
      { kind: "leader", arrow: false },
    ); // touches leader-a at its start only
    const problems = checkLayout(c.toLayout(120, 120, "t", "d")).filter((p) => p.includes(" crosses "));
    expect(problems).toEqual([
      "leader leader-a crosses zoom zoom-b",
      "leader leader-a crosses leader leader-c",
      "leader leader-c crosses zoom zoom-b",
    ]);
  });

  it("catches a leader running along another leader", () => {
    const c = new Canvas("figure");
    c.box({ id: "a", kind: "linear", left: 0, y: 0, w: 20, h: 20, lines: [], fontSize: 14 });
    c.edge(
      "leader-a",
      [
        [10, 10],
        [110, 10],
      ],
      { kind: "leader", arrow: false },
    );
    c.edge(
      "leader-b",
      [
        [15, 10],
        [60, 10],
      ],
      { kind: "leader", arrow: false },
    );
    expect(checkLayout(c.toLayout(120, 40, "t", "d"))).toContain("leader leader-a runs along leader leader-b");
  });

  /** A box and a dotted panel frame, and one leader through the given points. */
  function withLeader(points: [number, number][], more: [number, number][][] = []): Layout {
    const c = new Canvas("figure");
    c.box({ id: "frame", kind: "panel", left: 100, y: 20, w: 300, h: 300, lines: [], container: true });
    c.box({ id: "thing", kind: "linear", left: 150, y: 100, w: 80, h: 30, lines: [], fontSize: 14 });
    c.edge("leader-x", points, { kind: "leader", arrow: false });
    more.forEach((p, i) => c.edge(`leader-m${i}`, p, { kind: "leader", arrow: false }));
    return c.toLayout(420, 340, "t", "d");
  }

  it("accepts a leader from a box's side into the margin", () => {
    expect(
      checkLayout(
        withLeader([
          [150, 115],
          [20, 115],
        ]),
      ),
    ).toEqual([]);
  });

  it("catches a leader that ends on nothing, or only on a frame", () => {
    expect(
      checkLayout(
        withLeader([
          [130, 200],
          [20, 200],
        ]),
      ),
    ).toEqual(["leader leader-x ends on nothing at (130.0,200.0)"]);
    expect(
      checkLayout(
        withLeader([
          [100, 200],
          [20, 200],
        ]),
      ),
    ).toEqual(["leader leader-x ends on nothing at (100.0,200.0) (only the frame of frame)"]);
  });

  it("catches a leader skimming a frame's border, not one crossing it", () => {
    // From the box's bottom down to 10 units inside the frame's bottom border, then 200 units along it.
    const problems = checkLayout(
      withLeader([
        [190, 130],
        [190, 310],
        [390, 310],
      ]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^leader leader-x runs within 16 of the border of frame for (20\d|21\d)$/);
    expect(
      checkLayout(
        withLeader([
          [150, 110],
          [10, 130],
        ]),
      ),
    ).toEqual([]);
  });

  it("catches two leaders from one point", () => {
    expect(
      checkLayout(
        withLeader(
          [
            [150, 115],
            [20, 115],
          ],
          [
            [
              [151, 117],
              [20, 160],
            ],
          ],
        ),
      ),
    ).toEqual(["leaders leader-x and leader-m0 start at one point"]);
  });
});
