import { randomBytes } from 'node:crypto';
import {
  actualRecords,
  liveOrigins,
  type Exchange,
  type HarnessReport,
  type LiveOrigin,
  type RunRecords,
  type Scenario,
} from '@cors-playground/scenario';
import type { ServerConfig } from './config';
import { errors } from './errors';
import { requestCapHit, streamsExchange } from './run-limits';

export type SandboxEvent =
  | { type: 'exchange'; data: Exchange }
  | { type: 'report'; data: HarnessReport }
  | { type: 'actual'; data: RunRecords }
  | {
      type: 'end';
      data: {
        reason: 'finished' | 'timeout' | 'expired';
        requestCap?: { limit: number; refused: number };
        /** What the harness left out of its report past REPORT_LIMITS. */
        dropped?: { observations: number; logLines: number };
      };
    };

export interface Sandbox {
  id: string;
  client: string;
  scenario: Scenario;
  origins: Record<string, LiveOrigin>;
  createdAt: number;
  lastSeen: number;
  exchanges: Exchange[];
  report: HarnessReport | null;
  actual: RunRecords | null;
  events: SandboxEvent[];
  listeners: Set<(event: SandboxEvent) => void>;
  watchdog: NodeJS.Timeout | null;
  nextSeq: number;
}

/** Where a sandbox request landed: which sandbox and which of its origins. */
export interface SandboxTarget {
  sandbox: Sandbox;
  origin: LiveOrigin;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** 16 characters of base32: 80 random bits, and a valid DNS label part. */
export function newSandboxId(): string {
  return [...randomBytes(16)].map((byte) => ID_ALPHABET[byte % 32]).join('');
}

/**
 * Live sandboxes, in memory, bounded, with idle expiry (DESIGN.md, "Stores"). An origin is an entry
 * in `byHost`, never a listener: creating a sandbox opens no port and starts no process.
 */
export class SandboxStore {
  private readonly sandboxes = new Map<string, Sandbox>();
  private readonly byHost = new Map<string, SandboxTarget>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly deleteListeners = new Set<(sandbox: Sandbox) => void>();

  constructor(
    private readonly config: ServerConfig,
    /** The ports really listened on, known once the servers listen. */
    private readonly ports: () => { http: number[]; https: number[] },
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(30_000, config.idleMs)).unref();
  }

  create(scenario: Scenario, client: string): Sandbox {
    if (this.sandboxes.size >= this.config.maxSandboxes) throw errors.tooManySandboxes(this.config.maxSandboxes);
    const mine = [...this.sandboxes.values()].filter((sandbox) => sandbox.client === client).length;
    if (mine >= this.config.maxSandboxesPerClient) throw errors.tooManySandboxesForClient(this.config.maxSandboxesPerClient);
    const id = newSandboxId();
    let origins: Record<string, LiveOrigin>;
    try {
      origins = liveOrigins(scenario, { sandboxId: id, domain: this.config.domain, ports: this.ports() });
    } catch (error) {
      const [path, message] = (error as Error).message.split(': ', 2);
      throw errors.invalidScenario((error as Error).message, [{ path, message }]);
    }
    const now = this.now();
    const sandbox: Sandbox = {
      id, client, scenario, origins, createdAt: now, lastSeen: now,
      exchanges: [], report: null, actual: null, events: [], listeners: new Set(), watchdog: null, nextSeq: 0,
    };
    this.sandboxes.set(id, sandbox);
    for (const origin of Object.values(origins)) this.byHost.set(hostKey(origin.host, origin.port), { sandbox, origin });
    return sandbox;
  }

  get(id: string): Sandbox {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) throw errors.sandboxNotFound(id);
    return sandbox;
  }

  /** The sandbox origin a Host header names, or null. */
  target(hostname: string, port: number): SandboxTarget | null {
    const target = this.byHost.get(hostKey(hostname, port)) ?? null;
    if (target) target.sandbox.lastSeen = this.now();
    return target;
  }

  /** Whether an origin string (from an Origin header) names a sandbox host, live or expired. */
  isSandboxOrigin(origin: string): boolean {
    try {
      return this.isSandboxHostName(new URL(origin).hostname);
    } catch {
      return false;
    }
  }

  /** Whether a host name is under the sandbox domain, live or not. */
  isSandboxHostName(hostname: string): boolean {
    return hostname.endsWith(`.${this.config.domain}`) && /^[a-z][a-z0-9-]*-[a-z2-7]{16}\.site-/.test(hostname);
  }

  recordExchange(sandbox: Sandbox, exchange: Omit<Exchange, 'seq' | 'at'>): Exchange {
    const full: Exchange = { seq: sandbox.nextSeq++, at: this.now() - sandbox.createdAt, ...exchange };
    sandbox.exchanges.push(full);
    if (sandbox.exchanges.length > this.config.maxExchangesPerSandbox) sandbox.exchanges.shift();
    if (streamsExchange(sandbox, this.config.maxRequestsPerRun)) this.emit(sandbox, { type: 'exchange', data: full });
    return full;
  }

  /**
   * The harness page was served: the sandbox's one run starts, and if no report arrives in time it
   * is reported as timed out. A run starts once per sandbox (the playground makes a fresh sandbox
   * per run): serving the page again neither restarts the watchdog nor lets a second report in, so
   * client code cannot reload the page to reset its request cap or keep its run alive. Returns
   * whether this call started the run.
   */
  startRun(sandbox: Sandbox): boolean {
    if (sandbox.watchdog || sandbox.report) return false;
    sandbox.watchdog = setTimeout(() => {
      const seconds = this.config.runTimeoutMs / 1000;
      this.finishRun(sandbox, {
        observations: [], log: [], end: 'timeout',
        error: `the client code did not finish within ${seconds} s and the page stopped answering (a loop that never ends?)`,
      });
    }, this.config.runTimeoutMs + this.config.runGraceMs).unref();
    return true;
  }

  /** Whether the harness may report now: only once, while the run is in progress. */
  awaitsReport(sandbox: Sandbox): boolean {
    return sandbox.watchdog !== null;
  }

  /** Ends the run in progress with its report; false when no run is in progress (it never started, or ended already). */
  finishRun(sandbox: Sandbox, report: HarnessReport): boolean {
    if (!sandbox.watchdog) return false;
    clearTimeout(sandbox.watchdog);
    sandbox.watchdog = null;
    sandbox.report = report;
    sandbox.actual = actualRecords(report, sandbox.exchanges, sandbox.origins, sandbox.scenario.page);
    this.emit(sandbox, { type: 'report', data: report });
    this.emit(sandbox, { type: 'actual', data: sandbox.actual });
    const requestCap = requestCapHit(sandbox, this.config.maxRequestsPerRun);
    const reason = report.end === 'timeout' ? 'timeout' : 'finished';
    this.emit(sandbox, { type: 'end', data: { reason, ...(requestCap ? { requestCap } : {}), ...(report.dropped ? { dropped: report.dropped } : {}) } });
    return true;
  }

  subscribe(sandbox: Sandbox, listener: (event: SandboxEvent) => void): () => void {
    for (const event of sandbox.events) listener(event);
    sandbox.listeners.add(listener);
    return () => sandbox.listeners.delete(listener);
  }

  /** Calls `listener` with each sandbox deleted (expired, or the app closing): what it holds open, it closes. */
  onDelete(listener: (sandbox: Sandbox) => void): void {
    this.deleteListeners.add(listener);
  }

  delete(sandbox: Sandbox): void {
    if (sandbox.watchdog) clearTimeout(sandbox.watchdog);
    sandbox.watchdog = null;
    for (const listener of this.deleteListeners) listener(sandbox);
    this.emit(sandbox, { type: 'end', data: { reason: 'expired' } });
    sandbox.listeners.clear();
    this.sandboxes.delete(sandbox.id);
    for (const origin of Object.values(sandbox.origins)) this.byHost.delete(hostKey(origin.host, origin.port));
  }

  sweep(): void {
    const cutoff = this.now() - this.config.idleMs;
    for (const sandbox of this.sandboxes.values()) if (sandbox.lastSeen < cutoff) this.delete(sandbox);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const sandbox of [...this.sandboxes.values()]) this.delete(sandbox);
  }

  get size(): number {
    return this.sandboxes.size;
  }

  private emit(sandbox: Sandbox, event: SandboxEvent): void {
    sandbox.events.push(event);
    if (sandbox.events.length > this.config.maxExchangesPerSandbox + 10) sandbox.events.splice(0, 1);
    for (const listener of sandbox.listeners) listener(event);
  }
}

function hostKey(hostname: string, port: number): string {
  return `${hostname.toLowerCase()}:${port}`;
}
