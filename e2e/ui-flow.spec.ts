import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CORPUS_DIR } from './support/corpus';
import { PlaygroundPage } from './pages/playground-page';

/** A starter as the servers editor shows it: the scenario without its client code. */
function serversOf(starter: string): Record<string, unknown> {
  const { client: _client, ...rest } = JSON.parse(readFileSync(`${CORPUS_DIR}/starters/${starter}.json`, 'utf8'));
  return rest;
}

test.describe('the playground, as a person uses it', () => {
  test('a starter runs, both columns agree, and breaking Access-Control-Allow-Origin blocks both', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('get-allowed-with-acao');
    await playground.run();
    expect(await playground.waitForActual()).toBe('finished');
    expect(await playground.requestRow(0)).toEqual({ predictedOutcome: 'ok', actualOutcome: 'ok', disagrees: false });
    expect(await playground.logLines('actual')).toEqual(['200 {"items":[1,2,3]}']);
    expect(await playground.logLines('predicted')).toEqual(await playground.logLines('actual'));
    await expect(playground.runContext).toContainText('in a frame inside the playground');

    const broken = serversOf('get-allowed-with-acao') as { servers: { api: { routes: Array<{ headers: Record<string, string> }> } } };
    broken.servers.api.routes[0]!.headers['Access-Control-Allow-Origin'] = 'https://example.com';
    await playground.setServersJson(JSON.stringify(broken, null, 2));
    await playground.run();
    expect(await playground.waitForActual()).toBe('finished');
    expect(await playground.requestRow(0)).toEqual({ predictedOutcome: 'blocked', actualOutcome: 'blocked', disagrees: false });
    expect(await playground.logLines('actual')).toEqual(['TypeError Failed to fetch']);
    // The request still reached the server: the browser, not the server, refused the answer.
    expect(await playground.exchanges()).toEqual(['GET /data']);
    // The predicted side explains the refusal with the header value it saw, and proposes the fix.
    const predicted = playground.row(0).getByTestId('predicted-cell');
    await expect(predicted.getByTestId('fix')).toContainText('Access-Control-Allow-Origin');
    await predicted.getByTestId('prediction-why').locator('summary').click();
    await expect(predicted.getByTestId('verdict-value').filter({ hasText: 'https://example.com' }).first()).toBeVisible();
  });

  test('the keyboard shortcut runs a preflighted PUT, and the servers show the OPTIONS before the PUT', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('put-custom-header-preflight');
    await playground.runWithShortcut();
    expect(await playground.waitForActual()).toBe('finished');
    expect(await playground.requestRow(0)).toEqual({ predictedOutcome: 'ok', actualOutcome: 'ok', disagrees: false });
    expect(await playground.exchanges()).toEqual(['OPTIONS /data', 'PUT /data']);
  });

  test('the scenario lives in the URL, so a reload brings an edit back', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('credentials-with-wildcard');
    await playground.setClientCode("log('edited');");
    await expect.poll(async () => (await playground.scenarioInUrl())?.client).toBe("log('edited');");
    await page.reload();
    await playground.waitForEditors();
    await expect(playground.clientEditor).toContainText("log('edited');");
    expect((await playground.scenarioInUrl())?.title).toBe(serversOf('credentials-with-wildcard').title);
  });

  test('client code in the run frame cannot navigate the playground away', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('get-allowed-with-acao');
    const escape = "try { top.location.href = 'about:blank'; log('tried'); } catch (e) { log(e.name); }";
    await playground.setClientCode(escape);
    await expect.poll(async () => (await playground.scenarioInUrl())?.client).toBe(escape);
    const before = page.url();
    await playground.run();
    expect(await playground.waitForActual()).toBe('finished');
    expect(page.url()).toBe(before);
    expect(await playground.logLines('actual')).toHaveLength(1);
  });

  test('a damaged link falls back with a visible message, and invalid JSON disables Run with the error shown', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto('#v1.damaged');
    await expect(playground.notice).toBeVisible();
    await playground.setServersJson('{ "version": 1, "origins": ');
    await expect(playground.runButton).toBeDisabled();
    expect((await playground.errors()).join('\n')).toMatch(/not valid JSON/);
  });
});
