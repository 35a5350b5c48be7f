import type { BrowserContext, Page } from 'playwright-core';
import { actualRecords, type ConsoleCapture, type Exchange, type HarnessReport, type LiveOrigin, type RunRecords, type Scenario } from '@cors-playground/scenario';

/** What POST /api/sandboxes answers (apps/server/src/api.ts). */
export interface CreatedSandbox {
  id: string;
  origins: Record<string, string>;
  live: Record<string, LiveOrigin>;
  runUrl: string;
}

export interface RealRun {
  sandbox: CreatedSandbox;
  actual: RunRecords;
  exchanges: Exchange[];
  report: HarnessReport;
}

interface SandboxLog {
  exchanges: Exchange[];
  report: HarnessReport | null;
}

/** How often and how long to ask the server for the harness report. The server's own watchdog reports a timeout after 15 s. */
const REPORT_POLL_MS = 100;
const REPORT_WAIT_MS = 30_000;

async function responseError(what: string, response: Response): Promise<Error> {
  const body = (await response.text().catch(() => '')).trim();
  return new Error(`${what}: the server answered ${response.status}${body ? ` ${body}` : ''}`);
}

async function createSandbox(apiBaseUrl: string, scenario: Scenario): Promise<CreatedSandbox> {
  const response = await fetch(new URL('/api/sandboxes', apiBaseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  if (response.status !== 201) throw await responseError('the sandbox was not created', response);
  return (await response.json()) as CreatedSandbox;
}

async function deleteSandbox(apiBaseUrl: string, id: string): Promise<void> {
  await fetch(new URL(`/api/sandboxes/${id}`, apiBaseUrl), { method: 'DELETE' }).catch(() => undefined);
}

/** Polls the sandbox's log until the harness has reported (or the server's watchdog reported a timeout for it). */
async function waitForReport(apiBaseUrl: string, id: string): Promise<SandboxLog & { report: HarnessReport }> {
  const deadline = Date.now() + REPORT_WAIT_MS;
  // The sandbox's short description says when the run is over; the log (every exchange, up to a
  // few hundred kilobytes in a flood) is read once, then.
  for (;;) {
    const response = await fetch(new URL(`/api/sandboxes/${id}`, apiBaseUrl));
    if (!response.ok) throw await responseError(`sandbox ${id} could not be read`, response);
    if (((await response.json()) as { reported: boolean }).reported) break;
    if (Date.now() > deadline) throw new Error(`the harness of sandbox ${id} never reported within ${REPORT_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, REPORT_POLL_MS));
  }
  const response = await fetch(new URL(`/api/sandboxes/${id}/log`, apiBaseUrl));
  if (!response.ok) throw await responseError(`the log of sandbox ${id} could not be read`, response);
  const log = (await response.json()) as SandboxLog;
  if (!log.report) throw new Error(`sandbox ${id} said its run was over, but its log has no report`);
  return { exchanges: log.exchanges, report: log.report };
}

/** Records every console error the page prints: the CORS lines Chromium writes for blocked requests. */
function captureConsoleErrors(page: Page): ConsoleCapture[] {
  const captures: ConsoleCapture[] = [];
  page.on('console', (message) => {
    const { url } = message.location();
    if (message.type() === 'error') captures.push({ engine: 'chromium', text: message.text(), ...(url ? { url } : {}) });
  });
  return captures;
}

/**
 * Where the run's top-level page is (the scenario's `context`): the harness page itself in a
 * "window", or in a "frame" the server's page on the playground origin that frames it
 * (apps/server/src/run-frame.ts), as the web app's run frame does.
 */
export function runPageUrl(apiBaseUrl: string, sandbox: CreatedSandbox, scenario: Scenario): string {
  return scenario.context === 'window' ? sandbox.runUrl : new URL(`/run-frame/${sandbox.id}`, apiBaseUrl).href;
}

/**
 * Runs a scenario for real: a sandbox on the server at apiBaseUrl, the harness page (top-level or
 * framed, as the scenario's context says) in the given browser context (a fresh one per run, so
 * no cookie or cache of another run leaks in), and the console lines the browser printed. The page is closed and the sandbox deleted whatever happens;
 * the records are built after the page closed, so no console line still in flight is missed.
 */
export async function realRun(apiBaseUrl: string, context: BrowserContext, scenario: Scenario): Promise<RealRun> {
  const sandbox = await createSandbox(apiBaseUrl, scenario);
  let page: Page | null = null;
  let captures: ConsoleCapture[] = [];
  let log: SandboxLog & { report: HarnessReport };
  try {
    page = await context.newPage();
    captures = captureConsoleErrors(page);
    await page.goto(runPageUrl(apiBaseUrl, sandbox, scenario));
    log = await waitForReport(apiBaseUrl, sandbox.id);
  } finally {
    await page?.close().catch(() => undefined);
    await deleteSandbox(apiBaseUrl, sandbox.id);
  }
  const actual = actualRecords(log.report, log.exchanges, sandbox.live, scenario.page, captures);
  return { sandbox, actual, exchanges: log.exchanges, report: log.report };
}
