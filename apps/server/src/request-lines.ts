import type { IncomingMessage } from 'node:http';

/** Request header lines as received, names in lower case (rawHeaders keeps repeats and order). */
export function requestHeaderLines(request: IncomingMessage): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) lines.push([request.rawHeaders[index]!.toLowerCase(), request.rawHeaders[index + 1]!]);
  return lines;
}

/** The request headers by lower-case name, as the templates and the routes read them (Node joins repeats). */
export function requestHeaders(request: IncomingMessage, lines: Array<[string, string]>): Record<string, string | undefined> {
  return Object.fromEntries(lines.map(([name]) => [name, request.headers[name] === undefined ? undefined : String(request.headers[name])]));
}

/** A route's delay, never longer than a run may last: a delayed answer cannot hold a socket past the run. */
export function routeDelay(delayMs: number, runTimeoutMs: number): Promise<void> | null {
  return delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, Math.min(delayMs, runTimeoutMs))) : null;
}
