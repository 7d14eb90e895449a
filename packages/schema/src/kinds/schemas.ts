/**
 * The zod/mini schema of every core kind, keyed by kind and checked by the compiler: a kind without a schema,
 * or a schema that disagrees with the kind's documented interface, does not compile. (Kept apart from
 * `registry.ts` so that the metrics entry stays free of zod.)
 */
import type * as z from "zod/mini";
import type { Ffn, Mixer } from "../spec-types.js";
import { AttentionMixerSchema } from "./mixers/attention.schema.js";
import { MlaMixerSchema } from "./mixers/mla.schema.js";
import { GdlaMixerSchema } from "./mixers/gdla.schema.js";
import { CompressedAttentionMixerSchema } from "./mixers/compressed-attention.schema.js";
import { Csa2MixerSchema } from "./mixers/csa2.schema.js";
import { CcaMixerSchema } from "./mixers/cca.schema.js";
import { GatedDeltaNetMixerSchema } from "./mixers/gated-deltanet.schema.js";
import { KimiDeltaMixerSchema } from "./mixers/kimi-delta.schema.js";
import { LightningMixerSchema } from "./mixers/lightning.schema.js";
import { Mamba2MixerSchema } from "./mixers/mamba2.schema.js";
import { MlstmMixerSchema } from "./mixers/mlstm.schema.js";
import { ShortConvMixerSchema } from "./mixers/short-conv.schema.js";
import { MiniMaxSparseMixerSchema } from "./mixers/minimax-sparse.schema.js";
import { QwenSparseMixerSchema } from "./mixers/qwen-sparse.schema.js";
import { MlpFfnSchema } from "./ffns/mlp.schema.js";
import { MoeFfnSchema } from "./ffns/moe.schema.js";

export {
  AttentionMixerSchema,
  MlaMixerSchema,
  GdlaMixerSchema,
  CompressedAttentionMixerSchema,
  Csa2MixerSchema,
  CcaMixerSchema,
  GatedDeltaNetMixerSchema,
  KimiDeltaMixerSchema,
  LightningMixerSchema,
  Mamba2MixerSchema,
  MlstmMixerSchema,
  ShortConvMixerSchema,
  MiniMaxSparseMixerSchema,
  QwenSparseMixerSchema,
  MlpFfnSchema,
  MoeFfnSchema,
};

type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
/** A schema whose output is exactly `T` (a `never` in place of the schema when it is not). */
type ExactSchema<T, S> = S extends z.ZodMiniType ? (Equals<z.output<S>, T> extends true ? S : never) : never;

const mixerSchemaByKind = {
  attention: AttentionMixerSchema,
  mla: MlaMixerSchema,
  gdla: GdlaMixerSchema,
  "compressed-attention": CompressedAttentionMixerSchema,
  csa2: Csa2MixerSchema,
  cca: CcaMixerSchema,
  "gated-deltanet": GatedDeltaNetMixerSchema,
  "kimi-delta": KimiDeltaMixerSchema,
  lightning: LightningMixerSchema,
  mamba2: Mamba2MixerSchema,
  mlstm: MlstmMixerSchema,
  "short-conv": ShortConvMixerSchema,
  "minimax-sparse": MiniMaxSparseMixerSchema,
  "qwen-sparse": QwenSparseMixerSchema,
} as const;
const ffnSchemaByKind = { mlp: MlpFfnSchema, moe: MoeFfnSchema } as const;

/** Each core mixer kind's schema, by kind; each must output exactly its kind's interface. */
export const coreMixerSchemaByKind: { [K in Mixer["kind"]]: ExactSchema<Extract<Mixer, { kind: K }>, (typeof mixerSchemaByKind)[K]> } =
  mixerSchemaByKind;
/** Each core FFN kind's schema, by kind. */
export const coreFfnSchemaByKind: { [K in Ffn["kind"]]: ExactSchema<Extract<Ffn, { kind: K }>, (typeof ffnSchemaByKind)[K]> } =
  ffnSchemaByKind;

/** Mixer kinds known to this version of the schema. */
export const mixerKinds = Object.keys(mixerSchemaByKind) as Mixer["kind"][];
/** FFN kinds known to this version of the schema. */
export const ffnKinds = Object.keys(ffnSchemaByKind) as Ffn["kind"][];

/** The core mixer schemas, in kind order (the options of the mixer union). */
export const coreMixerSchemas = Object.values(mixerSchemaByKind) as unknown as readonly [
  typeof AttentionMixerSchema,
  ...(typeof mixerSchemaByKind)[Mixer["kind"]][],
];
/** The core FFN schemas. */
export const coreFfnSchemas = [MlpFfnSchema, MoeFfnSchema] as const;
