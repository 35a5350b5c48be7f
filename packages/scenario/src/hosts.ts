import type { Scenario } from './schema';

/**
 * Host names (DESIGN.md, "The sandbox"): LABEL-SANDBOXID.site-SITE.DOMAIN, one DNS label per part,
 * so a single-level wildcard certificate per site covers a hosted deployment. Locally DOMAIN is
 * `localhost`, which browsers resolve to loopback with no set-up; every site-SITE.localhost is its
 * own registrable domain, so two sites are cross-site and two labels of one site are same-site.
 */
export interface SandboxAddressing {
  sandboxId: string;
  /** The parent of every site domain: `localhost` locally. */
  domain: string;
  /** The listening ports per scheme; an origin's `port` indexes into its scheme's list. */
  ports: { http: readonly number[]; https: readonly number[] };
}

export interface LiveOrigin {
  label: string;
  scheme: 'http' | 'https';
  host: string;
  port: number;
  site: string;
  /** The serialized origin, e.g. http://api-k3j9x.site-b.localhost:8080 */
  origin: string;
}

const DEFAULT_PORTS = { http: 80, https: 443 } as const;

export function siteOf(scenario: Scenario, label: string): string {
  const spec = scenario.origins[label];
  if (!spec) return label;
  if (spec.host !== undefined && spec.host !== label) return siteOf(scenario, spec.host);
  return spec.site ?? label;
}

export function hostNameOf(scenario: Scenario, label: string, addressing: SandboxAddressing): string {
  const spec = scenario.origins[label];
  const hostLabel = spec?.host ?? label;
  return `${hostLabel}-${addressing.sandboxId}.site-${siteOf(scenario, hostLabel)}.${addressing.domain}`;
}

export function serializeOrigin(scheme: string, host: string, port: number): string {
  const defaultPort = DEFAULT_PORTS[scheme as keyof typeof DEFAULT_PORTS];
  return port === defaultPort ? `${scheme}://${host}` : `${scheme}://${host}:${port}`;
}

/** Every origin of a scenario, live in one sandbox. Throws when an origin's port index has no listener. */
export function liveOrigins(scenario: Scenario, addressing: SandboxAddressing): Record<string, LiveOrigin> {
  const result: Record<string, LiveOrigin> = {};
  for (const [label, spec] of Object.entries(scenario.origins)) {
    const scheme = spec.scheme ?? 'http';
    const index = spec.port ?? 0;
    const port = addressing.ports[scheme][index];
    if (port === undefined) {
      throw new RangeError(`origins.${label}.port: index ${index} has no ${scheme} listener (the server has ${addressing.ports[scheme].length})`);
    }
    const host = hostNameOf(scenario, label, addressing);
    result[label] = { label, scheme, host, port, site: siteOf(scenario, label), origin: serializeOrigin(scheme, host, port) };
  }
  return result;
}

export function originStrings(origins: Readonly<Record<string, LiveOrigin>>): Record<string, string> {
  return Object.fromEntries(Object.entries(origins).map(([label, live]) => [label, live.origin]));
}

/** Which label of a sandbox serves a URL's origin, or null when the URL is outside the sandbox. */
export function labelForUrl(origins: Readonly<Record<string, LiveOrigin>>, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // A WebSocket URL is served by the origin of its host: ws: by http:, wss: by https:.
  const origin = /^wss?:$/.test(parsed.protocol) ? `${parsed.protocol === 'wss:' ? 'https' : 'http'}://${parsed.host}` : parsed.origin;
  for (const live of Object.values(origins)) if (live.origin === origin) return live.label;
  return null;
}
