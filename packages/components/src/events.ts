/**
 * Typed events of the archgal elements. Every event bubbles and is composed (it crosses shadow roots), so a
 * listener on `document` hears the events of every diagram on the page.
 */
import type { ModelSpec } from "@archgal/schema/metrics";
import type { ArchErrorDetail } from "./errors.js";
import type { ComponentInfo } from "./component-info.js";
import type { GalleryEntry } from "./loaders.js";

const init = { bubbles: true, composed: true } as const;

/** Detail of {@link LlmArchLoadEvent}. */
export interface LlmArchLoadDetail {
  /** The model's id. */
  id: string;
  /** The validated spec that is now drawn (or, for a compare, the first one). */
  spec: ModelSpec;
  /** Every spec shown, in order (one for `<llm-arch>`, two to four for `<llm-arch-compare>`). */
  specs: ModelSpec[];
}

/** Fired when a model (or every model of a compare) has loaded, validated and rendered. */
export class LlmArchLoadEvent extends Event {
  /** The event's name. */
  static readonly type = "llm-arch-load";
  /** What was loaded. */
  readonly detail: LlmArchLoadDetail;
  constructor(detail: LlmArchLoadDetail) {
    super(LlmArchLoadEvent.type, init);
    this.detail = detail;
  }
}

/** Fired when loading or validation fails; the element shows the same message in a `role="alert"` box. */
export class LlmArchErrorEvent extends Event {
  /** The event's name. */
  static readonly type = "llm-arch-error";
  /** What went wrong. */
  readonly detail: ArchErrorDetail;
  constructor(detail: ArchErrorDetail) {
    super(LlmArchErrorEvent.type, init);
    this.detail = detail;
  }
}

/** Detail of {@link LlmArchSelectEvent}. */
export interface LlmArchSelectDetail {
  /** The model's id. */
  id: string;
  /** The diagram component (`data-component` of the SVG group), e.g. `mixer:mla`, `ffn:moe`, `norm-1`. */
  component: string;
  /** Its kind (`data-kind`), e.g. `mla`, `moe`, `norm`. */
  kind: string;
  /** What the popover shows: title, numbers and concept explanations. */
  info: ComponentInfo;
}

/** Fired when a diagram component is selected (click, or Enter/Space on the focused component). */
export class LlmArchSelectEvent extends Event {
  /** The event's name. */
  static readonly type = "llm-arch-select";
  /** What was selected. */
  readonly detail: LlmArchSelectDetail;
  constructor(detail: LlmArchSelectDetail) {
    super(LlmArchSelectEvent.type, init);
    this.detail = detail;
  }
}

/** Detail of {@link LlmArchOpenEvent}. */
export interface LlmArchOpenDetail {
  /** The model's id. */
  id: string;
  /** Its light index entry. */
  entry: GalleryEntry;
  /** The URL the gallery navigates to (from `href-template`), if any. */
  href?: string;
}

/**
 * Fired by `<llm-arch-gallery>` when a model is opened (click or Enter). It is cancelable: call
 * `preventDefault()` to stop the navigation to `href-template` and handle it yourself (e.g. in a router).
 */
export class LlmArchOpenEvent extends Event {
  /** The event's name. */
  static readonly type = "llm-arch-open";
  /** What was opened. */
  readonly detail: LlmArchOpenDetail;
  constructor(detail: LlmArchOpenDetail) {
    super(LlmArchOpenEvent.type, { ...init, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    "llm-arch-load": LlmArchLoadEvent;
    "llm-arch-error": LlmArchErrorEvent;
    "llm-arch-select": LlmArchSelectEvent;
    "llm-arch-open": LlmArchOpenEvent;
  }
}
