import type { LiveOrigin } from '@cors-playground/scenario';

const LABELS = new WeakMap<Readonly<Record<string, LiveOrigin>>, ReadonlyMap<string, string>>();

/**
 * Which label of the sandbox serves a URL's origin, or null outside the sandbox: labelForUrl of
 * @cors-playground/scenario for a URL already parsed, with the origins indexed once per run.
 */
export function labelOf(origins: Readonly<Record<string, LiveOrigin>>, url: URL): string | null {
  let byOrigin = LABELS.get(origins);
  if (byOrigin === undefined) {
    byOrigin = new Map(Object.values(origins).map((live) => [live.origin, live.label]));
    LABELS.set(origins, byOrigin);
  }
  return byOrigin.get(url.origin) ?? null;
}
