/**
 * fast-check configuration for the whole suite. CI runs a fixed seed so that every run checks the same inputs
 * (a red build always means a change, never luck); `pnpm --filter @archgal/quality fuzz` explores with fresh
 * seeds and more runs (QUALITY_SEED=random, QUALITY_RUNS=<multiplier>).
 */
import fc from "fast-check";

const seedEnv = process.env.QUALITY_SEED ?? "20261123";
const seed = seedEnv === "random" ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(seedEnv);
fc.configureGlobal({ seed, verbose: 1 });
if (seedEnv === "random") console.log(`fast-check seed ${seed} (QUALITY_SEED=${seed} reproduces this run)`);
