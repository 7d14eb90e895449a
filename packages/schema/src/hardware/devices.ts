/**
 * Accelerator presets for the fit and speed estimates: memory, memory bandwidth and dense (no sparsity)
 * matrix throughput per device, each figure with the datasheet it comes from.
 *
 * Every number here was read from a public page. Where the vendor's own datasheet was not
 * among the pages cited, `source.vendorPageStored` is false and `source.consulted` names the page that
 * reproduces the vendor's figures; the note says so. A figure no cited page gives is left out (undefined),
 * never filled in: estimates that need it say they cannot be made.
 */

/** Matrix-throughput dtypes a device may list. */
export type ComputeDtype = "bf16" | "fp8" | "fp4" | "int8";

/** Where a preset's numbers come from. */
export interface DeviceSource {
  /** The vendor's datasheet or product page. */
  datasheet: string;
  /** Whether the vendor page itself was among the pages cited (false: a page reproducing it was read). */
  vendorPageStored: boolean;
  /** The pages the figures were taken from. */
  consulted: string[];
  /** The wording of the figures as the source gives them (what "dense" or "with sparsity" refers to). */
  wording: string[];
}

/** One accelerator (or, for unified-memory machines, one computer). */
export interface Device {
  /** Short id used by the CLI (`--gpu h100`). */
  id: string;
  /** Display name. */
  name: string;
  vendor: string;
  /** "hbm" / "gddr" accelerators, "unified" memory shared with the CPU, or a user-described device. */
  memoryKind: "hbm" | "gddr" | "unified" | "custom";
  /** Memory capacity in bytes (decimal GB × 10⁹ unless the source gives GiB). */
  memoryBytes: number;
  /**
   * Fraction of the memory a model may use. 1 for discrete accelerators; for unified memory the operating
   * system and other programs keep part of it (an assumption, stated in the note, not a datasheet figure).
   */
  usableFraction: number;
  /** Peak memory bandwidth in bytes per second. */
  bandwidthBytesPerSecond: number;
  /** Dense peak matrix throughput in FLOP/s (OP/s for int8), by dtype; absent where no stored source gives it. */
  flops: Partial<Record<ComputeDtype, number>>;
  source: DeviceSource;
  /** Caveats: figures derived (e.g. sparse ÷ 2), conflicting sources, missing pages. */
  note: string;
}

const T = 1e12;
const P = 1e15;
const GB = 1e9;

const NOT_STORED = "The vendor page itself is not in the stored corpus; the figures are as reproduced by the consulted pages.";

/** The built-in presets, keyed by id. */
export const devicePresets: ReadonlyMap<string, Device> = new Map(
  (
    [
      {
        id: "h100",
        name: "NVIDIA H100 SXM 80GB",
        vendor: "NVIDIA",
        memoryKind: "hbm",
        memoryBytes: 80 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 3.35e12,
        flops: { bf16: (1979 * T) / 2, fp8: (3958 * T) / 2, int8: (3958 * T) / 2 },
        source: {
          datasheet: "https://www.nvidia.com/en-us/data-center/h100/",
          vendorPageStored: false,
          consulted: ["https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html", "https://glennklockwood.com/garden/processors/h100"],
          wording: [
            "H100 SXM: BFLOAT16 Tensor Core 1,979 TFLOPS*, FP8 Tensor Core 3,958 TFLOPS*, INT8 Tensor Core 3,958 TFLOPS*",
            "* Shown with sparsity. Specifications 1/2 lower without sparsity.",
            "GPU memory 80 GB; GPU memory bandwidth 3,350 GB/sec",
          ],
        },
        note: `Dense figures are the datasheet's sparse figures halved, as its footnote says (989.4 / 1978.9 TFLOPS in the second page's matrix column). ${NOT_STORED}`,
      },
      {
        id: "h200",
        name: "NVIDIA H200 SXM 141GB",
        vendor: "NVIDIA",
        memoryKind: "hbm",
        memoryBytes: 141 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 4.8e12,
        flops: { bf16: (1979 * T) / 2, fp8: (3958 * T) / 2 },
        source: {
          datasheet: "https://www.nvidia.com/en-us/data-center/h200/",
          vendorPageStored: false,
          consulted: ["https://lzwjava.github.io/nvidia-h200-gpu-specs-en", "https://aiwiki.ai/wiki/nvidia_h200/raw"],
          wording: [
            "GPU Memory 141 GB HBM3e; Memory Bandwidth 4.8 TB/s",
            "FP8 Tensor Core 3,958 TFLOPS* — *Performance figures include sparsity",
          ],
        },
        note: `Same Hopper compute as the H100 SXM (the consulted pages say identical); dense = sparse ÷ 2. ${NOT_STORED}`,
      },
      {
        id: "b200",
        name: "NVIDIA B200 (DGX/HGX B200, per GPU)",
        vendor: "NVIDIA",
        memoryKind: "hbm",
        memoryBytes: 180 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 8e12,
        flops: { bf16: 2.25 * P, fp8: 4.5 * P, fp4: 9 * P, int8: 4.5 * P },
        source: {
          datasheet: "https://www.nvidia.com/en-us/data-center/dgx-b200/",
          vendorPageStored: false,
          consulted: [
            "https://brent-newsom-nvidia.github.io/AIPS-Boom/wiki/NVIDIA-DGX-B200",
            "https://glennklockwood.com/garden/processors/B200",
            "https://verda.com/blog/gb300-nvl72-architecture",
          ],
          wording: [
            "DGX B200: eight Blackwell GPUs with 1,440 GB total HBM3e memory and 64 TB/s HBM3e bandwidth",
            "FP4 Tensor Core 144 PFLOPS sparse / 72 PFLOPS dense; FP8 Tensor Core 72 PFLOPS sparse",
            "HGX B200 at 1,000 W, dense matrix: BF16 2,250, FP8 4,500, FP4 9,000, INT8 4,500 TFLOPS",
          ],
        },
        note: `Per GPU = the DGX B200 system figures ÷ 8 (180 GB, 8 TB/s, FP4 9 PFLOPS dense, FP8 4.5 PFLOPS dense); BF16 and INT8 from the HGX B200 table. One consulted page lists 7.7 TB/s. ${NOT_STORED}`,
      },
      {
        id: "gb200",
        name: "NVIDIA GB200 (NVL72, per Blackwell GPU)",
        vendor: "NVIDIA",
        memoryKind: "hbm",
        memoryBytes: 192 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 8e12,
        flops: { bf16: 2.5 * P, fp8: 5 * P, fp4: 10 * P, int8: 5 * P },
        source: {
          datasheet: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
          vendorPageStored: false,
          consulted: [
            "https://glennklockwood.com/garden/processors/B200",
            "https://hmc-tech.com/gpus/nvidia-b200-vs-nvidia-gb200",
            "https://nvidia.github.io/TensorRT-LLM/performance/perf-overview.html",
          ],
          wording: [
            "GB200 variant of B200 at 1,200 W, dense matrix: BF16 2,500, FP8 5,000, FP4 10,000, INT8 5,000 TFLOPS",
            "GB200 superchip (two GPUs): 384 GB HBM3e, 16 TB/s",
            "TensorRT-LLM hardware list: GB200 192GB (GB200 NVL72)",
          ],
        },
        note: `Per GPU = superchip ÷ 2 (192 GB, 8 TB/s). NVIDIA's NVL72 rack table (per-rack totals) was not among the pages cited; its per-GPU memory may be quoted lower. ${NOT_STORED}`,
      },
      {
        id: "mi300x",
        name: "AMD Instinct MI300X",
        vendor: "AMD",
        memoryKind: "hbm",
        memoryBytes: 192 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 5.3e12,
        flops: { bf16: 1307.4 * T, fp8: 2614.9 * T },
        source: {
          datasheet: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html",
          vendorPageStored: false,
          consulted: [
            "https://raw.githubusercontent.com/alpharomercoma/MI300X-vs-H200/6077fdc7bfc215171c33435b7cd76ca4c5f2b236/METHODOLOGY.md",
            "https://docs.vultr.com/inference-cookbook/rocm/getting-started/hardware-requirements",
          ],
          wording: ["BF16 dense 1307.4 TFLOP/s; FP8 dense 2614.9 TFLOP/s; HBM bandwidth 5.3 TB/s; memory capacity 192 GB"],
        },
        note: `Peak INT8 is not given by the consulted pages and is left out. ${NOT_STORED}`,
      },
      {
        id: "mi355x",
        name: "AMD Instinct MI355X",
        vendor: "AMD",
        memoryKind: "hbm",
        memoryBytes: 288 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 8e12,
        flops: { bf16: 2516.6 * T, fp8: 5033.2 * T },
        source: {
          datasheet: "https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html",
          vendorPageStored: false,
          consulted: [
            "https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts",
            "https://boston-uk-l.azurewebsites.net/blog/2025/08/14/amd-instinct-mi355x.aspx",
          ],
          wording: [
            "288GB HBM3E memory that will offer up to 8 TB/s of bandwidth",
            "the MI355X is said to push the maximum FP4/FP6 performance to 20.1 PFLOPS",
          ],
        },
        note: `Dense BF16 2,516.6 and FP8 5,033.2 TFLOPS are as listed (marked dense) in a public roofline table; AMD's page was not stored. The 20.1 PFLOPS FP4 figure does not say whether it counts sparsity, so FP4 is left out. ${NOT_STORED}`,
      },
      {
        id: "l40s",
        name: "NVIDIA L40S",
        vendor: "NVIDIA",
        memoryKind: "gddr",
        memoryBytes: 48 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 864e9,
        flops: { bf16: 362.05 * T, fp8: 733 * T },
        source: {
          datasheet: "https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413",
          vendorPageStored: false,
          consulted: [
            "https://www.mullet.se/product.html?product_id=355414",
            "https://www.itcreations.com/nvidia-gpu/nvidia-l40s-gpu-accelerator",
          ],
          wording: [
            "L40S: BFLOAT16 Tensor Core TFLOPS 362.05 | 733*; FP8 Tensor Core 733 | 1,466*; * With Sparsity",
            "GPU Memory 48 GB GDDR6 with ECC; Memory Bandwidth 864GB/s",
          ],
        },
        note: `The consulted page reproduces NVIDIA's L40/L40S datasheet table (dense | sparse*). ${NOT_STORED}`,
      },
      {
        id: "a100",
        name: "NVIDIA A100 80GB SXM",
        vendor: "NVIDIA",
        memoryKind: "hbm",
        memoryBytes: 80 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 2039e9,
        flops: { bf16: 312 * T, int8: 624 * T },
        source: {
          datasheet:
            "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf",
          vendorPageStored: false,
          consulted: [
            "https://glennklockwood.com/garden/processors/A100",
            "https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide",
          ],
          wording: [
            "BF16 matrix 312, sparse 624 TFLOPS; INT8 624, sparse 1248 TOPS (from the A100 datasheet)",
            "A100 SXM 80GB: 80GB HBM2e, Memory Bandwidth 2,039GB/s",
          ],
        },
        note: `No FP8 tensor cores (Ampere); FP8 and FP4 weights compute in BF16. ${NOT_STORED}`,
      },
      {
        id: "rtx4090",
        name: "NVIDIA GeForce RTX 4090",
        vendor: "NVIDIA",
        memoryKind: "gddr",
        memoryBytes: 24 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 1008e9,
        flops: { bf16: 165.15 * T, fp8: 330.3 * T, int8: 660.6 * T },
        source: {
          datasheet: "https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf",
          vendorPageStored: false,
          consulted: ["https://waredb.com/processor/nvidia-geforce-rtx-4090"],
          wording: [
            "24 GB (GDDR6X 384-bit), bandwidth 1008 GB/s",
            "Tensor: BF16 165.15 TFLOPS, with sparsity 330.30; FP8 330.30, with sparsity 660.60; INT8 660.60 TOPS, with sparsity 1321.21",
          ],
        },
        note: `Figures from a third-party database; NVIDIA's Ada whitepaper (which splits FP16- and FP32-accumulate rates) was not stored. ${NOT_STORED}`,
      },
      {
        id: "rtx5090",
        name: "NVIDIA GeForce RTX 5090",
        vendor: "NVIDIA",
        memoryKind: "gddr",
        memoryBytes: 32 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 1792e9,
        flops: { bf16: (838.4 * T) / 2, fp8: (1676.8 * T) / 2, fp4: (3352 * T) / 2 },
        source: {
          datasheet: "https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/",
          vendorPageStored: false,
          consulted: [
            "https://www.spheron.network/blog/nvidia-rtx-5090-specs/",
            "https://pocketmags.com/linux-format-magazine/may-2025/articles/nvidia-geforce-rtx-5090",
          ],
          wording: [
            "VRAM 32GB GDDR7; Memory Bandwidth 1,792 GB/s",
            "FP16 Tensor Performance (sparse) 838.4 TFLOPS; FP8 (sparse) ~1,676.8 TFLOPS; FP4 (sparse) 3,352 TOPS",
          ],
        },
        note: `Dense = the cited sparse figures ÷ 2. The cited pages do not say which accumulate precision they assume; another public roofline table lists half these (209.5 BF16), so compute-bound estimates for this card may be up to 2× optimistic. ${NOT_STORED}`,
      },
      {
        id: "m4-max",
        name: "Apple M4 Max (128 GB unified memory)",
        vendor: "Apple",
        memoryKind: "unified",
        memoryBytes: 128 * GB,
        usableFraction: 0.75,
        bandwidthBytesPerSecond: 546e9,
        flops: {},
        source: {
          datasheet: "https://www.apple.com/newsroom/2024/10/new-macbook-pro-features-m4-family-of-chips-and-apple-intelligence/",
          vendorPageStored: false,
          consulted: [
            "https://macmegasite.com/2024/10/30/m4-max-chip-has-16-core-cpu-40-core-gpu-and-35-increase-in-memory-bandwidth",
            "https://gamebastion.com/n/apple-s-m4-max-is-the-first-non-ultra/474547",
          ],
          wording: [
            "the M4 Max chip features a 16-core CPU, 40-core GPU, and 546 GB/s of memory bandwidth",
            "configured with up to 128GB of unified RAM",
          ],
        },
        note: `Unified memory: 75% usable is an assumption (the system and other programs keep the rest; macOS caps GPU-wired memory), not an Apple figure — set usableFraction to change it. Apple publishes no GPU BF16 matrix throughput in the cited pages, so prefill time and the crossover batch are not estimated. The 410 GB/s lower M4 Max variant is not this preset. ${NOT_STORED}`,
      },
      {
        id: "m3-ultra",
        name: "Apple M3 Ultra (512 GB unified memory)",
        vendor: "Apple",
        memoryKind: "unified",
        memoryBytes: 512 * GB,
        usableFraction: 0.75,
        bandwidthBytesPerSecond: 819e9,
        flops: {},
        source: {
          datasheet: "https://www.apple.com/newsroom/2025/03/apple-unveils-new-mac-studio-the-most-powerful-mac-ever/",
          vendorPageStored: false,
          consulted: ["https://resourcefulman.net/2025/03/06/apples-best-new-chipset-isnt-the-m4-max"],
          wording: ["support for up to 512GB of memory ... and up to 819GB/s memory bandwidth"],
        },
        note: `Unified memory: 75% usable is an assumption, not an Apple figure. No GPU matrix throughput in the cited pages: prefill and crossover are not estimated. ${NOT_STORED}`,
      },
      {
        id: "tpu-v5e",
        name: "Google Cloud TPU v5e (per chip)",
        vendor: "Google",
        memoryKind: "hbm",
        memoryBytes: 16 * 2 ** 30,
        usableFraction: 1,
        bandwidthBytesPerSecond: 819e9,
        flops: { bf16: 197 * T, int8: 393 * T },
        source: {
          datasheet: "https://docs.cloud.google.com/tpu/docs/v5e",
          vendorPageStored: true,
          consulted: ["https://docs.cloud.google.com/tpu/docs/v5e.md.txt"],
          wording: [
            "Peak compute per chip (bf16) 197 TFLOPs; Peak compute per chip (Int8) 393 TOPs",
            "HBM capacity per chip 16 GiB; HBM bandwidth per chip 819 GBps",
          ],
        },
        note: "Other stored versions of the same page say 16 GB and 800 GiBps; the markdown version's 16 GiB and 819 GBps are used. No FP8 figure is listed.",
      },
      {
        id: "tpu-v6e",
        name: "Google Cloud TPU v6e Trillium (per chip)",
        vendor: "Google",
        memoryKind: "hbm",
        memoryBytes: 32 * GB,
        usableFraction: 1,
        bandwidthBytesPerSecond: 1638e9,
        flops: { bf16: 918 * T, int8: 1836 * T },
        source: {
          datasheet: "https://docs.cloud.google.com/tpu/docs/v6e",
          vendorPageStored: true,
          consulted: ["https://docs.cloud.google.com/tpu/docs/v6e.md.txt"],
          wording: [
            "Peak compute per chip (bf16) 918 TFLOPs; Peak compute per chip (Int8) 1836 TOPs",
            "HBM capacity per chip 32 GB; HBM bandwidth per chip 1638 GBps",
          ],
        },
        note: "No FP8 figure is listed.",
      },
    ] satisfies Device[]
  ).map((d) => [d.id, d]),
);

/** Other names accepted for presets (lower case). */
const aliases: ReadonlyMap<string, string> = new Map([
  ["h100-sxm", "h100"],
  ["h100sxm", "h100"],
  ["a100-80gb", "a100"],
  ["a100-80g", "a100"],
  ["4090", "rtx4090"],
  ["rtx-4090", "rtx4090"],
  ["5090", "rtx5090"],
  ["rtx-5090", "rtx5090"],
  ["m4max", "m4-max"],
  ["m3ultra", "m3-ultra"],
  ["v5e", "tpu-v5e"],
  ["v6e", "tpu-v6e"],
  ["trillium", "tpu-v6e"],
]);

/** Looks up a preset by id or alias (case-insensitive); undefined when there is none. */
export function findDevice(id: string): Device | undefined {
  const key = id.trim().toLowerCase();
  return devicePresets.get(key) ?? devicePresets.get(aliases.get(key) ?? "");
}

/** A user-described device, in the units datasheets use. */
export interface CustomDeviceInput {
  name?: string;
  /** Memory in GB (10⁹ bytes). */
  memoryGB: number;
  /** Memory bandwidth in GB/s. */
  bandwidthGBps: number;
  /** Dense matrix throughput in TFLOPS, by dtype (any subset). */
  tflops?: Partial<Record<ComputeDtype, number>>;
  /** Fraction of memory usable by the model (default 1). */
  usableFraction?: number;
}

/** Thrown for a device description that cannot be used; `field` names the bad input. */
export class DeviceInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "DeviceInputError";
  }
}

function positiveFinite(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new DeviceInputError(field, `expected a positive finite number, got ${String(value)}`);
  }
  return value;
}

/** Builds a device from datasheet units, validating every number. */
export function customDevice(input: CustomDeviceInput): Device {
  const memoryGB = positiveFinite("memoryGB", input.memoryGB);
  const bandwidth = positiveFinite("bandwidthGBps", input.bandwidthGBps);
  const usable = input.usableFraction ?? 1;
  if (typeof usable !== "number" || !Number.isFinite(usable) || usable <= 0 || usable > 1) {
    throw new DeviceInputError("usableFraction", `expected a number in (0, 1], got ${String(usable)}`);
  }
  const flops: Partial<Record<ComputeDtype, number>> = {};
  for (const [dtype, tf] of Object.entries(input.tflops ?? {}) as [ComputeDtype, number | undefined][]) {
    if (tf === undefined) continue;
    if (!["bf16", "fp8", "fp4", "int8"].includes(dtype))
      throw new DeviceInputError(`tflops.${dtype}`, "unknown dtype (expected bf16, fp8, fp4 or int8)");
    flops[dtype] = positiveFinite(`tflops.${dtype}`, tf) * T;
  }
  return {
    id: "custom",
    name: input.name?.trim() || "Custom device",
    vendor: "custom",
    memoryKind: "custom",
    memoryBytes: memoryGB * GB,
    usableFraction: usable,
    bandwidthBytesPerSecond: bandwidth * GB,
    flops,
    source: { datasheet: "", vendorPageStored: false, consulted: [], wording: ["as entered"] },
    note: "Figures as entered.",
  };
}
