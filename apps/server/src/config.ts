import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  /** Addresses to bind; loopback by default. */
  bindAddresses: string[];
  /** Listening ports per scheme; 0 picks a free port (tests). */
  ports: { http: number[] };
  /** The parent domain of every sandbox site: `localhost` locally. */
  domain: string;
  /** How long client code may run before the harness reports a timeout. */
  runTimeoutMs: number;
  /** After the run time, how long the server waits for the harness before calling the run timed out. */
  runGraceMs: number;
  /** A sandbox with no request for this long is deleted. */
  idleMs: number;
  maxSandboxes: number;
  maxSandboxesPerClient: number;
  /** Requests kept in one sandbox's log; past that the oldest go. */
  maxExchangesPerSandbox: number;
  /** Bytes of a request body the sandbox reads; past that it answers 413. */
  maxRequestBodyBytes: number;
  /** The built web app (apps/web/dist). */
  webRoot: string;
  logger: boolean;
}

export const DEFAULT_CONFIG: ServerConfig = {
  bindAddresses: ['127.0.0.1', '::1'],
  ports: { http: [8080, 8081] },
  domain: 'localhost',
  runTimeoutMs: 10_000,
  runGraceMs: 5_000,
  idleMs: 15 * 60_000,
  maxSandboxes: 500,
  maxSandboxesPerClient: 50,
  maxExchangesPerSandbox: 2_000,
  maxRequestBodyBytes: 1024 * 1024,
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  logger: false,
};

export function resolveConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...DEFAULT_CONFIG, ...overrides, ports: overrides.ports ?? DEFAULT_CONFIG.ports };
}
