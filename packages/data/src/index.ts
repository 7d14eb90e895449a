/**
 * `@archgal/data`: every model of the LLM Architecture Gallery and more, as validated specs.
 *
 * @example
 * ```ts
 * import { models, getModel, loadModel } from "@archgal/data";
 * import { modelStats } from "@archgal/schema";
 *
 * console.log(models.length, getModel("deepseek-v3")?.params.total);
 * const spec = await loadModel("deepseek-v3"); // loads only this model's file
 * console.log(modelStats(spec).kvCacheBytesPerToken);
 * ```
 *
 * @packageDocumentation
 */
import type { DatasetEntry, NewMechanism } from "@archgal/schema";
import { index, loaders } from "./index.generated.js";
import type { ModelIndexEntry } from "./index-entry.js";
import { describeClosedModel, findClosedModel, type ClosedModel } from "./closed-models.js";

export type { ModelIndexEntry } from "./index-entry.js";
export { closedModels, describeClosedModel, findClosedModel, type ClosedModel, type OfficialStatement } from "./closed-models.js";

/** The light index of every model, oldest first. */
export const models: readonly ModelIndexEntry[] = index;

/** Every model id, oldest first. */
export const modelIds: readonly string[] = index.map((m) => m.id);

const byId = new Map(index.map((m) => [m.id, m]));

/** The index entry of a model, or `undefined` for an unknown id. */
export function getModel(id: string): ModelIndexEntry | undefined {
  return byId.get(id);
}

/** Whether the dataset has a model with this id. */
export function hasModel(id: string): boolean {
  return byId.has(id);
}

/**
 * What sets a dataset model apart from its family, each mechanism with the definitions carrying it: computed at
 * build time over the whole dataset (`@archgal/schema/family`'s `newMechanisms`: its `derivedFrom` model, else
 * its organisation's earlier models, else the plain decoder). `[]` when nothing is new, `undefined` for an id the
 * dataset does not have. Pass it as the renderer's `highlight` option to outline those parts in the accent
 * colour. A module of its own, loaded on the first call, so that a page listing models does not carry it.
 *
 * @example
 * ```ts
 * (await newMechanismsOf("deepseek-v3.2"))?.map((m) => m.tag); // ["DSA"]
 * ```
 */
export async function newMechanismsOf(id: string): Promise<readonly NewMechanism[] | undefined> {
  if (!byId.has(id)) return undefined;
  const { newMechanismsById } = await import("./new-mechanisms.generated.js");
  return Object.hasOwn(newMechanismsById, id) ? newMechanismsById[id] : [];
}

/**
 * Thrown by {@link loadModel} for an id the dataset does not have. For a closed model (`gpt-4`, `gemini`,
 * `claude-3-opus`, …) the message says that its creator has not published the architecture, what the creator
 * has stated, and which open models to look at instead; `closed` holds the same as data.
 */
export class UnknownModelError extends Error {
  /** The id asked for. */
  readonly id: string;
  /** The closed model the id names, if it names one. */
  readonly closed: ClosedModel | undefined;
  constructor(id: string) {
    const closed = findClosedModel(id);
    const close = modelIds.filter((m) => m.startsWith(id.split(/[-.]/)[0] ?? id)).slice(0, 5);
    super(
      closed
        ? `unknown model "${id}": ${describeClosedModel(closed)}`
        : `unknown model "${id}"${close.length ? `; did you mean ${close.join(", ")}?` : ""}`,
    );
    this.name = "UnknownModelError";
    this.id = id;
    this.closed = closed;
  }
}

/**
 * Loads one model's full spec. Only that model's file is fetched or read (each is its own module),
 * so a page that shows one diagram downloads one model.
 */
export async function loadModel(id: string): Promise<DatasetEntry> {
  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  if (!load) throw new UnknownModelError(id);
  const mod = await load();
  return mod.default as DatasetEntry;
}

/** Loads every model's spec (oldest first). */
export async function loadAllModels(): Promise<DatasetEntry[]> {
  return Promise.all(modelIds.map((id) => loadModel(id)));
}
