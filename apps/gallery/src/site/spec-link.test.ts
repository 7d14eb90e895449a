import { describe, expect, it } from "vitest";
import { MAX_LINK_CHARS, SpecLinkError, decodeSpecLink, encodeSpecLink, specParam } from "./spec-link.js";

const spec = { id: "tiny", name: "Tiny", architecture: { vocabSize: 1000, dModel: 64, layers: [{ mixer: "attn", ffn: "mlp", count: 4 }] } };

describe("spec links", () => {
  it("round-trips a spec through deflate-raw and base64url", async () => {
    const value = await encodeSpecLink(spec);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeSpecLink(value)).toEqual(spec);
    expect(specParam(`#spec=${value}`)).toBe(value);
    expect(specParam("#other=1")).toBeUndefined();
  });

  it("rejects damaged, foreign, truncated and oversized links with a reason", async () => {
    const value = await encodeSpecLink(spec);
    const reason = async (v: string) => {
      try {
        await decodeSpecLink(v);
      } catch (error) {
        expect(error).toBeInstanceOf(SpecLinkError);
        return (error as Error).message;
      }
      throw new Error("expected a SpecLinkError");
    };
    expect(await reason("not base64!")).toMatch(/not base64url/);
    expect(await reason(value.slice(0, 10))).toMatch(/does not decompress|not JSON/);
    expect(await reason("x".repeat(MAX_LINK_CHARS + 1))).toMatch(/too long/);
    // A small link that inflates past the limit (a zip bomb) stops at the limit.
    const bomb = await encodeSpecLink({ pad: "a".repeat(600 * 1024) });
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await reason(bomb)).toMatch(/larger than/);
  });
});
