import { assertScenario, liveOrigins, type EngineName, type ScenarioInput } from '@cors-playground/scenario';
import { simulate, type SimulationResult } from '../src/index';

export const ADDRESSING = { sandboxId: 'k3j9x', domain: 'localhost', ports: { http: [8080, 8081], https: [8443] } } as const;
export const APP = 'http://app-k3j9x.site-a.localhost:8080';
export const API = 'http://api-k3j9x.site-b.localhost:8080';
export const CDN = 'http://cdn-k3j9x.site-a.localhost:8080';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

/** The simplest host: the client code as an async function of the scope's names. */
export async function evaluateInFunction(code: string, scope: Record<string, unknown>): Promise<void> {
  await new AsyncFunction(...Object.keys(scope), code)(...Object.values(scope));
}

export type Servers = NonNullable<ScenarioInput['servers']>;

/** A scenario with app (site a, the page), api (site b) and cdn (site a) unless told otherwise. */
export function scenario(client: string, servers: Servers = {}, extra: Partial<ScenarioInput> = {}) {
  return assertScenario({
    version: 1,
    origins: { app: { site: 'a' }, api: { site: 'b' }, cdn: { site: 'a' }, app2: { host: 'app', port: 1 }, bank: { site: 'c', scheme: 'https' } },
    page: 'app',
    client,
    servers,
    ...extra,
  });
}

export async function run(client: string, servers: Servers = {}, options: { engine?: EngineName; timeoutMs?: number; extra?: Partial<ScenarioInput> } = {}): Promise<SimulationResult> {
  const validated = scenario(client, servers, options.extra);
  return simulate({
    scenario: validated,
    origins: liveOrigins(validated, ADDRESSING),
    evaluate: evaluateInFunction,
    engine: options.engine,
    timeoutMs: options.timeoutMs,
  });
}

/** Fills a template line: {origin} is the page origin, {api} the api origin, {cdn} the cdn origin. */
export function line(template: string): string {
  return template.replaceAll('{origin}', APP).replaceAll('{api}', API).replaceAll('{cdn}', CDN);
}
