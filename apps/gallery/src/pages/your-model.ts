/**
 * "Your model": paste, drop or pick a Hugging Face config.json (or an archgal spec, or a safetensors header /
 * index) and see what the gallery shows for its own models: the figure with panels and popovers, the fact
 * sheet, the parameter breakdown, the memory calculator, the importer's warnings and a comparison with any
 * gallery model. Everything runs in the browser; the importer is loaded only by this page (dynamic import).
 * The spec travels in the address fragment (`#spec=…`), which browsers never send to a server.
 */
import "../site/page-init.js";
import "./your-model.css";
import "@archgal/components/define.js";
import { loadModel, models } from "@archgal/data";
import {
  compareText,
  formatCount,
  formatInt,
  modelStats,
  type DatasetEntry,
  type ModelSpec,
  type ParamBreakdown,
} from "@archgal/schema/metrics";
import type { SafetensorsCount, SafetensorsShard } from "@archgal/schema/hf";
import { h, replaceChildren } from "../site/dom-builder.js";
import { decoderClass } from "../site/model-format.js";
import { SpecLinkError, decodeSpecLink, encodeSpecLink, specParam } from "../site/spec-link.js";
import { currentTheme, onThemeChange } from "../site/theme.js";
import { memoryCalculator } from "../views/memory-calculator.js";
import { exampleConfig } from "../views/example-config.js";
import { componentStyles, paramChart } from "../views/param-chart.js";

/** Largest JSON text read from a paste or a file (real configs are a few KB, specs a few tens). */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

const app = document.getElementById("your-model-app")!;
const results = h("div", { id: "your-model-results" });
const statusLine = h("p", { class: "status", role: "status", id: "byo-status" });
const errorSlot = h("div", { id: "byo-error-slot" });
/** Set while a checkpoint is being counted: its errors leave the model on show. */
let counting = false;

/** A problem to show: a headline and, when known, one line per config key. */
interface Problem {
  title: string;
  lines?: string[];
}

class ShownError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

const fail = (title: string, lines?: string[]): never => {
  throw new ShownError({ title, ...(lines ? { lines } : {}) });
};

function showError(problem: Problem): void {
  if (!counting) replaceChildren(results);
  replaceChildren(
    errorSlot,
    h(
      "div",
      { class: "error-box byo-error", role: "alert", id: "byo-error" },
      h("strong", null, problem.title),
      problem.lines?.length
        ? h(
            "ul",
            null,
            problem.lines.map((l) => h("li", null, h("code", null, l))),
          )
        : null,
    ),
  );
}

function section(title: string, id: string, ...children: (Node | string | null | Node[])[]): HTMLElement {
  return h("section", { class: "panel", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

// ---- reading the input ------------------------------------------------------------------------------------

const schemaHf = () => import("@archgal/schema/hf");
const schemaMain = () => import("@archgal/schema");

function parseJson(text: string, label: string): unknown {
  if (text.trim() === "") fail(`${label} is empty: paste a config.json, or drop a file`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return fail(`${label} is not valid JSON`, [(error as Error).message]);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A safetensors header as JSON: every entry but `__metadata__` has dtype, shape and data_offsets. */
function looksLikeHeader(json: Record<string, unknown>): boolean {
  const entries = Object.entries(json).filter(([k]) => k !== "__metadata__");
  return entries.length > 0 && entries.every(([, v]) => isObject(v) && "dtype" in v && "data_offsets" in v);
}

/** A spec from JSON that is an archgal spec or a Hugging Face config.json, with the importer's warnings. */
async function specFromJson(json: unknown, label: string): Promise<{ spec: ModelSpec; warnings: string[]; origin: string }> {
  if (!isObject(json))
    return fail(`${label} must be a JSON object (a config.json or an archgal spec), got ${Array.isArray(json) ? "an array" : typeof json}`);
  if ("architecture" in json) {
    const { validateSpec, formatIssues } = await schemaMain();
    const result = validateSpec(json);
    if (!result.success) return fail(`${label} looks like an archgal spec, but it is not valid`, formatIssues(result.issues).split("\n"));
    return { spec: result.data, warnings: [], origin: "an archgal spec" };
  }
  const { importHuggingFaceConfig, HfImportError, slugId } = await schemaHf();
  const name = nameField.value.trim().slice(0, 120);
  try {
    const { spec, warnings } = importHuggingFaceConfig(json, name ? { name, id: slugId(name) || "my-model" } : {});
    const type = typeof json.model_type === "string" ? ` (model_type "${json.model_type}")` : "";
    return { spec, warnings, origin: `a Hugging Face config.json${type}` };
  } catch (error) {
    if (error instanceof HfImportError)
      return fail(
        `${label} cannot be imported as a Hugging Face config.json`,
        error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
      );
    throw error;
  }
}

/** Only the header bytes of a dropped .safetensors file (8 + N), never its weights. */
async function shardOf(file: File): Promise<SafetensorsShard> {
  const { readSafetensorsHeaderBytes, SafetensorsError } = await schemaHf();
  try {
    const header = await readSafetensorsHeaderBytes(async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()));
    return file.size === header.length ? { header } : { header, fileSize: file.size };
  } catch (error) {
    if (error instanceof SafetensorsError) return fail(`${file.name}: ${error.message}`);
    throw error;
  }
}

async function countOf(run: (hf: Awaited<ReturnType<typeof schemaHf>>) => SafetensorsCount): Promise<SafetensorsCount> {
  counting = true;
  const hf = await schemaHf();
  try {
    return run(hf);
  } catch (error) {
    if (error instanceof hf.SafetensorsError) return fail("This checkpoint cannot be counted", [error.message]);
    throw error;
  }
}

async function readText(file: File): Promise<string> {
  if (file.size > MAX_JSON_BYTES)
    fail(`${file.name} is ${formatInt(file.size)} bytes; a config.json or spec is at most ${formatInt(MAX_JSON_BYTES)}`);
  return file.text();
}

/** Current state: the model shown and the last exact count, so a later drop can check one against the other. */
let current: { spec: ModelSpec; warnings: string[]; origin: string } | undefined;
let lastCount: { count: SafetensorsCount; label: string } | undefined;

async function fromFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const safetensors = files.filter((f) => f.name.endsWith(".safetensors"));
  counting = safetensors.length > 0;
  const json = files.filter((f) => !f.name.endsWith(".safetensors"));
  if (json.length > 1)
    fail(`Drop one JSON file at a time (got ${json.map((f) => f.name).join(", ")}), or an index.json with its .safetensors shards`);
  const jsonFile = json[0];
  if (jsonFile) {
    const parsed = parseJson(await readText(jsonFile), jsonFile.name);
    if (isObject(parsed) && "weight_map" in parsed) {
      const shards: Record<string, SafetensorsShard> = {};
      for (const f of safetensors) shards[f.name] = await shardOf(f);
      const count = await countOf((hf) => {
        const needed = hf.parseSafetensorsIndex(parsed).shardFiles.filter((f) => !(f in shards));
        if (needed.length)
          fail(
            `${jsonFile.name} names ${needed.length} shard file${needed.length === 1 ? "" : "s"} that were not dropped with it`,
            needed.slice(0, 8),
          );
        return hf.countSafetensors({ index: parsed, shards }, mainLayers());
      });
      return showCount(count, jsonFile.name);
    }
    if (safetensors.length) fail(`Drop .safetensors files alone, or with their model.safetensors.index.json (not with ${jsonFile.name})`);
    return fromJson(parsed, jsonFile.name);
  }
  if (safetensors.length > 1) fail("Several .safetensors files: drop them together with their model.safetensors.index.json");
  const shard = await shardOf(safetensors[0]!);
  return showCount(await countOf((hf) => hf.countSafetensors(shard, mainLayers())), safetensors[0]!.name);
}

const mainLayers = () => (current?.spec.architecture.mtp ? { mainLayers: current.spec.architecture.numLayers } : {});

async function fromJson(json: unknown, label: string): Promise<void> {
  if (isObject(json) && looksLikeHeader(json)) {
    const bytes = new TextEncoder().encode(JSON.stringify(json));
    return showCount(await countOf((hf) => hf.countSafetensors(bytes, mainLayers())), label);
  }
  if (isObject(json) && "weight_map" in json)
    fail(`${label} is a sharded index: drop it together with its .safetensors shard files to count them`);
  current = await specFromJson(json, label);
  await showModel(current, true);
}

async function run(task: () => Promise<void>): Promise<void> {
  statusLine.textContent = "Reading…";
  replaceChildren(errorSlot);
  counting = false;
  let failed = false;
  try {
    await task();
  } catch (error) {
    failed = true;
    if (error instanceof ShownError) showError(error.problem);
    else showError({ title: `Unexpected error: ${(error as Error).message}` });
  }
  statusLine.textContent = "";
  // The result (or the error) is below the form: bring it into view.
  (failed ? errorSlot : counting ? (document.getElementById("byo-count") ?? results) : results).scrollIntoView({ block: "start" });
}

// ---- the input panel ----------------------------------------------------------------------------------------

const textarea = h("textarea", {
  id: "byo-config",
  rows: 10,
  spellcheck: "false",
  placeholder: '{\n  "model_type": "llama",\n  "hidden_size": 4096,\n  …\n}',
  "aria-describedby": "byo-privacy",
});
const nameField = h("input", {
  type: "text",
  id: "byo-model-name",
  maxlength: 120,
  placeholder: "from _name_or_path, else model_type",
  autocomplete: "off",
});
const picker = h("input", {
  type: "file",
  id: "byo-file",
  accept: ".json,.safetensors,application/json",
  multiple: true,
  class: "visually-hidden",
  onchange: () => void run(() => fromFiles([...(picker.files ?? [])])),
});
const dropZone = h(
  "div",
  { class: "byo-drop", id: "byo-drop" },
  h("p", null, h("strong", null, "Drop a config.json here"), " — or a spec .json, a .safetensors file, or an index.json with its shards"),
  h("label", { class: "button", for: "byo-file" }, "Choose a file…"),
  picker,
);
for (const type of ["dragenter", "dragover"]) dropZone.addEventListener(type, (e) => (e.preventDefault(), dropZone.classList.add("over")));
dropZone.addEventListener("dragleave", () => dropZone.classList.remove("over"));
dropZone.addEventListener("drop", (event) => {
  event.preventDefault();
  dropZone.classList.remove("over");
  const files = [...((event as DragEvent).dataTransfer?.files ?? [])];
  void run(() => fromFiles(files));
});

const form = h(
  "form",
  {
    onsubmit: (e: Event) => {
      e.preventDefault();
      void run(() => fromJson(parseJson(textarea.value, "The pasted text"), "The pasted text"));
    },
  },
  h(
    "p",
    { class: "byo-privacy", id: "byo-privacy" },
    h("strong", null, "Nothing is uploaded."),
    " The config is read and imported in this browser tab; the share link carries the spec in its # fragment, which browsers never send to a server.",
  ),
  dropZone,
  h("label", { for: "byo-config" }, "…or paste it"),
  textarea,
  h("label", { for: "byo-model-name", class: "byo-name-label" }, "Display name (optional) ", nameField),
  h(
    "div",
    { class: "button-row" },
    h("button", { type: "submit", class: "button primary", id: "byo-import" }, "Show the architecture"),
    h(
      "button",
      {
        type: "button",
        class: "button",
        id: "byo-example",
        title: `The published config.json of ${exampleConfig.name}`,
        onclick: () => {
          textarea.value = exampleConfig.text;
          nameField.value = exampleConfig.name;
          void run(() => fromJson(parseJson(textarea.value, "The example"), "The example"));
        },
      },
      `Try an example (${exampleConfig.name})`,
    ),
  ),
);
// Collapsible, so a shared link opens on the model rather than on an empty form.
const input = h(
  "details",
  { class: "panel byo-input", id: "byo-input", open: true },
  h("summary", null, h("h2", { id: "byo-input-title" }, "Your config")),
  form,
);

replaceChildren(
  app,
  h("p", { class: "breadcrumb" }, h("a", { href: "./" }, "Models"), " / Your model"),
  h("h1", null, "Your model"),
  h(
    "p",
    { class: "lede" },
    "A fine-tune, this morning's release, a config in a pull request: paste its Hugging Face config.json and see it drawn and counted like every model in the gallery.",
  ),
  input,
  statusLine,
  errorSlot,
  results,
);

// ---- the result -------------------------------------------------------------------------------------------

async function shareLink(spec: ModelSpec): Promise<string> {
  const value = await encodeSpecLink(spec);
  const url = new URL(location.href);
  url.hash = `spec=${value}`;
  return url.href;
}

function warningsPanel(warnings: string[], origin: string): HTMLElement {
  return section(
    "What the importer assumed",
    "byo-warnings-title",
    h("p", { class: "gpu-fit", style: "margin-top:0" }, `Read from ${origin}.`),
    warnings.length
      ? h(
          "ul",
          { class: "byo-warnings", id: "byo-warnings" },
          warnings.map((w) => h("li", null, w)),
        )
      : h("p", { id: "byo-warnings" }, "Nothing: every field the importer reads was in the config."),
  );
}

function comparePanel(spec: ModelSpec): HTMLElement {
  const holder = h("div", { class: "byo-compare" });
  const select = h(
    "select",
    {
      id: "byo-compare-with",
      onchange: async () => {
        if (!select.value) return replaceChildren(holder);
        replaceChildren(holder, h("p", { class: "status" }, "Loading…"));
        try {
          const other = await loadModel(select.value);
          const compare = document.createElement("llm-arch-compare") as HTMLElement & { specs: unknown[] };
          compare.setAttribute("view", "both");
          compare.setAttribute("theme", currentTheme());
          compare.specs = [spec, other];
          replaceChildren(holder, compare);
        } catch (error) {
          replaceChildren(
            holder,
            h("div", { class: "error-box", role: "alert" }, `Could not load ${select.value}: ${(error as Error).message}`),
          );
        }
      },
    },
    h("option", { value: "" }, "— pick a gallery model —"),
    [...models].sort((a, b) => compareText(a.name, b.name)).map((m) => h("option", { value: m.id }, `${m.name} (${m.org})`)),
  );
  const panel = section("Compare with", "byo-compare-title", h("label", { for: "byo-compare-with" }, "Gallery model ", select), holder);
  panel.id = "byo-compare";
  return panel;
}

async function showModel(model: { spec: ModelSpec; warnings: string[]; origin: string }, updateHash: boolean): Promise<void> {
  const { spec, warnings, origin } = model;
  const stats = modelStats(spec);
  document.title = `${spec.name} — your model — archgal`;

  const diagram = document.createElement("llm-arch") as HTMLElement & { spec: unknown };
  diagram.setAttribute("view", "diagram");
  diagram.setAttribute("theme", currentTheme());
  const roomy = matchMedia("(min-width: 720px)");
  const setPanels = () => diagram.setAttribute("panels", roomy.matches ? "show" : "auto");
  setPanels();
  roomy.addEventListener("change", setPanels);
  diagram.spec = spec;
  const facts = document.createElement("llm-arch-facts") as HTMLElement & { spec: unknown };
  facts.setAttribute("theme", currentTheme());
  facts.spec = spec;
  onThemeChange((t) => {
    diagram.setAttribute("theme", t);
    facts.setAttribute("theme", t);
  });

  const linkField = h("input", { type: "text", readonly: true, id: "byo-link", "aria-label": "Link to this model", value: "" });
  const linkStatus = h("span", { class: "copy-feedback", role: "status" });
  const copy = h(
    "button",
    {
      type: "button",
      class: "button",
      id: "byo-copy-link",
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(linkField.value);
          linkStatus.textContent = "Copied.";
        } catch {
          linkField.select();
          linkStatus.textContent = "Select the link and copy it.";
        }
      },
    },
    "Copy link",
  );
  const download = h(
    "button",
    {
      type: "button",
      class: "button",
      id: "byo-download-spec",
      onclick: () => {
        const url = URL.createObjectURL(new Blob([JSON.stringify(spec, null, 2)], { type: "application/json" }));
        const a = h("a", { href: url, download: `${spec.id}.json` });
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
    },
    "Download the spec",
  );

  replaceChildren(
    results,
    h(
      "div",
      { class: "model-head" },
      h(
        "div",
        null,
        h("h2", { class: "byo-name", id: "byo-name" }, spec.name),
        h(
          "div",
          { class: "meta" },
          h("span", { class: `badge ${decoderClass(stats.decoderType)}` }, stats.decoderType),
          h("span", { class: "badge" }, stats.attention),
          h("span", null, `${formatCount(stats.params.total)} parameters · ${stats.numLayers} layers`),
        ),
      ),
    ),
    h(
      "div",
      { class: "panel byo-share" },
      h("label", { for: "byo-link" }, "Share: the whole spec is in this link"),
      h("div", { class: "byo-share-row" }, linkField, copy, download, linkStatus),
    ),
    h(
      "section",
      { class: "panel diagram-panel", "aria-labelledby": "byo-diagram-title" },
      h("div", { class: "diagram-toolbar" }, h("h2", { id: "byo-diagram-title" }, "Architecture")),
      diagram,
    ),
    h("div", { class: "two-col" }, section("Fact sheet", "byo-facts-title", facts), warningsPanel(warnings, origin)),
    h(
      "div",
      { class: "two-col" },
      section("Where the parameters are", "byo-params-title", paramChart(stats)),
      section("Memory calculator", "byo-memory-title", memoryCalculator(spec as DatasetEntry)),
    ),
    lastCount ? countPanel(lastCount.count, lastCount.label) : null,
    comparePanel(spec),
  );

  try {
    const link = await shareLink(spec);
    linkField.value = link;
    if (updateHash) history.replaceState(null, "", link);
  } catch (error) {
    linkField.value = "";
    linkStatus.textContent = error instanceof SpecLinkError ? error.message : `No link: ${(error as Error).message}`;
    copy.setAttribute("disabled", "");
  }
}

// ---- exact counts ---------------------------------------------------------------------------------------------

const componentLabel = (key: string) =>
  componentStyles.find((c) => c.key === key)?.label ??
  {
    vision: "Vision / audio encoder",
    quantization: "Quantization scales (not parameters)",
    buffer: "Stored buffers (not parameters)",
    other: "Unclassified",
  }[key] ??
  key;

function countPanel(count: SafetensorsCount, label: string): HTMLElement {
  const spec = current?.spec;
  const computed = spec ? modelStats(spec).params.breakdown : undefined;
  const keys = new Set<string>([
    ...Object.keys(count.byComponent),
    ...(computed
      ? Object.entries(computed)
          .filter(([, v]) => v > 0)
          .map(([k]) => k)
      : []),
  ]);
  const rows = [...keys].map((k) => {
    const ours = count.byComponent[k as keyof SafetensorsCount["byComponent"]] ?? 0;
    const theirs = computed && k in computed ? computed[k as keyof ParamBreakdown] : undefined;
    return { k, ours, theirs };
  });
  const total = computed ? Object.values(computed).reduce((a, n) => a + n, 0) : undefined;
  const panel = section(
    "Exact count from the checkpoint",
    "byo-count-title",
    h(
      "p",
      { id: "byo-count-total" },
      h("strong", null, formatInt(count.total)),
      ` parameters (${formatCount(count.total)}) in ${formatInt(count.tensors)} tensors of ${label}`,
      count.files > 1 ? `, ${count.files} files` : "",
      " — read from the headers only.",
      total !== undefined
        ? total === count.total
          ? ` The same as ${spec!.name}'s computed count.`
          : ` ${spec!.name}'s spec computes ${formatInt(total)}.`
        : "",
    ),
    h(
      "table",
      { class: "fact-table byo-count" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Component"),
          h("th", { scope: "col" }, "Checkpoint"),
          computed ? [h("th", { scope: "col" }, "Spec"), h("th", { scope: "col" }, "Difference")] : null,
        ),
      ),
      h(
        "tbody",
        null,
        rows.map(({ k, ours, theirs }) =>
          h(
            "tr",
            theirs !== undefined && theirs !== ours && k !== "quantization" && k !== "buffer" ? { class: "differs" } : null,
            h("th", { scope: "row" }, componentLabel(k)),
            h("td", null, formatInt(ours)),
            computed
              ? [
                  h("td", null, theirs === undefined ? "—" : formatInt(theirs)),
                  h(
                    "td",
                    null,
                    theirs === undefined || theirs === ours ? "" : `${ours > theirs ? "+" : "−"}${formatInt(Math.abs(ours - theirs))}`,
                  ),
                ]
              : null,
          ),
        ),
      ),
    ),
    h(
      "p",
      { class: "gpu-fit" },
      "By dtype: ",
      Object.entries(count.byDtype)
        .map(([d, n], i) => `${i ? " · " : ""}${d} ${formatCount(n)}`)
        .join(""),
    ),
    count.warnings.map((w) => h("p", { class: "gpu-fit" }, `Note: ${w}.`)),
    count.unclassified.length ? h("p", { class: "gpu-fit" }, `Unclassified tensors: ${count.unclassified.join(", ")}`) : null,
  );
  panel.id = "byo-count";
  return panel;
}

function showCount(count: SafetensorsCount, label: string): void {
  lastCount = { count, label };
  const shown = document.getElementById("byo-name");
  if (current && shown) {
    // Beside the model already shown (keeping its comparison): replace the earlier count, or add one.
    const panel = countPanel(count, label);
    const old = document.getElementById("byo-count");
    if (old) old.replaceWith(panel);
    else document.getElementById("byo-compare")?.before(panel);
    return;
  }
  replaceChildren(
    results,
    countPanel(count, label),
    h("p", { class: "gpu-fit" }, "Drop its config.json too, to check the count against the architecture."),
  );
}

// ---- a shared link --------------------------------------------------------------------------------------------

const linked = specParam(location.hash);
if (linked) {
  input.open = false;
  void run(async () => {
    let json: unknown;
    try {
      json = await decodeSpecLink(linked);
    } catch (error) {
      if (error instanceof SpecLinkError) fail(`This link cannot be opened: ${error.message}`);
      throw error;
    }
    current = await specFromJson(json, "The linked spec");
    current = { ...current, origin: "a shared link" };
    await showModel(current, false);
  });
}
