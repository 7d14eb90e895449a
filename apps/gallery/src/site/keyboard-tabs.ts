/**
 * Roving focus for a `role="tablist"`: arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern).
 */
export function wireTabKeys(tablist: HTMLElement, activate: (tab: HTMLElement) => void): void {
  tablist.addEventListener("keydown", (e) => {
    const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
    const i = tabs.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    let next = -1;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = (i + 1) % tabs.length;
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    tabs[next]!.focus();
    activate(tabs[next]!);
  });
}
