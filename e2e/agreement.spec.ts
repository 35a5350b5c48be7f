import { expect, test } from '@playwright/test';
import { browserLabel, closeCompanion, formatVerification, newRunContext, verifyScenario, type VerifyTarget } from '@cors-playground/cli';
import { E2E_HTTPS_PORTS, E2E_PORTS } from '../playwright.config';
import { corpusCases } from './support/corpus';

/**
 * The agreement suite: for every scenario of the corpus, the engine's prediction equals what real
 * Chromium did, on outcome, preflight sent, status, visible headers, the log and, for blocked
 * requests, the exact console line. It runs the same code as `cors-playground verify`
 * (packages/cli/src/verify), against the server Playwright started.
 */
test.describe.configure({ mode: 'parallel' });

const target: VerifyTarget = { apiBaseUrl: `http://localhost:${E2E_PORTS[0]}`, ports: { http: [...E2E_PORTS], https: [...E2E_HTTPS_PORTS] } };

// The "allowed" profile's Chromium (run-browsers.ts) goes with the worker's browser.
test.afterAll(async ({ browser }) => closeCompanion(browser));

for (const { name, scenario } of await corpusCases()) {
  test(`${name}: ${scenario.title}`, async ({ browser }) => {
    // In the third-party cookie profile the scenario assumes (a second Chromium for "allowed").
    const context = await newRunContext(browser, scenario);
    try {
      const verification = await verifyScenario(target, context, scenario);
      // The message shows both sides as `cors-playground verify` prints them, then what differs.
      const bothSides = formatVerification({ file: name, scenario, ...verification, error: null }, browserLabel(browser));
      expect(verification.differences, bothSides).toEqual([]);
      const { actual } = verification;
      expect(actual.requests.length + actual.log.length, 'a corpus case must make a request or log a line').toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
}
