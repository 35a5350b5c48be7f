import type { LiveCorsValue } from '@cors-playground/scenario';
import type { HeaderList } from '../header-list';

/** A request as a CORS library reads it. */
export interface LibraryRequest {
  method: string;
  /** Request headers as Node presents them: lower-case names, repeated lines joined with ", ". */
  headers: Readonly<Record<string, string | undefined>>;
  /** Whether a route of the scenario answers this method and path (a Fastify app's own route). */
  routeMatches: boolean;
}

/**
 * What the library does with a request: it sets its header lines and passes the request on to the
 * routes, or it answers the request itself (a preflight, a refused preflight).
 */
export type LibraryVerdict =
  | { ended: false; headers: HeaderList }
  | {
      ended: true;
      status: number;
      /** Every line it wrote, Content-Length included. */
      headers: HeaderList;
      body: string;
      /** What answered, in a sentence. */
      reason: string;
    };

/**
 * Whether an `origin` option lets a request's Origin in: both libraries' isOriginAllowed /
 * isRequestOriginAllowed, which are the same code (RegExp.test on the Origin as given, so a missing
 * one reads as "undefined"; a list allows what any item allows; any other value by truthiness).
 */
export function isOriginAllowed(origin: string | undefined, allowed: LiveCorsValue | null | undefined): boolean {
  if (Array.isArray(allowed)) return allowed.some((item) => isOriginAllowed(origin, item));
  if (typeof allowed === 'string') return origin === allowed;
  if (allowed instanceof RegExp) return allowed.test(String(origin));
  return !!allowed;
}
