import { fileURLToPath } from 'node:url';
import { LIMITS } from '@cors-playground/scenario';

export interface ServerConfig {
  /** Addresses to bind; loopback by default. */
  bindAddresses: string[];
  /** Listening ports per scheme; 0 picks a free port (tests); no https port, no https listener. */
  ports: { http: number[]; https: number[] };
  /** Where the server keeps what outlives a run: the local certificate authority (`local-ca/`). */
  dataDir: string;
  /** A certificate and key (PEM files) for hosting; null: the local CA in dataDir signs the certificates. */
  tls: { certFile: string; keyFile: string } | null;
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
  /** Requests one run may send to its sandbox; past that it answers 429 with no CORS header (run-limits.ts). */
  maxRequestsPerRun: number;
  /** The built web app (apps/web/dist). */
  webRoot: string;
  logger: boolean;
}

export const DEFAULT_CONFIG: ServerConfig = {
  bindAddresses: ['127.0.0.1', '::1'],
  ports: { http: [8080, 8081], https: [8443, 8444] },
  dataDir: fileURLToPath(new URL('../../../data', import.meta.url)),
  tls: null,
  domain: 'localhost',
  runTimeoutMs: 10_000,
  runGraceMs: 5_000,
  idleMs: 15 * 60_000,
  maxSandboxes: 500,
  maxSandboxesPerClient: 50,
  maxExchangesPerSandbox: 2_000,
  maxRequestBodyBytes: 1024 * 1024,
  maxRequestsPerRun: LIMITS.requestsPerRun,
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  logger: false,
};

/** What a caller may set. `ports` given without `https` means no https listener (most tests). */
export type ServerOptions = Partial<Omit<ServerConfig, 'ports'>> & { ports?: { http: number[]; https?: number[] } };

export function resolveConfig(overrides: ServerOptions = {}): ServerConfig {
  const ports = overrides.ports ? { http: overrides.ports.http, https: overrides.ports.https ?? [] } : DEFAULT_CONFIG.ports;
  return { ...DEFAULT_CONFIG, ...overrides, ports };
}
