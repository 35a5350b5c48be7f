import { liveOrigins } from '@cors-playground/scenario';
import { describe, expect, it } from 'vitest';
import { isPotentiallyTrustworthyUrl, simulate, type SimulationResult } from '../src/index';
import { evaluateInFunction, scenario, type Servers } from './support';

const ALLOW = { 'Access-Control-Allow-Origin': '*' };
const SERVERS: Servers = {
  api: { routes: [{ path: '/data', headers: ALLOW, body: 'site=${request.header:sec-fetch-site}' }] },
  bank: { routes: [{ path: '/go', status: 302, headers: { ...ALLOW, Location: '${origin:api}/data' } }] },
};
const GET = "try { const r = await fetch(url('api', '/data')); log(r.status, await r.text()); } catch (e) { log(e.name, e.message); }";

/** The page is https (site a); api is http (site b), bank https (site c); all under `domain`. */
async function fromHttpsPage(client: string, domain: string): Promise<SimulationResult> {
  const validated = scenario(client, SERVERS, { origins: { app: { site: 'a', scheme: 'https' }, api: { site: 'b' }, bank: { site: 'c', scheme: 'https' } } });
  const origins = liveOrigins(validated, { sandboxId: 'k3j9x', domain, ports: { http: [8080], https: [8443] } });
  return simulate({ scenario: validated, origins, evaluate: evaluateInFunction });
}

describe('mixed content', () => {
  it('treats https, loopback addresses and hosts under localhost as potentially trustworthy', () => {
    const trustworthy = ['https://example.test/', 'http://localhost:8080/', 'http://api-k3j9x.site-b.localhost/', 'http://127.0.0.1/', 'http://[::1]:8080/'];
    const not = ['http://example.test/', 'http://localhost.example.test/', 'http://128.0.0.1/', 'http://api.site-b.test:8080/'];
    expect(trustworthy.filter((url) => !isPotentiallyTrustworthyUrl(new URL(url)))).toEqual([]);
    expect(not.filter((url) => isPotentiallyTrustworthyUrl(new URL(url)))).toEqual([]);
  });

  it('lets an https page fetch an http origin under localhost, and says why', async () => {
    const result = await fromHttpsPage(GET, 'localhost');
    expect(result.requests[0]).toMatchObject({ outcome: 'ok', status: 200 });
    expect(result.log).toEqual(['200 site=cross-site']);
    expect(result.requests[0]!.explanation![0]).toMatchObject({ result: 'pass', spec: expect.stringContaining('webappsec-mixed-content/#should-block-fetch') });
  });

  it('blocks an https page’s fetch of an http origin elsewhere before anything is sent, with Chromium’s line', async () => {
    const result = await fromHttpsPage(GET, 'test');
    const [request] = result.requests;
    expect(request).toMatchObject({ outcome: 'error', status: 0, blockedBy: 'mixed-content', preflight: { sent: false } });
    expect(request!.console.chromium).toBe(
      "Mixed Content: The page at 'https://app-k3j9x.site-a.test:8443/__cors-playground/run' was loaded over HTTPS, but requested an insecure resource 'http://api-k3j9x.site-b.test:8080/data'. This request has been blocked; the content must be served over HTTPS.",
    );
    expect(result.exchanges).toEqual([]);
    expect(result.log).toEqual(['TypeError Failed to fetch']);
    expect(request!.fix?.summary).toContain('https');
  });

  it('names an XMLHttpRequest endpoint in the line for XHR', async () => {
    const client = "const x = new XMLHttpRequest(); x.open('GET', url('api', '/data')); x.onerror = () => log('error', x.status); x.send(); await sleep(10);";
    const result = await fromHttpsPage(client, 'test');
    expect(result.log).toEqual(['error 0']);
    expect(result.requests[0]!.console.chromium).toContain("requested an insecure XMLHttpRequest endpoint 'http://api-k3j9x.site-b.test:8080/data'");
  });

  it('checks a redirect’s location too: the https hop is sent, the http one is blocked', async () => {
    const result = await fromHttpsPage("try { await fetch(url('bank', '/go')); } catch (e) { log(e.name); }", 'test');
    expect(result.exchanges.map((exchange) => exchange.url)).toEqual(['https://bank-k3j9x.site-c.test:8443/go']);
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', blockedBy: 'mixed-content' });
    expect(result.requests[0]!.console.chromium).toContain("insecure resource 'http://api-k3j9x.site-b.test:8080/data'");
  });

  it('sends no Sec-Fetch-* headers to an http origin that is not potentially trustworthy', async () => {
    const validated = scenario(GET, SERVERS);
    const origins = liveOrigins(validated, { sandboxId: 'k3j9x', domain: 'test', ports: { http: [8080, 8081], https: [8443] } });
    const result = await simulate({ scenario: validated, origins, evaluate: evaluateInFunction });
    expect(result.log).toEqual(['200 site=']);
    expect(result.exchanges[0]!.requestHeaders.filter(([name]) => name.startsWith('sec-fetch-'))).toEqual([]);
  });
});
