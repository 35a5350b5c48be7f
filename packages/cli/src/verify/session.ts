import { chromium, type Browser } from 'playwright-core';
import { closeCompanion } from './run-browsers';
import type { VerifyTarget } from './verify-scenarios';

/** Verification runs Debian's Chromium; no tool downloads a browser of its own. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** `--ignore-certificate-errors`: the https sandbox origins use the server's local CA, which this browser does not trust. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--ignore-certificate-errors',
] as const;

/** The executable to launch: CHROMIUM_PATH when set, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * Headless Chromium. Signals are left to the caller, which closes the browser and the server
 * together (Playwright's own SIGINT handler would exit before the server is closed).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new Error(`Chromium did not start from ${executablePath} (set CHROMIUM_PATH to use another binary): ${reason}`);
  }
}

/** The browser as the output names it, from the running browser: "chromium 156.0.8078.79". */
export function browserLabel(browser: Browser): string {
  return `${browser.browserType().name()} ${browser.version()}`;
}

/** A server and a browser for real runs. `close` closes both, once, however often it is called. */
export interface VerifySession {
  browser: Browser;
  /** E.g. "chromium 156.0.8078.79". */
  browserLabel: string;
  target: VerifyTarget;
  close(): Promise<void>;
}

/**
 * Starts the playground server in this process on two free loopback ports per scheme (never a
 * fixed port, so it cannot collide with a server already running) and launches Chromium.
 */
export async function openVerifySession(): Promise<VerifySession> {
  // Loaded lazily: `predict` must not pay for Fastify.
  const { startServer } = await import('@cors-playground/server');
  const server = await startServer({ ports: { http: [0, 0], https: [0, 0] }, bindAddresses: ['127.0.0.1'] });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  let closing: Promise<void> | null = null;
  const closeBoth = async () => {
    await closeCompanion(browser);
    await browser.close().catch(() => undefined);
    await server.close();
  };
  return {
    browser,
    browserLabel: browserLabel(browser),
    target: { apiBaseUrl: server.url, ports: server.ports },
    close: () => (closing ??= closeBoth()),
  };
}
