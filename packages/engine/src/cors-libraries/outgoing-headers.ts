import type { HeaderList } from '../header-list';

/**
 * The header store both libraries write into: Node's OutgoingMessage (`res.setHeader`, which the
 * Express middleware uses) and Fastify's reply (`reply.header`) alike keep one entry per
 * lower-case name, in the order names were first set; setting a name again replaces its value
 * where it stands. The wire carries the entries in that order.
 */
export class OutgoingHeaders {
  private readonly entries = new Map<string, [name: string, value: string]>();

  set(name: string, value: string): void {
    this.entries.set(name.toLowerCase(), [name, value]);
  }

  get(name: string): string | undefined {
    return this.entries.get(name.toLowerCase())?.[1];
  }

  lines(): HeaderList {
    return [...this.entries.values()].map(([name, value]): [string, string] => [name, value]);
  }
}

/**
 * The lines on the wire when a route answers after the library set its headers: the sandbox
 * server (apps/server/src/sandbox-handler.ts) writes the library's lines, less those of a name
 * the route sets, then the route's lines (a list value repeats), as a Fastify reply.header or
 * Express res.set in the route would replace the library's value.
 */
export function withLibraryHeaders(library: HeaderList, route: HeaderList): HeaderList {
  const routeNames = new Set(route.map(([name]) => name.toLowerCase()));
  return [...library.filter(([name]) => !routeNames.has(name.toLowerCase())), ...route];
}
