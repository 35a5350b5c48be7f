import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { assertScenario, assetBody, originStrings, type LiveOrigin } from '@cors-playground/scenario';
import { sendRequest } from '@cors-playground/engine';
import { startServer, type RunningServer } from '../src/listen';
import { hostOf, scenario } from './helpers';

let server: RunningServer;
afterEach(() => server?.close());

function getBytes(port: number, host: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('routes with a built-in asset', () => {
  it('the server sends the asset\'s exact bytes, Content-Type and length, as the engine\'s modelled network predicts', async () => {
    const input = scenario({ servers: { api: { routes: [{ path: '/logo.png', asset: 'png' }, { path: '/square.ttf', asset: 'font', headers: { 'Access-Control-Allow-Origin': '*' } }] } } });
    server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent' });
    const response = await fetch(`${server.url}/api/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const created = (await response.json()) as { origins: Record<string, string>; live: Record<string, LiveOrigin> };
    const network = { scenario: assertScenario(input), origins: created.live, originStrings: originStrings(created.live), exchanges: [] };
    for (const [path, asset] of [['/logo.png', 'png'], ['/square.ttf', 'font']] as const) {
      const real = await getBytes(server.ports.http[0]!, hostOf(created.origins.api!), path);
      const modelled = sendRequest(network, { method: 'GET', url: new URL(path, created.origins.api), headers: [], body: null })!;
      expect(real.status).toBe(200);
      expect(new Uint8Array(real.body)).toEqual(assetBody(asset).bytes);
      expect(modelled.bytes).toEqual(assetBody(asset).bytes);
      expect(real.headers['content-type']).toBe(assetBody(asset).contentType);
      const modelledHeader = (name: string) => modelled.headers.find(([key]) => key.toLowerCase() === name)?.[1];
      expect(modelledHeader('content-type')).toBe(real.headers['content-type']);
      expect(modelledHeader('content-length')).toBe(real.headers['content-length']);
      expect(Number(real.headers['content-length'])).toBe(real.body.length);
    }
  });
});
