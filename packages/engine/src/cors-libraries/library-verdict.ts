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
