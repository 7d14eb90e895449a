/**
 * The models picked for comparison on the home page (two to four), kept across page loads.
 */

const key = "archgal-compare";
export const maxCompare = 4;

export function loadSelection(valid: (id: string) => boolean): string[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string" && valid(x)).slice(0, maxCompare) : [];
  } catch {
    return [];
  }
}

export function saveSelection(ids: readonly string[]): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(ids));
  } catch {
    /* storage unavailable: the selection lasts for this page */
  }
}

/**
 * Adds or removes `id`. A full selection takes no more: the picks stay as they were and `full` says so, so the
 * page can tell the visitor to remove one first (nothing is dropped behind their back).
 */
export function toggleSelection(ids: readonly string[], id: string): { ids: string[]; full: boolean } {
  if (ids.includes(id)) return { ids: ids.filter((x) => x !== id), full: false };
  if (ids.length >= maxCompare) return { ids: [...ids], full: true };
  return { ids: [...ids, id], full: false };
}
