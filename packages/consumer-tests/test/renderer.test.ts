/** @archgal/renderer installed from its tarball, rendering in plain Node: the SVG must stand on its own. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeJson, stage } from "../src/project.js";
import { requireInstalled } from "../src/state.js";
import { svgFacts } from "../src/svg.js";

let dir = "";
beforeAll(() => {
  dir = stage("render", "render");
});

interface RenderResult {
  file: string;
  name: string;
  expected: { total: string; dModel: string; vocab: string; layers: string };
  hasDocument: boolean;
}

describe("@archgal/renderer in Node (ESM)", () => {
  for (const [id, theme] of [
    ["llama-3-8b", "light"],
    ["deepseek-v3", "dark"],
  ] as const) {
    it(`renders ${id} (${theme}) as well-formed, accessible SVG showing the model's numbers`, async () => {
      requireInstalled("@archgal/renderer", "@archgal/data", "@archgal/schema");
      const { value: r } = await nodeJson<RenderResult>(dir, ["render.mjs", id, theme]);
      expect(r.hasDocument).toBe(false);
      const svg = readFileSync(join(dir, r.file), "utf8");
      const f = svgFacts(svg);
      expect(f.wellFormed).toBe(true);
      expect(f.rootName).toBe("svg");
      expect(f.xmlns).toBe("http://www.w3.org/2000/svg");
      expect(f.role).toBe("img");
      expect(f.title).toContain(r.name);
      expect(f.ariaLabelledbyResolves).toBe(true);
      for (const [what, value] of Object.entries(r.expected)) {
        expect(f.text, `the figure should show ${what} = ${value}`).toContain(value);
      }
    });
  }
});

describe("@archgal/renderer through require()", () => {
  it("renders llama-3-8b", async () => {
    requireInstalled("@archgal/renderer", "@archgal/data");
    const { value: r } = await nodeJson<{ length: number; start: string }>(dir, ["render.cjs", "llama-3-8b"]);
    expect(r.start).toBe("<svg ");
    expect(r.length).toBeGreaterThan(2000);
  });
});
