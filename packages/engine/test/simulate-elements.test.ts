import { describe, expect, it } from 'vitest';
import type { ModelExchange } from '../src/index';
import { APP, line, run, type Servers } from './support';

const png = (headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({ path: '/logo.png', asset: 'png' as const, headers, ...extra });
const ACAO = { 'Access-Control-Allow-Origin': '*' };

interface ElementCase {
  name: string;
  client: string;
  servers: Servers;
  outcome: string;
  status?: number;
  blockedBy?: string | null;
  console?: string | null;
  log: string[];
}

const IMAGE_LOG = "log(r.loaded, r.width, r.height, r.canvasReadable);";

const CASES: ElementCase[] = [
  {
    name: 'an <img> without crossorigin loads opaque and taints the canvas',
    client: `const r = await loadImage(url('api', '/logo.png')); ${IMAGE_LOG}`,
    servers: { api: { routes: [png()] } },
    outcome: 'opaque', status: 0, log: ['true 3 2 false'],
  },
  {
    name: 'an <img crossorigin> without Access-Control-Allow-Origin is blocked with the image console line',
    client: `const r = await loadImage(url('api', '/logo.png'), { crossOrigin: 'anonymous' }); ${IMAGE_LOG}`,
    servers: { api: { routes: [png()] } },
    outcome: 'blocked', blockedBy: 'acao-missing', log: ['false 0 0 null'],
    console: "Access to image at '{api}/logo.png' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  },
  {
    name: 'an <img crossorigin> that passes CORS leaves the canvas readable and shows the status',
    client: `const r = await loadImage(url('api', '/logo.png'), { crossOrigin: '' }); ${IMAGE_LOG}`,
    servers: { api: { routes: [png(ACAO)] } },
    outcome: 'ok', status: 200, log: ['true 3 2 true'],
  },
  {
    name: 'use-credentials refuses the wildcard (credentials mode include)',
    client: `const r = await loadImage(url('api', '/logo.png'), { crossOrigin: 'use-credentials' }); ${IMAGE_LOG}`,
    servers: { api: { routes: [png(ACAO)] } },
    outcome: 'blocked', blockedBy: 'acao-wildcard-with-credentials', log: ['false 0 0 null'],
    console: "Access to image at '{api}/logo.png' from origin '{origin}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
  },
  {
    name: 'a classic script runs without CORS; a module script needs it',
    client: "const a = await loadScript(url('api', '/lib.js')); const b = await loadScript(url('api', '/lib.js'), { module: true }); log(a.loaded, b.loaded);",
    servers: { api: { routes: [{ path: '/lib.js', headers: { 'Content-Type': 'text/javascript' }, body: 'x = 1' }] } },
    outcome: 'opaque', log: ['true false'],
  },
  {
    name: 'a no-cors stylesheet applies but its rules are unreadable',
    client: "const r = await loadStylesheet(url('api', '/a.css')); log(r.loaded, r.rulesReadable);",
    servers: { api: { routes: [{ path: '/a.css', headers: { 'Content-Type': 'text/css' }, body: 'p{}' }] } },
    outcome: 'opaque', log: ['true false'],
  },
  {
    name: 'a font is fetched with CORS and blocked without the header',
    client: "const r = await loadFont(url('api', '/f.ttf')); log(r.loaded);",
    servers: { api: { routes: [{ path: '/f.ttf', asset: 'font' }] } },
    outcome: 'blocked', log: ['false'],
    console: "Access to font at '{api}/f.ttf' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  },
  {
    name: 'a font that is not a font file fails with an error, not a CORS block',
    client: "const r = await loadFont(url('api', '/f.ttf')); log(r.loaded);",
    servers: { api: { routes: [{ path: '/f.ttf', headers: ACAO, body: 'not a font' }] } },
    outcome: 'error', blockedBy: 'not-a-font', console: null, log: ['false'],
  },
  {
    name: 'Cross-Origin-Resource-Policy: same-origin blocks a no-cors image with Chromium\'s net error line',
    client: `const r = await loadImage(url('api', '/logo.png')); ${IMAGE_LOG}`,
    servers: { api: { routes: [png({ 'Cross-Origin-Resource-Policy': 'same-origin' })] } },
    outcome: 'blocked', blockedBy: 'corp', console: 'Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', log: ['false 0 0 null'],
  },
  {
    name: 'Cross-Origin-Resource-Policy: same-site lets a same-site image through',
    client: `const r = await loadImage(url('cdn', '/logo.png')); ${IMAGE_LOG}`,
    servers: { cdn: { routes: [png({ 'Cross-Origin-Resource-Policy': 'same-site' })] } },
    outcome: 'opaque', log: ['true 3 2 false'],
  },
  {
    name: 'Cross-Origin-Resource-Policy is not checked for a CORS request',
    client: `const r = await loadImage(url('api', '/logo.png'), { crossOrigin: 'anonymous' }); ${IMAGE_LOG}`,
    servers: { api: { routes: [png({ ...ACAO, 'Cross-Origin-Resource-Policy': 'same-origin' })] } },
    outcome: 'ok', status: 200, log: ['true 3 2 true'],
  },
  {
    name: 'an image decodes whatever its status; a script needs an ok status',
    client: "const a = await loadImage(url('api', '/logo.png')); const b = await loadScript(url('api', '/none.js')); log(a.loaded, b.loaded);",
    servers: { api: { routes: [png({}, { status: 404 })] } },
    outcome: 'opaque', log: ['true false'],
  },
  {
    name: 'a module script with a non-JavaScript MIME type fails with its own console line',
    client: "const r = await loadScript(url('api', '/m.js'), { module: true }); log(r.loaded);",
    servers: { api: { routes: [{ path: '/m.js', headers: { ...ACAO, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'export {}' }] } },
    outcome: 'error', blockedBy: 'mime-type', log: ['false'],
    console: 'Failed to load module script: Expected a JavaScript-or-Wasm module script but the server responded with a MIME type of "text/plain". Strict MIME type checking is enforced for module scripts per HTML spec.',
  },
  {
    name: 'an image redirected to a third origin meets Origin null',
    client: `const r = await loadImage(url('api', '/old'), { crossOrigin: 'anonymous' }); ${IMAGE_LOG}`,
    servers: { api: { routes: [{ path: '/old', status: 302, headers: { ...ACAO, Location: '${origin:cdn}/logo.png' } }] }, cdn: { routes: [png({ 'Access-Control-Allow-Origin': '${origin:app}' })] } },
    outcome: 'blocked', blockedBy: 'acao-mismatch', log: ['false 0 0 null'],
    console: "Access to image at '{cdn}/logo.png' (redirected from '{api}/old') from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '{origin}' that is not equal to the supplied origin.",
  },
];

describe('element loads', () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const result = await run(testCase.client, testCase.servers);
      expect(result.error).toBeNull();
      expect(result.log).toEqual(testCase.log);
      const record = result.requests[0]!;
      expect(record.outcome).toBe(testCase.outcome);
      expect(record.visibleHeaders).toEqual([]);
      if (testCase.status !== undefined) expect(record.status).toBe(testCase.status);
      if (testCase.blockedBy !== undefined) expect(record.blockedBy).toBe(testCase.blockedBy);
      if (testCase.console !== undefined) expect(record.console.chromium).toBe(testCase.console === null ? null : line(testCase.console));
      expect(record.explanation?.length).toBeGreaterThan(1);
    });
  }
});

function header(exchange: ModelExchange, name: string): string | undefined {
  return exchange.requestHeaders.find(([key]) => key === name)?.[1];
}

describe('what the server receives from an element', () => {
  it('sends each element\'s destination, mode and Accept, and Origin only in CORS mode', async () => {
    const routes = [png(ACAO), { path: '/lib.js', headers: ACAO, body: '' }, { path: '/a.css', headers: ACAO, body: '' }, { path: '/f.ttf', headers: ACAO, asset: 'font' as const }];
    const result = await run(
      "await loadImage(url('api', '/logo.png')); await loadScript(url('api', '/lib.js'), { module: true }); await loadStylesheet(url('api', '/a.css'), { crossOrigin: 'anonymous' }); await loadFont(url('api', '/f.ttf'));",
      { api: { routes } },
    );
    expect(result.exchanges.map((exchange) => [header(exchange, 'sec-fetch-dest'), header(exchange, 'sec-fetch-mode'), header(exchange, 'origin') ?? null, header(exchange, 'accept')])).toEqual([
      ['image', 'no-cors', null, 'image/jxl,image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8'],
      ['script', 'cors', APP, '*/*'],
      ['style', 'cors', APP, 'text/css,*/*;q=0.1'],
      ['font', 'cors', APP, '*/*'],
    ]);
    expect(result.requests.map((record) => record.api)).toEqual(['img', 'module', 'stylesheet', 'font']);
  });

  it('waits for the route delay on the virtual clock', async () => {
    const result = await run("await loadImage(url('api', '/logo.png')); log('done');", { api: { routes: [png({}, { delayMs: 1500 })] } });
    expect(result.elapsedMs).toBe(1500);
    expect(result.log).toEqual(['done']);
  });
});

describe('fixes for element loads', () => {
  it('proposes Access-Control-Allow-Origin for a blocked <img crossorigin>', async () => {
    const result = await run("await loadImage(url('api', '/logo.png'), { crossOrigin: 'anonymous' });", { api: { routes: [png()] } });
    expect(result.requests[0]!.fix?.headers).toEqual([{ origin: 'api', method: 'GET', path: '/logo.png', name: 'Access-Control-Allow-Origin', value: '${origin:app}' }]);
  });

  it('proposes crossorigin plus the header for an opaque image, and a permissive CORP for a refused one', async () => {
    const opaque = await run("await loadImage(url('api', '/logo.png'));", { api: { routes: [png()] } });
    expect(opaque.requests[0]!.fix?.summary).toMatch(/^Load it with crossOrigin: 'anonymous'/);
    expect(opaque.requests[0]!.fix?.headers.map((item) => item.name)).toEqual(['Access-Control-Allow-Origin']);
    const refused = await run("await loadImage(url('api', '/logo.png'));", { api: { routes: [png({ 'Cross-Origin-Resource-Policy': 'same-site' })] } });
    expect(refused.requests[0]!.fix?.headers).toEqual([{ origin: 'api', method: 'GET', path: '/logo.png', name: 'Cross-Origin-Resource-Policy', value: 'cross-origin' }]);
  });

  it('an opaque image from a server that already allows CORS needs only the attribute', async () => {
    const result = await run("await loadImage(url('api', '/logo.png'));", { api: { routes: [png(ACAO)] } });
    expect(result.requests[0]!.fix).toMatchObject({ headers: [], summary: expect.stringMatching(/the server already allows it\.$/) });
  });

  it('an unparsable URL fetches nothing and the element fails', async () => {
    const result = await run("const r = await loadImage('http://[bad'); log(r.loaded);");
    expect(result.log).toEqual(['false']);
    expect([result.requests[0]!.outcome, result.requests[0]!.blockedBy, result.exchanges.length]).toEqual(['error', 'invalid-url', 0]);
  });

  it('prints no line for engines whose element lines are not modelled', async () => {
    const result = await run("await loadImage(url('api', '/logo.png'), { crossOrigin: 'anonymous' });", { api: { routes: [png()] } }, { engine: 'firefox' });
    expect([result.requests[0]!.outcome, result.requests[0]!.console]).toEqual(['blocked', { chromium: null, firefox: null, webkit: null }]);
  });

  it('CORP also refuses fetch in mode no-cors', async () => {
    const result = await run("try { await fetch(url('api', '/logo.png'), { mode: 'no-cors' }); log('ok'); } catch (e) { log(e.name); }", { api: { routes: [png({ 'Cross-Origin-Resource-Policy': 'same-origin' })] } });
    expect(result.log).toEqual(['TypeError']);
    expect([result.requests[0]!.outcome, result.requests[0]!.blockedBy]).toEqual(['blocked', 'corp']);
  });
});
