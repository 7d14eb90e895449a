/**
 * Typed access to the fields of a config.json that collects every problem instead of stopping at the first.
 *
 * Each accessor takes a key, or a list of alias keys (the first present one wins, e.g. `["n_embd", "hidden_size"]`),
 * and either a class default (used when the key is absent or `null`, and recorded so the importer can say so) or
 * nothing, which makes the field required. A value of the wrong type records a problem and yields a harmless
 * placeholder so that reading can go on and report everything wrong with the config at once.
 */
import { describeValue, maxLayers } from "../spec-schema.js";
import type { HfImportProblem } from "./errors.js";

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A key or alias keys, first present wins. */
export type Keys = string | readonly string[];

/** A field that was absent from the config and took a default. */
export interface DefaultUse {
  /** Dotted path of the field. */
  path: string;
  /** The value used. */
  value: unknown;
}

interface Log {
  problems: HfImportProblem[];
  warnings: string[];
  defaults: DefaultUse[];
  /** Dotted paths of every key an importer asked for (present or not). */
  read: Set<string>;
}

/** Whether an object has `key` as an own property (never inherited: `constructor`, `__proto__`, …). */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The own value of `key`, or undefined. */
export function ownValue<V>(obj: Readonly<Record<string, V>>, key: string): V | undefined {
  return hasOwn(obj, key) ? obj[key] : undefined;
}

const aliases = (keys: Keys): readonly string[] => (typeof keys === "string" ? [keys] : keys);

/** Reads one config object (or a nested part of it), sharing its problem log with its parent. */
export class ConfigReader {
  private readonly log: Log;

  /**
   * @param raw The config object.
   * @param prefix Path of this object inside the config, e.g. `text_config`.
   */
  constructor(
    readonly raw: JsonObject,
    readonly prefix = "",
    log?: Log,
  ) {
    this.log = log ?? { problems: [], warnings: [], defaults: [], read: new Set() };
  }

  /** Problems found so far, here and in nested readers. */
  get problems(): readonly HfImportProblem[] {
    return this.log.problems;
  }

  /** Warnings recorded so far. */
  get warnings(): readonly string[] {
    return this.log.warnings;
  }

  /** Fields that took a default so far. */
  get defaults(): readonly DefaultUse[] {
    return this.log.defaults;
  }

  /** Dotted paths of the keys read so far, here and in nested readers. */
  get readKeys(): ReadonlySet<string> {
    return this.log.read;
  }

  /** Marks keys as understood without reading them (fields known to hold no parameters). */
  markRead(keys: Keys): void {
    for (const key of aliases(keys)) this.log.read.add(this.pathOf(key));
  }

  /** Dotted path of a key of this object. */
  pathOf(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  /** The first alias present with a non-null value. */
  private find(keys: Keys): { key: string; value: unknown } | undefined {
    for (const key of aliases(keys)) {
      this.log.read.add(this.pathOf(key));
      if (!hasOwn(this.raw, key)) continue;
      const value = this.raw[key];
      if (value !== undefined && value !== null) return { key, value };
    }
    return undefined;
  }

  private label(keys: Keys): string {
    const [first, ...rest] = aliases(keys).map((k) => `"${this.pathOf(k)}"`);
    return rest.length ? `${first} (or ${rest.join(", ")})` : (first ?? "");
  }

  /** Records a problem at a key (the first present alias), or at this object itself for `""`. */
  problem(keys: Keys, message: string): void {
    const key = keys === "" ? "" : (this.find(keys)?.key ?? aliases(keys)[0] ?? "");
    this.log.problems.push({ path: key === "" ? this.prefix : this.pathOf(key), message });
  }

  /** Records a warning. */
  warn(message: string): void {
    if (!this.log.warnings.includes(message)) this.log.warnings.push(message);
  }

  /** Whether any alias is present with a non-null value. */
  has(keys: Keys): boolean {
    return this.find(keys) !== undefined;
  }

  /** Whether any alias is present, even as `null`. */
  present(keys: Keys): boolean {
    this.markRead(keys);
    return aliases(keys).some((key) => hasOwn(this.raw, key));
  }

  /** A reader for a nested object, or undefined when absent. Records a problem when present but not an object. */
  child(key: string): ConfigReader | undefined {
    const found = this.find(key);
    if (!found) return undefined;
    if (!isJsonObject(found.value)) {
      this.problem(key, `expected an object, got ${describeValue(found.value)}`);
      return undefined;
    }
    return new ConfigReader(found.value, this.pathOf(key), this.log);
  }

  /** A reader for a nested object; an empty one (sharing this log) when absent or not an object. */
  childOrEmpty(key: string): ConfigReader {
    return this.child(key) ?? new ConfigReader({}, this.pathOf(key), this.log);
  }

  private missing(keys: Keys): void {
    this.log.problems.push({ path: this.pathOf(aliases(keys)[0] ?? ""), message: `missing required field ${this.label(keys)}` });
  }

  /** Forgets a recorded default for `key` (a value that turned out to come from elsewhere, e.g. a wrapper config). */
  dropDefault(key: string): void {
    const path = this.pathOf(key);
    const i = this.log.defaults.findIndex((d) => d.path === path);
    if (i >= 0) this.log.defaults.splice(i, 1);
  }

  /** Records that a field absent from the config took `value`, and returns it. */
  useDefault<V>(keys: Keys, value: V): V {
    this.log.defaults.push({ path: this.pathOf(aliases(keys)[0] ?? ""), value });
    return value;
  }

  private integer(keys: Keys, min: 0 | 1): number | undefined {
    const found = this.find(keys);
    if (!found) return undefined;
    const { key, value } = found;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      const what = min === 1 ? "a positive integer" : "a non-negative integer";
      this.problem(key, `expected ${what}, got ${describeValue(value)}`);
      return Math.max(min, 1);
    }
    return value;
  }

  /** A positive integer; required when no default is given. */
  size(keys: Keys, fallback?: number): number {
    const value = this.integer(keys, 1);
    if (value !== undefined) return value;
    if (fallback !== undefined) return this.useDefault(keys, fallback);
    this.missing(keys);
    return 1;
  }

  /**
   * A layer count: a positive integer no larger than the spec's layer cap, checked before any per-layer list is
   * built; required when no default is given.
   */
  layers(keys: Keys, fallback?: number): number {
    const value = this.integer(keys, 1);
    if (value !== undefined && value > maxLayers) {
      this.problem(keys, `expected at most ${maxLayers} layers, got ${value}`);
      return 1;
    }
    return value ?? this.size(keys, fallback);
  }

  /** A positive integer, or undefined when absent or null. */
  optSize(keys: Keys): number | undefined {
    return this.integer(keys, 1);
  }

  /** A non-negative integer with a default. */
  count(keys: Keys, fallback: number): number {
    const value = this.integer(keys, 0);
    return value ?? this.useDefault(keys, fallback);
  }

  /** A finite number, or undefined when absent or null. */
  optNum(keys: Keys, check?: { positive?: boolean }): number | undefined {
    const found = this.find(keys);
    if (!found) return undefined;
    const { key, value } = found;
    if (typeof value !== "number" || !Number.isFinite(value) || (check?.positive && value <= 0)) {
      this.problem(key, `expected ${check?.positive ? "a positive number" : "a number"}, got ${describeValue(value)}`);
      return undefined;
    }
    return value;
  }

  /** A finite number with a default. */
  num(keys: Keys, fallback: number, check?: { positive?: boolean }): number {
    if (!this.has(keys)) return this.useDefault(keys, fallback);
    return this.optNum(keys, check) ?? fallback;
  }

  /** A boolean with a default. */
  flag(keys: Keys, fallback: boolean): boolean {
    const found = this.find(keys);
    if (!found) return this.useDefault(keys, fallback);
    if (typeof found.value !== "boolean") {
      this.problem(found.key, `expected true or false, got ${describeValue(found.value)}`);
      return fallback;
    }
    return found.value;
  }

  /** A string, or undefined when absent or null. */
  optStr(keys: Keys): string | undefined {
    const found = this.find(keys);
    if (!found) return undefined;
    if (typeof found.value !== "string") {
      this.problem(found.key, `expected a string, got ${describeValue(found.value)}`);
      return undefined;
    }
    return found.value;
  }

  /** A string with a default. */
  str(keys: Keys, fallback: string): string {
    if (!this.has(keys)) return this.useDefault(keys, fallback);
    return this.optStr(keys) ?? fallback;
  }

  /** A list of non-negative integers, or undefined when absent or null. */
  intList(keys: Keys): number[] | undefined {
    const found = this.find(keys);
    if (!found) return undefined;
    const { key, value } = found;
    if (!Array.isArray(value) || !value.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0)) {
      this.problem(key, `expected a list of non-negative integers, got ${describeValue(value)}`);
      return undefined;
    }
    return value as number[];
  }

  /** A list of strings, or undefined when absent or null. */
  strList(keys: Keys): string[] | undefined {
    const found = this.find(keys);
    if (!found) return undefined;
    const { key, value } = found;
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      this.problem(key, `expected a list of strings, got ${describeValue(value)}`);
      return undefined;
    }
    return value as string[];
  }

  /** The raw value of the first present alias (for fields that take several types). */
  value(keys: Keys): unknown {
    return this.find(keys)?.value;
  }
}
