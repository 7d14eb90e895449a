/** Which models' data a page downloaded, from its request URLs (JSON files or bundler chunks named after the model). */
export function modelsRequested(urls: readonly string[], ids: readonly string[]): string[] {
  const byLength = [...ids].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const url of urls) {
    const file = decodeURIComponent(new URL(url).pathname.split("/").at(-1) ?? "");
    // "deepseek-v3.json", "deepseek-v3-Bx12Yz.js", "deepseek-v3.json-Bx12.js"; the longest id wins (glm-4.5-air over glm-4.5).
    const id = byLength.find(
      (m) => file === `${m}.json` || file.startsWith(`${m}-`) || file.startsWith(`${m}.json`) || file.startsWith(`${m}.`),
    );
    if (id && /\.(json|m?js)$/.test(file)) found.push(id);
  }
  return found;
}
