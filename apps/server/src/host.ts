import type { IncomingMessage } from 'node:http';

/** Splits a Host header into a host name and a port (the scheme's default when none is given: 80, or 443 over TLS). */
export function parseHost(host: string | undefined, defaultPort = 80): { hostname: string; port: number } | null {
  if (!host) return null;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!match) return null;
  return { hostname: match[1]!.toLowerCase(), port: match[2] ? Number(match[2]) : defaultPort };
}

/** The host a request names; a Host without a port means its scheme's default, 443 on a TLS socket. */
export function requestHost(request: IncomingMessage): { hostname: string; port: number } | null {
  return parseHost(request.headers.host, 'encrypted' in request.socket ? 443 : 80);
}
