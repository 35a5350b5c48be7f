import { expect, test } from '@playwright/test';
import type { ScenarioInput } from '@cors-playground/scenario';
import { browserForProfile } from '../packages/cli/src/verify/run-browsers';
import { PlaygroundPage } from './pages/playground-page';
import { launchWithPopupBlocker } from './support/popup-blocking';

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

  test('markup in a route body, a header value and a CORS option shows as code text in the server code view', async ({ page }) => {
    // A shared link carries the scenario: its strings are the attacker's.
    const attack = (n: number) => `</pre><img src=x onerror=window.__xss=${n}><script>window.__xss=${n + 10}</script>`;
    const hostile: ScenarioInput = {
      ...LIBRARY_SCENARIO,
      servers: {
        api: {
          cors: { plugin: '@fastify/cors', options: { origin: ['${origin:app}', attack(1)] } },
          routes: [{ path: '/data', method: 'GET', headers: { 'X-Note': attack(2) }, body: attack(3) }],
        },
      },
    };
    const playground = new PlaygroundPage(page);
    await playground.gotoScenario(hostile);
    for (const framework of ['fastify', 'express'] as const) {
      await playground.serverCodeOf('api', framework);
      const text = playground.serverCode.getByTestId('server-code-text');
      // Coloured by Monaco: the code is in token spans, and its text is all there is.
      await expect(text).toHaveAttribute('data-colorized', 'true');
      await expect(text.locator('span[class^="mtk"]').first()).toBeVisible();
      await expect(playground.serverCode.locator('img, script')).toHaveCount(0);
      const shown = await text.innerText();
      for (const n of [1, 2, 3]) expect(shown).toContain(attack(n));
    }
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
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

  test('a run in a new window opens the page top-level past the pop-up blocker, and its results still arrive in the playground', async ({ baseURL }) => {
    const browser = await launchWithPopupBlocker();
    try {
      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const playground = new PlaygroundPage(page);
      await playground.goto();
      await playground.pickStarter('get-allowed-with-acao');
      await playground.chooseRunContext('window');
      await expect(playground.runContext).toContainText('as a top-level page in a new window');
      // The choice is part of the scenario, so a copied link keeps it.
      await expect.poll(async () => (await playground.scenarioInUrl())?.context).toBe('window');
      const before = page.url();
      // The run page says from inside whether it is top-level and whether it can navigate the playground
      // (the window is closed once the run reports, so it is asked as it loads).
      const seen: unknown[] = [];
      await context.exposeBinding('__reportPlacement', (_source, placement: unknown) => void seen.push(placement));
      await context.addInitScript(() => {
        if (location.pathname !== '/__cors-playground/run') return;
        let playground = 'navigated';
        try {
          window.opener.top.location.href = 'about:blank';
        } catch {
          playground = 'refused';
        }
        (window as unknown as { __reportPlacement(p: unknown): void }).__reportPlacement({ top: window.top === window, playground });
      });
      const runWindow = await playground.runInNewWindow();
      expect(await playground.waitForActual()).toBe('finished');
      expect(await playground.requestRow(0)).toEqual({ predictedOutcome: 'ok', actualOutcome: 'ok', disagrees: false });
      expect(await playground.logLines('actual')).toEqual(['200 {"items":[1,2,3]}']);
      await expect(playground.runStatus).toContainText('Ran as a top-level page in a new window');
      // The run page is top-level and cannot navigate the playground away.
      expect(seen).toEqual([{ top: true, playground: 'refused' }]);
      expect(page.url()).toBe(before);
      // The run is over, so its window is gone.
      await expect.poll(() => runWindow.isClosed()).toBe(true);
      await expect(page.getByTestId('run-frame')).toHaveCount(0);
    } finally {
      await browser.close();
    }
  });

  test('Stop closes the run window, also while the sandbox is still being created', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.prepareLoopingWindowRun();
    // Hold the first sandbox request, so the run stays in "creating" with its blank window open.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/sandboxes', async (route) => {
      await held;
      await route.continue();
    });
    let runWindow = await playground.runInNewWindow();
    await expect(playground.runStatus).toHaveAttribute('data-status', 'creating');
    await page.getByTestId('stop-button').click();
    await expect.poll(() => runWindow.isClosed()).toBe(true);
    await expect(playground.runStatus).toHaveAttribute('data-status', 'failed');
    await expect(playground.runStatus).toContainText('You stopped the run');
    // The held request goes on now; the playground deletes the sandbox nobody will run.
    release();

    // Stopped while its looping page runs: the window goes at once, not at the time limit.
    runWindow = await playground.runInNewWindow();
    await expect(playground.runStatus).toHaveAttribute('data-status', 'running');
    // Its page never finishes loading: the loop holds its thread.
    await runWindow.waitForURL(/\/__cors-playground\/run/, { waitUntil: 'commit' });
    await page.getByTestId('stop-button').click();
    await expect.poll(() => runWindow.isClosed()).toBe(true);
    await expect(playground.runStatus).toContainText('You stopped the run');
    await expect(page.getByTestId('stop-button')).toHaveCount(0);
  });

  test('a blocked pop-up stops the window run with a notice that says what to do', async ({ baseURL }) => {
    const browser = await launchWithPopupBlocker();
    try {
      const page = await (await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })).newPage();
      const playground = new PlaygroundPage(page);
      await playground.goto();
      await playground.pickStarter('get-allowed-with-acao');
      await playground.chooseRunContext('window');
      // A Run the blocker refuses: the page's user activation is used up by a first pop-up, then
      // Run is clicked from script, which grants none.
      await page.evaluate(() => {
        window.open('', '_blank')?.close();
        document.querySelector<HTMLButtonElement>('[data-testid="run-button"]')!.click();
      });
      expect(await playground.waitForActual()).toBe('failed');
      await expect(playground.notice).toContainText('blocked the new window');
      await expect(playground.notice).toContainText('run in a frame');
      // Back to the frame, the same scenario runs.
      await playground.chooseRunContext('frame');
      await playground.run();
      expect(await playground.waitForActual()).toBe('finished');
    } finally {
      await browser.close();
    }
  });

  test('in a browser that blocks third-party cookies, the credential-theft row says why the cookie was not sent', async ({ page }) => {
    // Playwright's contexts are incognito profiles: they block third-party cookies, and the starter assumes a regular profile.
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.pickStarter('credential-theft-reflected-origin');
    await playground.run();
    expect(await playground.waitForActual()).toBe('finished');
    expect(await playground.waitForPrediction()).toBe('done');
    const account = page.getByTestId('request-row-1');
    await expect(account.getByTestId('actual-cookies')).toHaveText('none');
    await expect(account.getByTestId('third-party-cookies-note')).toContainText('this browser blocks third-party cookies');
    await expect(account.getByTestId('third-party-cookies-note')).toContainText('"thirdPartyCookies": "blocked"');
    // The login request carried no cookie on either side: no note there.
    await expect(page.getByTestId('request-row-0').getByTestId('third-party-cookies-note')).toHaveCount(0);
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
