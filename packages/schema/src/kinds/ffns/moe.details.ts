/** The popover rows and relation checks of `MoeFfn` (loaded by the popover and the validator, not by the figure). */
import type { FfnKindDetails, RelationIssue } from "../mixer-kind.js";
import type { MoeFfn } from "./moe.js";
import type { Concept } from "../../concepts/concept.js";
import { formatInt } from "../../format.js";
import { activationText } from "../details-kit.js";

export const moeDetails = {
  concepts: (f) => ["MoE", ...(f.sharedExperts ? (["shared-expert"] as Concept[]) : [])],
  facts(f) {
    const rows: [string, string][] = [
      ["Experts", `${formatInt(f.activeExperts)} of ${formatInt(f.experts)} active`],
      ["Expert hidden size", formatInt(f.expertHidden)],
    ];
    if (f.latent) rows.push(["Expert latent width", `${formatInt(f.latent)}${f.latentNorm ? " (normalised)" : ""}`]);
    if (f.sharedExperts) rows.push(["Shared experts", formatInt(f.sharedExperts)]);
    if (f.router?.scoring || f.router?.inputScale || f.router?.expertScale) {
      const scales = [f.router.inputScale ? "input scale" : "", f.router.expertScale ? "per-expert scale" : ""].filter(Boolean);
      rows.push(["Router", [f.router.scoring ?? "", scales.length ? `learned ${scales.join(" and ")}` : ""].filter(Boolean).join(", ")]);
    }
    if (f.branchNorms) rows.push(["Extra norms in the block", formatInt(f.branchNorms)]);
    rows.push(["Activation", activationText(f)]);
    return rows;
  },
  relations(f, path) {
    const issues: RelationIssue[] = [];
    if (f.activeExperts > f.experts)
      issues.push({ path: [...path, "activeExperts"], message: `must not exceed experts (${f.experts}), got ${f.activeExperts}` });
    const groups = f.router?.groups;
    if (groups !== undefined && f.experts % groups !== 0)
      issues.push({ path: [...path, "router", "groups"], message: `must divide experts (${f.experts}), got ${groups}` });
    const topk = f.router?.topkGroups;
    if (topk !== undefined && (groups === undefined || topk > groups)) {
      issues.push({
        path: [...path, "router", "topkGroups"],
        message: groups === undefined ? "needs router.groups" : `must not exceed groups (${groups}), got ${topk}`,
      });
    }
    if (f.latentNorm && f.latent === undefined) issues.push({ path: [...path, "latentNorm"], message: "is set but latent is missing" });
    if (f.sharedHidden !== undefined && !f.sharedExperts)
      issues.push({ path: [...path, "sharedHidden"], message: "is set but sharedExperts is 0 or missing" });
    return issues;
  },
  withDefaults(f) {
    const shared = f.sharedExperts ?? 0;
    return {
      bias: false,
      sharedGate: false,
      zeroExperts: 0,
      branchNorms: 0,
      ...f,
      sharedExperts: shared,
      sharedHidden: shared ? (f.sharedHidden ?? shared * f.expertHidden) : 0,
      router: { bias: false, inputScale: false, expertScale: false, ...f.router },
    };
  },
} satisfies FfnKindDetails<MoeFfn>;
