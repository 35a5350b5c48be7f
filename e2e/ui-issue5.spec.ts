import { expect, test } from '@playwright/test';
import type { ScenarioInput } from '@cors-playground/scenario';
import { browserForProfile } from '../packages/cli/src/verify/run-browsers';
import { PlaygroundPage } from './pages/playground-page';

/** An API origin that runs @fastify/cors, with a route that sets cookies and answers a body a browser must not render as HTML. */
const LIBRARY_SCENARIO: ScenarioInput = {
  version: 1,
  title: 'An API behind @fastify/cors',
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: "const r = await fetch(url('api', '/data'), { credentials: 'include', headers: { 'X-Token': '1' } });\nlog(r.status, await r.text());",
  servers: {
    api: {
      cors: { plugin: '@fastify/cors', options: { origin: ['${origin:app}'], credentials: true, allowedHeaders: ['X-Token'] } },
      routes: [
        {
          path: '/data',
          method: 'GET',
          headers: { 'Set-Cookie': ['session=s3cr3t; Path=/; SameSite=None; Secure', 'theme=dark'] },
          body: '<img src=x onerror="document.title=1">',
        },
      ],
    },
  },
};

test.describe('issue 5 in the playground, as a person uses it', () => {
  test('the server code view shows the plugin configuration as Fastify and as Express code, and copies it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const playground = new PlaygroundPage(page);
    await playground.gotoScenario(LIBRARY_SCENARIO);

    const fastify = await playground.serverCodeOf('api', 'fastify');
    expect(fastify).toContain("import cors from '@fastify/cors';");
    expect(fastify).toMatch(/await app\.register\(cors, \{\s+origin: \[APP_ORIGIN\],/);
    expect(fastify).toContain('credentials: true,');
    // ${origin:app} is the live origin of the preview, in a constant a reader can change.
    expect(fastify).toMatch(/const APP_ORIGIN = 'http:\/\/app-[a-z0-9]+\.site-a\.localhost:\d+';/);
    expect(fastify).toContain("reply.header('Set-Cookie', ['session=s3cr3t; Path=/; SameSite=None; Secure', 'theme=dark']);");
    // The body is code text, not markup.
    await expect(playground.serverCode.locator('img')).toHaveCount(0);

    const express = await playground.serverCodeOf('api', 'express');
    expect(express).toContain("import cors from 'cors';");
    expect(express).toMatch(/app\.use\(cors\(\{\s+origin: \[APP_ORIGIN\],/);
    expect(express).toContain("res.append('Set-Cookie', ['session=s3cr3t; Path=/; SameSite=None; Secure', 'theme=dark']);");

    await playground.serverCode.getByTestId('server-code-copy').click();
    await expect(playground.serverCode.getByTestId('server-code-copy')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // What the Copy button puts on the clipboard is what a selection of the view gives: plain spaces, same lines.
    expect(copied.trim()).toBe(express.trim());

    // Back to the JSON, the editor is there as it was.
    await playground.showServersJson();
    await expect(playground.serversEditor.locator('.view-line').filter({ hasText: '"plugin"' })).toBeVisible();

    // After a run, the code names the hosts of the run's own sandbox.
    await playground.run();
    expect(await playground.waitForActual()).toBe('finished');
    const pageOrigin = (await page.locator('.page-origin').innerText()).replace('page origin ', '').trim();
    expect(await playground.serverCodeOf('api', 'express')).toContain(`const APP_ORIGIN = '${pageOrigin}';`);
  });

  test('the servers editor offers the CORS plugin’s options as completions', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    const servers = ['{', '  "version": 1,', '  "origins": { "app": {}, "api": {} },', '  "page": "app",', '  "servers": { "api": { "cors": { "plugin": "@fastify/cors", "options": {', '', '  } } } }', '}', ''];
    await playground.setServersJson(servers.join('\n'));
    const editor = playground.serversEditor.locator('.monaco-editor');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let line = 0; line < 5; line++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const suggestions = playground.serversEditor.locator('.suggest-widget');
    for (const [typed, option] of [['cred', 'credentials'], ['allowed', 'allowedHeaders']] as const) {
      await page.keyboard.press('Control+Space');
      await page.keyboard.type(typed);
      await expect(suggestions.locator('.monaco-list-row').filter({ hasText: option }).first()).toBeVisible();
      await page.keyboard.press('Escape');
      for (let index = 0; index < typed.length; index++) await page.keyboard.press('Backspace');
    }
    // Accepting a completion writes the option into the JSON.
    await page.keyboard.press('Control+Space');
    await page.keyboard.type('cred');
    await expect(suggestions.locator('.monaco-list-row').filter({ hasText: 'credentials' }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(playground.serversEditor).toContainText('"credentials":');
  });

  test('a run in a new window opens the page top-level, and its results still arrive in the playground', async ({ page, context }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('get-allowed-with-acao');
    await playground.chooseRunContext('window');
    await expect(playground.runContext).toContainText('as a top-level page in a new window');
    // The choice is part of the scenario, so a copied link keeps it.
    await expect.poll(async () => (await playground.scenarioInUrl())?.context).toBe('window');
    const before = page.url();
    const opened = context.waitForEvent('page');
    await playground.run();
    const runWindow = await opened;
    await runWindow.waitForURL(/\/__cors-playground\/run/);
    expect(await playground.waitForActual()).toBe('finished');
    expect(await playground.requestRow(0)).toEqual({ predictedOutcome: 'ok', actualOutcome: 'ok', disagrees: false });
    expect(await playground.logLines('actual')).toEqual(['200 {"items":[1,2,3]}']);
    await expect(playground.runStatus).toContainText('Ran as a top-level page in a new window');
    // The run page is top-level and cannot reach back into the playground.
    expect(await runWindow.evaluate(() => ({ top: window.top === window, opener: window.opener }))).toEqual({ top: true, opener: null });
    expect(page.url()).toBe(before);
    await expect(page.getByTestId('run-frame')).toHaveCount(0);
  });

  test('a blocked pop-up stops the window run with a notice that says what to do', async ({ page }) => {
    // The browser's pop-up blocker is the boundary here: it answers window.open with null.
    await page.addInitScript(() => {
      window.open = () => null;
    });
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('get-allowed-with-acao');
    await playground.chooseRunContext('window');
    await playground.run();
    expect(await playground.waitForActual()).toBe('failed');
    await expect(playground.notice).toContainText('blocked the new window');
    await expect(playground.notice).toContainText('run in a frame');
    // Back to the frame, the same scenario runs.
    await playground.chooseRunContext('frame');
    await playground.run();
    expect(await playground.waitForActual()).toBe('finished');
  });

  test('the credential-theft starter runs, and the server log shows the session cookie on the bank’s request', async ({ browser, baseURL }) => {
    // Playwright's contexts are incognito profiles, which block third-party cookies; the starter
    // assumes a regular profile, as a person opening the playground has (browser.thirdPartyCookies).
    const regularProfile = await browserForProfile(browser, 'allowed');
    const context = await regularProfile.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    try {
      const playground = new PlaygroundPage(await context.newPage());
      await playground.goto();
      await playground.pickStarter('credential-theft-reflected-origin');
      await playground.run();
      expect(await playground.waitForActual()).toBe('finished');
      expect(await playground.logLines('actual')).toEqual(['evil read 200 {"owner":"alice","balance":1200}']);
      expect(await playground.requestRow(1)).toEqual({ predictedOutcome: 'ok', actualOutcome: 'ok', disagrees: false });
      // The login sets the session cookie; the evil page's read of the account carries it.
      expect(await playground.cookiesSent()).toEqual([[], ['session=alice-7f3a']]);
      await expect(playground.timeline.getByTestId('cookies-set').first()).toContainText('session=alice-7f3a');
    } finally {
      await context.close();
    }
  });

  test('each request says which API made it, on both sides', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.gotoScenario({
      version: 1,
      title: 'Three ways to load from another origin',
      origins: { app: { site: 'a' }, cdn: { site: 'c' } },
      page: 'app',
      client: "await fetch(url('cdn', '/data'));\nawait loadImage(url('cdn', '/pic.png'));\nawait loadScript(url('cdn', '/mod.js'), { module: true });",
      servers: {
        cdn: {
          routes: [
            { path: '/data', headers: { 'Access-Control-Allow-Origin': '*' }, body: 'data' },
            { path: '/pic.png', asset: 'png' },
            { path: '/mod.js', headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' }, body: 'export {};' },
          ],
        },
      },
    });
    await playground.run();
    expect(await playground.waitForActual()).toBe('finished');
    const labels = ['fetch', '<img>', '<script type=module>'];
    for (const [index, label] of labels.entries()) {
      await expect(playground.row(index).getByTestId('request-api')).toHaveText(label);
      expect(await playground.requestRow(index)).toMatchObject({ disagrees: false });
    }
  });
});
