import { describe, expect, it } from "vitest";
import { conceptHref, hasPageFile, modelHref, modelIdFromLocation, conceptIdFromLocation } from "./site-links.js";

describe("page addresses", () => {
  it("links dataset ids and concept tags to their pre-rendered pages", () => {
    expect(modelHref("deepseek-v3.2")).toBe("./model-deepseek-v3.2.html");
    expect(conceptHref("MLA")).toBe("./concept-MLA.html");
  });

  it("falls back to the query form for ids a file name cannot hold", () => {
    expect(hasPageFile("../x")).toBe(false);
    expect(modelHref("a/b?c")).toBe("./model.html?id=a%2Fb%3Fc");
    expect(conceptHref("")).toBe("./concept.html?id=");
  });

  it("reads the id from ?id= first, else from the page's file name", () => {
    expect(modelIdFromLocation({ search: "?id=gpt-4", pathname: "/site/model-llama-3-8b.html" })).toBe("gpt-4");
    expect(modelIdFromLocation({ search: "", pathname: "/site/model-llama-3-8b.html" })).toBe("llama-3-8b");
    expect(modelIdFromLocation({ search: "", pathname: "/model.html" })).toBe("");
    expect(conceptIdFromLocation({ search: "", pathname: "/concept-QK-Norm.html" })).toBe("QK-Norm");
    expect(conceptIdFromLocation({ search: "", pathname: "/concept-%E0%A4.html" })).toBe("%E0%A4");
  });
});
