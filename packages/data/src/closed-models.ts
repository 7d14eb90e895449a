/**
 * Closed models people look for: their creators have not published the architecture, so the dataset has no
 * spec for them. Each entry says what the creator has officially stated (with the document) and which open
 * models in the dataset come from the same creator or the same research line. No figure from anywhere else
 * (leaks, estimates, rumours) is recorded.
 */

/** A creator's official statement about a closed model, with the document it is in. */
export interface OfficialStatement {
  /** What the document says about the architecture, in short. */
  says: string;
  /** The document: a URL. */
  source: string;
  /** The document's title. */
  title: string;
}

/** A closed model (or family) the dataset cannot describe. */
export interface ClosedModel {
  /** Stable key, e.g. `gpt-4`. */
  id: string;
  /** Display name. */
  name: string;
  /** Creator. */
  org: string;
  /** Names it is looked up by (lower case, words joined by `-`); the longest matching one wins. */
  aliases: string[];
  /** What the creator has stated about the architecture; empty when nothing. */
  statements: OfficialStatement[];
  /** Dataset ids of open models from the same creator or research line, newest first. */
  openRelatives: string[];
  /** How the open relatives relate, in one line. */
  relation?: string;
}

/** Closed models, with what their creators have stated. */
export const closedModels: readonly ClosedModel[] = [
  {
    id: "gpt-4",
    name: "GPT-4",
    org: "OpenAI",
    aliases: ["gpt-4", "gpt4", "gpt-4-turbo", "chatgpt-4"],
    statements: [
      {
        says: "A Transformer-style model pre-trained to predict the next token; the report deliberately gives no further architecture details (not even model size).",
        source: "https://arxiv.org/abs/2303.08774",
        title: "GPT-4 Technical Report (OpenAI, 2023), section 2",
      },
    ],
    openRelatives: ["gpt-oss-120b", "gpt-oss-20b"],
    relation: "OpenAI's open-weight models, with published architecture",
  },
  {
    id: "gpt-4o",
    name: "GPT-4o",
    org: "OpenAI",
    aliases: ["gpt-4o", "gpt4o", "gpt-4o-mini", "chatgpt-4o"],
    statements: [
      {
        says: "An autoregressive 'omni' model trained end to end across text, vision and audio, all handled by the same network; no architecture details or size.",
        source: "https://arxiv.org/abs/2410.21276",
        title: "GPT-4o System Card (OpenAI, 2024)",
      },
    ],
    openRelatives: ["gpt-oss-120b", "gpt-oss-20b"],
    relation: "OpenAI's open-weight models, with published architecture",
  },
  {
    id: "gpt-5",
    name: "GPT-5",
    org: "OpenAI",
    aliases: ["gpt-5", "gpt5", "gpt-5-mini", "gpt-5-nano", "gpt-5-thinking", "chatgpt-5"],
    statements: [
      {
        says: "A system rather than one network: a fast model, a deeper reasoning model and a real-time router choosing between them; no architecture details or size.",
        source: "https://openai.com/index/introducing-gpt-5/",
        title: "Introducing GPT-5 (OpenAI, 2025)",
      },
    ],
    openRelatives: ["gpt-oss-120b", "gpt-oss-20b"],
    relation: "OpenAI's open-weight models, with published architecture",
  },
  {
    id: "gemini",
    name: "Gemini",
    org: "Google DeepMind",
    aliases: [
      "gemini",
      "gemini-1",
      "gemini-1.0",
      "gemini-ultra",
      "gemini-pro",
      "gemini-nano",
      "gemini-1.5",
      "gemini-2",
      "gemini-2.0",
      "gemini-2.5",
      "gemini-3",
      "bard",
    ],
    statements: [
      {
        says: "Gemini 1.0: Transformer decoders with architecture and optimisation improvements, 32k context, efficient attention such as multi-query attention; sizes not given.",
        source: "https://arxiv.org/abs/2312.11805",
        title: "Gemini: A Family of Highly Capable Multimodal Models (Google, 2023)",
      },
      {
        says: "Gemini 1.5: a sparse mixture-of-experts Transformer; expert counts and sizes not given.",
        source: "https://arxiv.org/abs/2403.05530",
        title: "Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context (Google, 2024)",
      },
    ],
    openRelatives: ["gemma-4-31b", "gemma-4-26b-a4b", "gemma-4-e4b", "gemma-4-e2b", "gemma-3-27b", "gemma-3-270m", "gemma-2-9b"],
    relation: "Google's open Gemma models, which Google says are built from the research and technology behind Gemini",
  },
  {
    id: "claude-3",
    name: "Claude 3",
    org: "Anthropic",
    aliases: [
      "claude-3",
      "claude-3-opus",
      "claude-3-sonnet",
      "claude-3-haiku",
      "claude-3.5",
      "claude-3.5-sonnet",
      "claude-3.5-haiku",
      "claude-3.7",
      "claude-3.7-sonnet",
      "claude-2",
      "claude-instant",
    ],
    statements: [],
    openRelatives: [],
    relation: "Anthropic has released no open-weight model",
  },
  {
    id: "claude-4",
    name: "Claude 4",
    org: "Anthropic",
    aliases: [
      "claude",
      "claude-4",
      "claude-opus-4",
      "claude-sonnet-4",
      "claude-haiku-4",
      "claude-opus-4.1",
      "claude-sonnet-4.5",
      "claude-haiku-4.5",
      "claude-opus-4.5",
    ],
    statements: [],
    openRelatives: [],
    relation: "Anthropic has released no open-weight model",
  },
];

/** A name as it is looked up: lower case, runs of spaces, underscores and dashes as one `-`. */
const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-");

/**
 * The closed model a name refers to, or `undefined`. A name matches an alias when it is the alias or starts with
 * it followed by `-` (`gpt-4-0613` → GPT-4, `claude-3-opus-20240229` → Claude 3); the longest alias wins
 * (`gpt-4o` → GPT-4o, not GPT-4).
 */
export function findClosedModel(name: string): ClosedModel | undefined {
  const q = normalise(name);
  if (!q) return undefined;
  let best: { model: ClosedModel; length: number } | undefined;
  for (const model of closedModels) {
    for (const alias of model.aliases) {
      if ((q === alias || q.startsWith(`${alias}-`)) && alias.length > (best?.length ?? 0)) best = { model, length: alias.length };
    }
  }
  return best?.model;
}

/** One paragraph for a person who asked for a closed model: not published, what was stated, open relatives. */
export function describeClosedModel(model: ClosedModel): string {
  const stated = model.statements.length
    ? ` What ${model.org} has stated: ${model.statements.map((s) => `${s.says} (${s.title}, ${s.source})`).join(" ")}`
    : " No official statement about its architecture is recorded.";
  const relatives = model.openRelatives.length
    ? ` Open relatives in the dataset (${model.relation ?? "same creator"}): ${model.openRelatives.join(", ")}.`
    : model.relation
      ? ` ${model.relation}.`
      : "";
  return `${model.name} is a closed model: ${model.org} has not published its architecture, so there is no spec for it.${stated}${relatives}`;
}
