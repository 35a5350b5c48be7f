import { chromium, expect, test, type APIRequestContext, type BrowserContext, type CDPSession } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../packages/cli/src/verify/session';
import { PlaygroundPage } from './pages/playground-page';

/**
 * Runaway and hostile client code (issue 5): each kind is stopped and reported as such on both
 * sides, the playground stays usable while it runs, and the server keeps serving other sandboxes.
 * The run frame (cross-site) and the predictor frame (sandboxed, opaque origin) each get their own
 * renderer process in Chromium, so a loop there never blocks the playground's own thread.
 */

const OTHER_SCENARIO = {
  version: 1,
  title: 'another user',
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: "const r = await fetch(url('api', '/data')); log(r.status, await r.text());",
  servers: { api: { routes: [{ path: '/data', headers: { 'Access-Control-Allow-Origin': '${origin:app}' }, body: 'served' }] } },
};

/**
 * Another sandbox, created through the API and run in its own tab while the runaway one runs: it
 * must be served normally (its harness reports a finished run with the expected log).
 */
async function otherSandboxIsServed(context: BrowserContext, request: APIRequestContext): Promise<void> {
  const created = await request.post('/api/sandboxes', { data: OTHER_SCENARIO });
  expect(created.status()).toBe(201);
  const { id, runUrl } = (await created.json()) as { id: string; runUrl: string };
  const tab = await context.newPage();
  await tab.goto(runUrl);
  await expect
    .poll(async () => ((await (await request.get(`/api/sandboxes/${id}/log`)).json()) as { report: { end: string; log: string[] } | null }).report, { timeout: 20_000 })
    .toEqual(expect.objectContaining({ end: 'finished', log: ['200 served'] }));
  await tab.close();
}

async function startRunaway(playground: PlaygroundPage, code: string): Promise<void> {
  await playground.goto();
  await playground.pickStarter('get-allowed-with-acao');
  await playground.setClientCode(code);
  await playground.run();
  await expect(playground.runStatus).toHaveAttribute('data-status', 'running');
}

/** The playground answers a person while the run goes on: typing in the client editor lands. */
async function typeWhileRunning(playground: PlaygroundPage, text: string): Promise<void> {
  await playground.clientEditor.locator('.monaco-editor').click();
  await playground.page.keyboard.press('ControlOrMeta+End');
  await playground.page.keyboard.type(`\n${text}`);
  await expect(playground.clientEditor).toContainText(text);
}

test.describe('runaway client code', () => {
  // Each test waits out a run time limit (10 s, then the server's 5 s grace) on a machine the runaway code keeps busy.
  test.describe.configure({ timeout: 120_000 });

  test('a loop that never ends is stopped on both sides, while the playground and other sandboxes carry on', async ({ page, context, request }) => {
    const playground = new PlaygroundPage(page);
    await startRunaway(playground, "log('before the loop');\nfor (;;) {}");
    await typeWhileRunning(playground, '// typed while the loop runs');
    await otherSandboxIsServed(context, request);
    expect(await playground.waitForPrediction()).toBe('timeout');
    await expect(playground.predictionStatus).toContainText('prediction stopped');
    await playground.pickStarter('put-custom-header-preflight');
    await expect(playground.clientEditor).toContainText("'X-Token'");
    expect(await playground.waitForActual()).toBe('timeout');
    await expect(playground.runStatus).toContainText('did not finish');
    // The frame that looped is gone, so its process no longer burns the CPU.
    await expect(page.getByTestId('run-frame')).toHaveCount(0);
  });

  test('the prediction of a loop that never ends is stopped, and the next prediction works', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('get-allowed-with-acao');
    await playground.setClientCode('for (;;) {}');
    await expect(playground.predictionStatus).toHaveAttribute('data-status', 'timeout', { timeout: 20_000 });
    await expect(playground.predictionStatus).toContainText('prediction stopped');
    await expect(page.getByTestId('predictor-frame')).toHaveCount(0);
    await playground.setClientCode("log('after');");
    await expect.poll(() => playground.logLines('predicted'), { timeout: 20_000 }).toEqual(['after']);
  });

  test('a request flood hits the request cap: both sides block the requests past it and say so', async ({ page, context, request }) => {
    const playground = new PlaygroundPage(page);
    const flood = [
      "const results = await Promise.allSettled(Array.from({ length: 520 }, () => fetch(url('api', '/data'))));",
      "log(results.filter((r) => r.status === 'fulfilled').length, 'answered', results.filter((r) => r.status === 'rejected').length, 'blocked');",
    ].join('\n');
    await startRunaway(playground, flood);
    await otherSandboxIsServed(context, request);
    expect(await playground.waitForActual()).toBe('finished');
    await expect(playground.runStatus).toContainText('request cap was hit: past 500 requests in this run, the sandbox answered 20 more with 429');
    expect(await playground.waitForPrediction()).toBe('done');
    await expect(page.getByTestId('model-notes')).toContainText('request cap was hit');
    expect(await playground.logLines('actual')).toEqual(['500 answered 20 blocked']);
    expect(await playground.logLines('predicted')).toEqual(['500 answered 20 blocked']);
  });

  test('window.open in a loop opens exactly 20 windows and is stopped by the time limit', async ({ page, context, request }) => {
    const playground = new PlaygroundPage(page);
    let popups = 0;
    context.on('page', () => popups++);
    await startRunaway(playground, "for (;;) window.open(url('app', '/popup'));");
    await typeWhileRunning(playground, '// typed while windows open');
    expect(await playground.waitForActual()).toBe('timeout');
    await expect(playground.runStatus).toContainText('did not finish');
    expect(await playground.waitForPrediction()).toBe('timeout');
    // The harness's cap (WINDOWS_PER_RUN): each window the loop opened loaded /popup from the
    // sandbox, whose log counts them. Playwright does not announce every one of them (they share the
    // looping frame's busy process), so its count only bounds it.
    const sandboxId = /app-([a-z2-7]{16})\./.exec(await page.locator('.page-origin').innerText())![1];
    const log = (await (await request.get(`/api/sandboxes/${sandboxId}/log`)).json()) as { exchanges: Array<{ url: string }> };
    expect(log.exchanges.filter((exchange) => new URL(exchange.url).pathname === '/popup')).toHaveLength(20);
    expect(popups).toBeGreaterThan(0);
    expect(popups).toBeLessThanOrEqual(20);
  });

  test('a window run that loops is closed at the time limit, so its page stops burning the CPU', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.prepareLoopingWindowRun();
    const runWindow = await playground.runInNewWindow();
    await expect(playground.runStatus).toHaveAttribute('data-status', 'running');
    expect(await playground.waitForActual()).toBe('timeout');
    await expect(playground.runStatus).toContainText('did not finish');
    await expect.poll(() => runWindow.isClosed()).toBe(true);
  });
});

test.describe('client code that allocates without end', () => {
  test.describe.configure({ timeout: 120_000 });

  /** Reads the playground through its own CDP session (see below). */
  async function read(cdp: CDPSession, expression: string): Promise<unknown> {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    return result.value;
  }

  test('runs out of memory in its own frames only: both sides report it stopped and the playground still works', async ({ request, baseURL }) => {
    // A browser of its own with a small V8 heap, so the frames run out of memory in a moment
    // instead of gigabytes later.
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=256'] });
    try {
      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const playground = new PlaygroundPage(page);
      await playground.goto();
      await playground.pickStarter('get-allowed-with-acao');
      // Chromium ends a frame's renderer process when it runs out of memory; the playground's own
      // process lives on. Playwright, though, calls the whole page crashed as soon as any frame's
      // process dies, and refuses further actions on it, so the playground is driven from here on
      // through a DevTools session on its own document, which is unaffected.
      const cdp = await context.newCDPSession(page);
      const status = (testId: string) => read(cdp, `document.querySelector('[data-testid="${testId}"]')?.dataset.status`);
      await playground.setClientCode('const hog = [];\nfor (;;) hog.push(new Array(1e6).fill(1));');
      await playground.runButton.click();
      await expect.poll(() => status('prediction-status'), { timeout: 20_000 }).toBe('timeout');
      await otherSandboxIsServed(context, request);
      await expect.poll(() => status('run-status'), { timeout: 45_000 }).toBe('timeout');
      expect(await read(cdp, `document.querySelector('[data-testid="run-status"]').textContent`)).toContain('did not finish');
      expect(await read(cdp, `document.querySelectorAll('[data-testid="run-frame"]').length`)).toBe(0);
      // Still usable: picking another starter loads it into the editors.
      await read(cdp, `(() => { const picker = document.querySelector('[data-testid="starter-picker"]'); picker.value = 'put-custom-header-preflight'; picker.dispatchEvent(new Event('change', { bubbles: true })); })()`);
      await expect.poll(() => read(cdp, `document.querySelector('[data-testid="client-editor"]').textContent.includes('X-Token')`)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
