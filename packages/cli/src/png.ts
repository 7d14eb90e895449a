/**
 * SVG → PNG with resvg and the DejaVu Sans font shipped by the `dejavu-fonts-ttf` package, so the output is
 * the same on every machine whatever fonts it has installed.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CliError } from "./cli-error.js";

/** Largest PNG the CLI draws: 300 megapixels (~1.2 GB of RGBA), checked before resvg allocates anything. */
export const MAX_PNG_PIXELS = 300_000_000;

const require = createRequire(import.meta.url);

/** Paths of the shipped font files. */
export function fontFiles(): string[] {
  const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"].map((f) => join(dir, f));
}

/**
 * Rasterises an SVG string; `width` in pixels (default: the SVG's own width). resvg does not evaluate CSS
 * custom properties, so each `var(--llm-arch-…, default)` is first replaced by its default.
 */
export async function svgToPng(svg: string, width?: number): Promise<Uint8Array> {
  const [{ Resvg }, { inlineColors }] = await Promise.all([import("@resvg/resvg-js"), import("@archgal/renderer")]);
  const resvg = new Resvg(inlineColors(svg), {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    ...(width ? { fitTo: { mode: "width" as const, value: width } } : {}),
    background: "rgba(0,0,0,0)",
  });
  const w = width ?? resvg.width;
  const h = Math.ceil((resvg.height * w) / resvg.width);
  if (!(w * h <= MAX_PNG_PIXELS)) {
    throw new CliError(
      `a ${w} × ${h} px PNG is ${Math.round((w * h) / 1e6)} megapixels, more than the ${MAX_PNG_PIXELS / 1e6} allowed; pass a smaller --width`,
    );
  }
  return resvg.render().asPng();
}
