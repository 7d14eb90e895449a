import { describe, expect, it } from "vitest";
import { isSafeUrl, safeHref } from "./url.js";
import { validateSpec } from "./validate.js";
import { llama3_8b } from "../test-fixtures/golden-specs.js";

const REFUSED = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "HTTPS://example.com",
  " https://example.com",
  "https://example.com\n",
  "https://exa\u0000mple.com",
  "https://exa\u0085mple.com",
  "https://example.com/\\..\\",
  'https://example.com/" onclick="x',
  "//example.com",
  "https:example.com",
  `https://${"a".repeat(2048)}`,
];

describe("the link allow-list", () => {
  it("accepts http and https links", () => {
    for (const u of ["https://huggingface.co/x/y/blob/main/config.json", "http://example.com/a?b=c#d"]) {
      expect(isSafeUrl(u)).toBe(true);
      expect(safeHref(u)).toBe(u);
    }
  });
  it("refuses other schemes and case, white-space and control-character tricks", () => {
    for (const u of REFUSED) expect(safeHref(u), JSON.stringify(u)).toBeUndefined();
    for (const v of [undefined, null, 42, {}, ["https://example.com"]]) expect(isSafeUrl(v)).toBe(false);
  });
  it("is what validation applies to every link of a spec", () => {
    for (const u of REFUSED) {
      const s = structuredClone(llama3_8b) as unknown as { links?: Record<string, string> };
      s.links = { ...s.links, paper: u };
      const r = validateSpec(s);
      expect(r.success, JSON.stringify(u)).toBe(false);
      expect(r.issues.map((i) => i.path)).toContain("links.paper");
    }
  });
});
