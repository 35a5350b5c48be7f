import { expect, test } from '@playwright/test';
import { compareRuns } from '@cors-playground/scenario';
import { predictScenario } from '@cors-playground/cli';
import { E2E_PORTS } from '../playwright.config';
import { corpusCases } from './support/corpus';
import { realRun } from './support/real-run';

/**
 * The agreement suite: for every scenario of the corpus, the engine's prediction equals what real
 * Chromium did, on outcome, preflight sent, status, visible headers, the log and, for blocked
 * requests, the exact console line.
 */
test.describe.configure({ mode: 'parallel' });

for (const { name, scenario } of corpusCases()) {
  test(`${name}: ${scenario.title}`, async ({ browser, request }) => {
    const context = await browser.newContext();
    try {
      const run = await realRun(request, context, scenario);
      const predicted = await predictScenario(scenario, { sandboxId: run.sandbox.id, ports: { http: [...E2E_PORTS], https: [] } });
      const differences = compareRuns(predicted, run.actual, { consoleOf: 'chromium' });
      expect(differences, `predicted ${JSON.stringify(predicted.requests, null, 1)}\nactual ${JSON.stringify(run.actual.requests, null, 1)}`).toEqual([]);
      expect(run.actual.requests.length + run.actual.log.length, 'a corpus case must make a request or log a line').toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
}
