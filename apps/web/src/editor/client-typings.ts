/**
 * Typings for the helpers the client code has in scope (the harness and the simulator define
 * them). Labels are typed as the scenario's labels, so completion offers them.
 */
export function clientTypings(labels: readonly string[]): string {
  const label = labels.length > 0 ? labels.map((name) => JSON.stringify(name)).join(' | ') : 'string';
  return `type OriginLabel = ${label};
/** The live origin of a label, e.g. origin('api') → "http://api-<sandbox>.site-b.localhost:8080". */
declare function origin(label: OriginLabel): string;
/** origin(label) + path, e.g. url('api', '/data'). */
declare function url(label: OriginLabel, path: string): string;
/** Writes one line to the run's log: values joined by spaces, errors as "Name: message", objects as JSON. */
declare function log(...values: unknown[]): void;
/** Waits ms milliseconds, e.g. for a preflight cache entry to expire; the prediction's clock moves as much. */
declare function sleep(ms: number): Promise<void>;
`;
}
