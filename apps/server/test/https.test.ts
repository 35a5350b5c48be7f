import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { connect, createServer as createTlsServer, type PeerCertificate } from 'node:tls';
import { generate } from 'selfsigned';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHost } from '../src/host';
import { startServer, type RunningServer } from '../src/listen';
import { scenario } from './helpers';

let dataDir: string;
const servers: RunningServer[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-playground-tls-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await rm(dataDir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const server = await startServer({ ports: { http: [0], https: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent', dataDir, ...options });
  servers.push(server);
  return server;
}

interface HttpsAnswer {
  status: number;
  body: string;
  certificate: PeerCertificate;
  authorized: boolean;
}

/** An https request to 127.0.0.1 that names `host` in SNI and Host, trusting only `ca`. */
function httpsGet(port: number, host: string, path: string, ca: string | undefined, headers: Record<string, string> = {}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, servername: host, headers: { host: `${host}:${port}`, ...headers }, ca, rejectUnauthorized: false }, (response) => {
      const socket = response.socket as import('node:tls').TLSSocket;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body, certificate: socket.getPeerCertificate(), authorized: socket.authorized }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function createSandbox(server: RunningServer, body: unknown) {
  const response = await fetch(`${server.url}/api/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as { origins: Record<string, string>; runUrl: string };
}

describe('https listeners', () => {
  it('serve sandbox origins on both https ports, with a certificate for the site that the local CA signed', async () => {
    const server = await start();
    const created = await createSandbox(
      server,
      scenario({
        origins: { app: { site: 'a', scheme: 'https' }, api: { site: 'b', scheme: 'https', port: 1 } },
        servers: { api: { routes: [{ path: '/data', headers: { 'Access-Control-Allow-Origin': '${origin:app}' }, body: 'over tls' }] } },
      }),
    );
    const api = new URL(created.origins.api!);
    expect(api.protocol).toBe('https:');
    expect(Number(api.port)).toBe(server.ports.https[1]);
    expect(created.runUrl.startsWith(`https://${new URL(created.origins.app!).hostname}:${server.ports.https[0]}/`)).toBe(true);

    const ca = await readFile(server.caCertFile!, 'utf8');
    const answer = await httpsGet(server.ports.https[1]!, api.hostname, '/data', ca, { origin: created.origins.app! });
    expect(answer).toMatchObject({ status: 200, body: 'over tls', authorized: true });
    expect(answer.certificate.subjectaltname).toContain(`DNS:*.${api.hostname.split('.').slice(1).join('.')}`);
    expect(new X509Certificate(ca).ca).toBe(true);
  });

  it('answers a server name of no live sandbox with the fallback certificate, minting nothing for it', async () => {
    const server = await start();
    const answer = await httpsGet(server.ports.https[0]!, 'app-aaaaaaaaaaaaaaaa.site-nobody.localhost', '/', undefined);
    expect(answer.certificate.subjectaltname).not.toContain('site-nobody');
    expect(answer.certificate.subjectaltname).toContain('DNS:localhost');
  });

  it('reads a Host without a port as the default port of the connection’s scheme', () => {
    expect(parseHost('api-x.site-b.example.test', 443)).toEqual({ hostname: 'api-x.site-b.example.test', port: 443 });
    expect(parseHost('api-x.site-b.example.test')).toEqual({ hostname: 'api-x.site-b.example.test', port: 80 });
    expect(parseHost('api-x.site-b.example.test:8443', 443)?.port).toBe(8443);
  });

  it('makes a local CA whose key can sign only for localhost: a TLS client refuses its leaf for another domain', async () => {
    const server = await start();
    const ca = { cert: await readFile(server.caCertFile!, 'utf8'), key: await readFile(join(dataDir, 'local-ca', 'ca.key'), 'utf8') };
    const signed = async (name: string) => {
      const leaf = await generate([{ name: 'commonName', value: name }], { keyType: 'ec', algorithm: 'sha256', ca, extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: name }] }] });
      const tlsServer = createTlsServer({ cert: leaf.cert, key: leaf.private }, (socket) => socket.end());
      await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
      const port = (tlsServer.address() as AddressInfo).port;
      const error = await new Promise<string | null>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port, servername: name, ca: ca.cert, rejectUnauthorized: false }, () => {
          resolve(socket.authorized ? null : String(socket.authorizationError));
          socket.end();
        });
        socket.on('error', reject);
      });
      tlsServer.close();
      return error;
    };
    // OpenSSL: "permitted subtree violation" (Node reports it as UNSPECIFIED).
    expect(await signed('bank.example')).not.toBeNull();
    expect(await signed('x.site-a.localhost')).toBeNull();
  });

  it('keeps the local CA in the data directory and reuses it on the next start', async () => {
    const first = await start();
    expect(first.caCertFile).toBe(join(dataDir, 'local-ca', 'ca.crt'));
    const kept = await readFile(first.caCertFile!, 'utf8');
    await first.close();
    const second = await start();
    expect(await readFile(second.caCertFile!, 'utf8')).toBe(kept);
  });

  it('shares one CA between servers that start at once on an empty data directory', async () => {
    const [one, two] = await Promise.all([start(), start()]);
    const ca = await readFile(one!.caCertFile!, 'utf8');
    const created = await createSandbox(two!, scenario({ origins: { app: { site: 'a', scheme: 'https' }, api: { site: 'b' } } }));
    const host = new URL(created.origins.app!).hostname;
    expect((await httpsGet(two!.ports.https[0]!, host, '/', ca)).authorized).toBe(true);
  });

  it('uses a provided certificate and key instead of the local CA', async () => {
    const made = await generate([{ name: 'commonName', value: 'play.example.test' }], { keyType: 'ec', algorithm: 'sha256' });
    const certFile = join(dataDir, 'cert.pem');
    const keyFile = join(dataDir, 'key.pem');
    await writeFile(certFile, made.cert);
    await writeFile(keyFile, made.private);
    const server = await start({ tls: { certFile, keyFile } });
    expect(server.caCertFile).toBeNull();
    const answer = await httpsGet(server.ports.https[0]!, 'localhost', '/api/health', made.cert);
    expect(answer.status).toBe(200);
    expect(answer.certificate.fingerprint256).toBe(new X509Certificate(made.cert).fingerprint256);
  });

  it('refuses to start on a certificate file it cannot read or parse, naming the file', async () => {
    const missing = join(dataDir, 'missing.pem');
    await expect(start({ tls: { certFile: missing, keyFile: missing } })).rejects.toThrow(`cannot read the TLS certificate file ${missing}`);
    const garbage = join(dataDir, 'garbage.pem');
    await writeFile(garbage, 'not a certificate');
    await expect(start({ tls: { certFile: garbage, keyFile: garbage } })).rejects.toThrow(`the TLS certificate file ${garbage} holds no PEM certificate`);
  });

  it('refuses a key that does not belong to the certificate, naming the key file', async () => {
    const [one, other] = await Promise.all([1, 2].map(() => generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec' })));
    const certFile = join(dataDir, 'cert.pem');
    const keyFile = join(dataDir, 'other-key.pem');
    await writeFile(certFile, one!.cert);
    await writeFile(keyFile, other!.private);
    await expect(start({ tls: { certFile, keyFile } })).rejects.toThrow(`the TLS key file ${keyFile} is not a private key for the certificate ${certFile}`);
  });
});
