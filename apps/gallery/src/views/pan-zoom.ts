/**
 * Pan and zoom of a large figure inside a viewport: drag (mouse, pen, one finger), pinch (two fingers),
 * wheel, keyboard (arrows, + / −, 0) and buttons, all through one transform.
 */

export interface PanZoomState {
  scale: number;
  x: number;
  y: number;
}

export class PanZoom {
  readonly minScale = 0.02;
  readonly maxScale = 4;
  private state: PanZoomState = { scale: 1, x: 0, y: 0 };
  private pointers = new Map<number, { x: number; y: number }>();
  private listeners: ((s: PanZoomState) => void)[] = [];

  constructor(
    private readonly viewport: HTMLElement,
    private readonly content: HTMLElement,
    private width: number,
    private height: number,
  ) {
    viewport.addEventListener("pointerdown", (e) => this.onPointerDown(e));
    viewport.addEventListener("pointermove", (e) => this.onPointerMove(e));
    viewport.addEventListener("pointerup", (e) => this.onPointerUp(e));
    viewport.addEventListener("pointercancel", (e) => this.onPointerUp(e));
    viewport.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    viewport.addEventListener("keydown", (e) => this.onKey(e));
  }

  /** Takes new content of `width` × `height` (the same listeners keep working) and fits it. */
  setContentSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.fit();
  }

  /** Called after every change. */
  onChange(listener: (s: PanZoomState) => void): void {
    this.listeners.push(listener);
  }

  get current(): PanZoomState {
    return { ...this.state };
  }

  private apply(): void {
    this.content.style.transform = `translate(${this.state.x}px, ${this.state.y}px) scale(${this.state.scale})`;
    for (const l of this.listeners) l(this.current);
  }

  /** Scales the whole figure into the viewport and centres it. */
  fit(): void {
    const vw = this.viewport.clientWidth;
    const vh = this.viewport.clientHeight;
    const scale = Math.min(vw / this.width, vh / this.height) * 0.98;
    this.state = { scale, x: (vw - this.width * scale) / 2, y: (vh - this.height * scale) / 2 };
    this.apply();
  }

  /** Multiplies the scale by `factor`, keeping the point (cx, cy) of the viewport where it is. */
  zoomBy(factor: number, cx = this.viewport.clientWidth / 2, cy = this.viewport.clientHeight / 2): void {
    const scale = Math.min(this.maxScale, Math.max(this.minScale, this.state.scale * factor));
    const k = scale / this.state.scale;
    this.state = { scale, x: cx - (cx - this.state.x) * k, y: cy - (cy - this.state.y) * k };
    this.apply();
  }

  /** Sets an absolute scale around the viewport centre. */
  zoomTo(scale: number): void {
    this.zoomBy(scale / this.state.scale);
  }

  panBy(dx: number, dy: number): void {
    this.state = { ...this.state, x: this.state.x + dx, y: this.state.y + dy };
    this.apply();
  }

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const r = this.viewport.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0 && e.pointerType === "mouse") return;
    this.viewport.setPointerCapture(e.pointerId);
    this.pointers.set(e.pointerId, this.local(e));
  }

  private onPointerMove(e: PointerEvent): void {
    const prev = this.pointers.get(e.pointerId);
    if (!prev) return;
    const now = this.local(e);
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.entries()];
      const other = a![0] === e.pointerId ? b![1] : a![1];
      const before = Math.hypot(prev.x - other.x, prev.y - other.y);
      const after = Math.hypot(now.x - other.x, now.y - other.y);
      if (before > 0) this.zoomBy(after / before, (now.x + other.x) / 2, (now.y + other.y) / 2);
    } else {
      this.panBy(now.x - prev.x, now.y - prev.y);
    }
    this.pointers.set(e.pointerId, now);
  }

  private onPointerUp(e: PointerEvent): void {
    this.pointers.delete(e.pointerId);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const p = this.local(e);
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    this.zoomBy(Math.exp(-delta * 0.0015), p.x, p.y);
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? 200 : 60;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
      "+": () => this.zoomBy(1.25),
      "=": () => this.zoomBy(1.25),
      "-": () => this.zoomBy(0.8),
      _: () => this.zoomBy(0.8),
      "0": () => this.fit(),
      "1": () => this.zoomTo(1),
    };
    const action = actions[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  }
}
