import type { Observation } from '@cors-playground/scenario';

/** What client.ts gives the helpers it installs (elements.ts, frames.ts, streams.ts). */
export interface HarnessTools {
  /** A new observation of a call the client code made. */
  observe(api: Observation['api'], method: string, url: string): Observation;
  /** Keeps the run open until the promise settles. */
  track<T>(promise: Promise<T>): Promise<T>;
  absoluteUrl(url: string): string;
  describeError(error: unknown): string;
}
