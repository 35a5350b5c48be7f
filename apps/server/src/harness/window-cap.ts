/// <reference lib="dom" />
/**
 * At most WINDOWS_PER_RUN windows per run: client code that calls window.open in a loop
 * (`for (;;) window.open(url)`) would otherwise open windows until the browser gives out, since a
 * browser driven by tests blocks no popups. Past the cap window.open returns null, as a popup
 * blocker makes it do, and the loop itself is ended by the run's time limit.
 */
export const WINDOWS_PER_RUN = 20;

export function capWindowOpen(target: Window, limit = WINDOWS_PER_RUN): void {
  const realOpen = target.open.bind(target);
  let opened = 0;
  target.open = function open(...args: Parameters<Window['open']>): WindowProxy | null {
    if (opened >= limit) return null;
    opened++;
    return realOpen(...args);
  };
}
