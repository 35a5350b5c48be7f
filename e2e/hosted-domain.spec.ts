import { expect, test } from '@playwright/test';
import { browserLabel, CHROMIUM_ARGS, chromiumPath, formatVerification, verifyScenario, type VerifyTarget } from '@cors-playground/cli';
import { startServer, type RunningServer } from '@cors-playground/server';
import { corpusCases } from './support/corpus';

/**
 * The sites corpus again, with the sandbox on a domain that is not `localhost`, as a hosted
 * deployment has it; Chromium resolves it to loopback through --host-resolver-rules. There an http
 * origin is not potentially trustworthy: an https page's fetch of it is mixed content, and Chromium
 * sends no Sec-Fetch-* headers to it. The engine predicts the same sandbox on the same domain.
 */
const DOMAIN = 'test';

test.use({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP *.${DOMAIN} 127.0.0.1`] } });
test.describe.configure({ mode: 'serial' });

let server: RunningServer;
let target: VerifyTarget;

test.beforeAll(async () => {
  server = await startServer({ ports: { http: [0, 0], https: [0, 0] }, bindAddresses: ['127.0.0.1'], domain: DOMAIN, webRoot: '/nonexistent' });
  target = { apiBaseUrl: server.url, ports: server.ports, domain: DOMAIN };
});
test.afterAll(async () => server?.close());

const cases = (await corpusCases()).filter(({ name }) => name.startsWith('sites/'));

for (const { name, scenario } of cases) {
  test(`${name} on the domain ${DOMAIN}: ${scenario.title}`, async ({ browser }) => {
    const context = await browser.newContext();
    try {
      const verification = await verifyScenario(target, context, scenario);
      const bothSides = formatVerification({ file: name, scenario, ...verification, error: null }, browserLabel(browser));
      expect(verification.differences, bothSides).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test('an https page fetching http outside localhost is blocked as mixed content, before anything is sent', async ({ browser }) => {
  const { scenario } = cases.find(({ name }) => name.includes('https-page-http-localhost-api-not-mixed-content'))!;
  const context = await browser.newContext();
  try {
    const { predicted, actual } = await verifyScenario(target, context, scenario);
    expect(actual.requests.map((request) => request.outcome)).toEqual(['error']);
    expect(actual.log).toEqual(['TypeError Failed to fetch']);
    expect(predicted.requests[0]?.console.chromium).toMatch(/^Mixed Content: The page at 'https:\/\/.+' was loaded over HTTPS, but requested an insecure resource 'http:\/\/api-/);
  } finally {
    await context.close();
  }
});
