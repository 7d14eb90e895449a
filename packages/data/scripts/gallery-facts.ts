// The gallery's published fact-sheet values, kept in the repository as data (gallery/gallery-facts.json,
// attributed to Sebastian Raschka's LLM Architecture Gallery), for the dataset tests and the per-model check.
import { readFileSync } from "node:fs";

/** One model's fact sheet in the gallery, as the facts file records it. */
export interface GalleryFact {
  id: string;
  title: string;
  /** The listing it appeared in (`2026-05-27` for the fixed listing). */
  listed: string;
  date?: string;
  scale?: string;
  context?: string;
  decoderType: string;
  attention: string;
  layerMix: string;
  /** e.g. `68.6 KiB`, `0 B`. */
  kvCachePerToken?: string;
  kvLabel?: string;
  config?: string;
  /** Hashes of the fact sheet's word 6-grams (see {@link wordingFingerprint}). */
  wordingFingerprint?: string[];
}

/** The whole facts file. */
export interface GalleryFacts {
  source: unknown;
  scope: unknown;
  /** Older models the gallery refers to, which the dataset must have too. */
  referenceModels: string[];
  models: GalleryFact[];
}

export const galleryFactsUrl = new URL("../gallery/gallery-facts.json", import.meta.url);

/** The whole facts file: `{ source, scope, referenceModels, models: [...] }`. */
export function readGalleryFacts(): GalleryFacts {
  return JSON.parse(readFileSync(galleryFactsUrl, "utf8")) as GalleryFacts;
}

/** Fact sheets keyed by our model id. */
export function galleryById(facts: GalleryFacts = readGalleryFacts()): Map<string, GalleryFact> {
  return new Map(facts.models.map((m) => [m.id, m]));
}

const units = { B: 1, KiB: 1024, MiB: 1024 * 1024 } as const;

/** The gallery's KV cache per token in bytes ("68.6 KiB" → 70246.4; "0 B" → 0); undefined when not given. */
export function galleryKvBytes(fact: Pick<GalleryFact, "kvCachePerToken"> | undefined): number | undefined {
  const m = /^([\d.]+)\s*(B|KiB|MiB)$/.exec(fact?.kvCachePerToken ?? "");
  if (!m) return undefined;
  return Number(m[1]) * units[m[2] as keyof typeof units];
}

/** Word 6-grams of a text (lower case, punctuation dropped). */
export function shingles(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return words.slice(0, Math.max(0, words.length - 5)).map((_, i) => words.slice(i, i + 6).join(" "));
}

/** 32-bit FNV-1a of a string, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Sorted, distinct hashes of a text's word 6-grams: lets tests compare wording without storing the text. */
export function wordingFingerprint(text: string): string[] {
  return [...new Set(shingles(text).map(fnv1a))].sort();
}
