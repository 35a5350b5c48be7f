import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { actualRecords, type ConsoleCapture, type Exchange, type HarnessReport, type LiveOrigin, type RunRecords, type Scenario } from '@cors-playground/scenario';

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

/**
 * Runs a scenario for real: a sandbox on the server, the harness page in a fresh browser context
 * (so no cookie or cache of another run leaks in), the console lines the browser printed.
 */
export async function realRun(request: APIRequestContext, context: BrowserContext, scenario: Scenario): Promise<RealRun> {
  const response = await request.post('/api/sandboxes', { data: scenario });
  if (response.status() !== 201) throw new Error(`sandbox not created: ${response.status()} ${await response.text()}`);
  const sandbox = (await response.json()) as CreatedSandbox;
  const page = await context.newPage();
  const captures: ConsoleCapture[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') captures.push({ engine: 'chromium', text: message.text() });
  });
  await page.goto(sandbox.runUrl);
  let log: { exchanges: Exchange[]; report: HarnessReport | null } = { exchanges: [], report: null };
  for (let attempt = 0; attempt < 300 && !log.report; attempt++) {
    log = await (await request.get(`/api/sandboxes/${sandbox.id}/log`)).json();
    if (!log.report) await page.waitForTimeout(100);
  }
  await page.close();
  await request.delete(`/api/sandboxes/${sandbox.id}`);
  if (!log.report) throw new Error('the harness never reported');
  const actual = actualRecords(log.report, log.exchanges, sandbox.live, scenario.page, captures);
  return { sandbox, actual, exchanges: log.exchanges, report: log.report };
}
