/**
 * Defining one element under its tag, guarded against double definition (two copies of the script on one page,
 * or hot reloading). Defines only when called.
 */

/** Defines one element unless its tag is already taken. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements !== "undefined" && !customElements.get(tag)) customElements.define(tag, ctor);
}
