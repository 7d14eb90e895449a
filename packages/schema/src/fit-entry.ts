/**
 * `@archgal/schema/fit`: will it fit, and how fast — memory on accelerators, roofline speed and the hardware
 * presets; pure functions, no zod (like `@archgal/schema/metrics`, whose public functions it builds on). A
 * separate, self-contained entry so that browser bundles can load it (and its presets) lazily.
 *
 * @packageDocumentation
 */
export {
  fitModel,
  estimateSpeed,
  parseTokenCount,
  formatGigabytes,
  resolveWeightScheme,
  expertUnionFraction,
  weightSchemes,
  weightDtypeBytes,
  FitOptionError,
  type FitOptions,
  type FitResult,
  type Placement,
  type ComponentWeights,
  type SpeedEstimate,
  type SpeedOptions,
  type WeightDtype,
  type WeightScheme,
  type OverheadOption,
} from "./fit.js";
export {
  devicePresets,
  findDevice,
  customDevice,
  DeviceInputError,
  type Device,
  type DeviceSource,
  type ComputeDtype,
  type CustomDeviceInput,
} from "./hardware/devices.js";
