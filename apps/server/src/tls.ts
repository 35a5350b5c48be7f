import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import { generate } from 'selfsigned';
import type { ServerConfig } from './config';

/**
 * The https listeners' certificates (DESIGN.md, "The sandbox"). Sandbox host names are
 * LABEL-ID.site-SITE.DOMAIN for any SITE, so no certificate made in advance can list them all: a
 * local certificate authority is made once and kept in the data directory (a user trusts it once),
 * and it signs a leaf for `*.site-SITE.DOMAIN` the first time a TLS client names a host of that site
 * (SNI). A certificate given for hosting (tlsCertFile and tlsKeyFile) replaces all of this.
 */
export interface TlsSetup {
  /** For `https.createServer`: the certificate for clients that send no server name, and the SNI callback. */
  serverOptions: { key: string; cert: string; SNICallback?: (servername: string, callback: (error: Error | null, context?: SecureContext) => void) => void };
  /** The local CA's certificate file, which a user trusts; null when a certificate was provided. */
  caCertFile: string | null;
}

const LOCAL_CA_FOLDER = 'local-ca';
const CA_CERT_FILE = 'ca.crt';
const CA_KEY_FILE = 'ca.key';
const DAY_MS = 86_400_000;
/** Leaves are minted per process; 397 days is the longest lifetime browsers accept for a leaf. */
const LEAF_DAYS = 397;
/** Sites whose leaf is kept; a TLS client could name endless sites, so the oldest go past this. */
const MAX_CACHED_LEAVES = 256;

interface Pem {
  cert: string;
  key: string;
}

export async function loadTls(config: Pick<ServerConfig, 'dataDir' | 'domain' | 'tls'>): Promise<TlsSetup> {
  if (config.tls) {
    const provided = await providedCertificate(config.tls.certFile, config.tls.keyFile);
    return { serverOptions: provided, caCertFile: null };
  }
  const ca = await localCertificateAuthority(config.dataDir);
  const leaves = new LeafCertificates(ca.pem, config.domain);
  const fallback = await leaves.mint(config.domain);
  return {
    serverOptions: {
      ...fallback,
      SNICallback: (servername, callback) => {
        leaves.contextFor(servername).then((context) => callback(null, context), (error: Error) => callback(error));
      },
    },
    caCertFile: ca.certFile,
  };
}

/** A provided certificate and key, checked now so that a bad file stops the start with its name. */
async function providedCertificate(certFile: string, keyFile: string): Promise<Pem> {
  const cert = await readPemFile(certFile, 'TLS certificate');
  const key = await readPemFile(keyFile, 'TLS key');
  try {
    new X509Certificate(cert);
  } catch (error) {
    throw new Error(`the TLS certificate file ${certFile} holds no PEM certificate: ${(error as Error).message}`);
  }
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`the TLS key file ${keyFile} is not a private key for the certificate ${certFile}: ${(error as Error).message}`);
  }
  return { cert, key };
}

async function readPemFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the ${what} file ${file}: ${(error as Error).message}`);
  }
}

/**
 * The local CA in DATA_DIR/local-ca, made on first start. It is written to a fresh folder then
 * renamed into place, so two servers starting at once end up sharing one CA, never a key from one
 * and a certificate from the other.
 */
async function localCertificateAuthority(dataDir: string): Promise<{ pem: Pem; certFile: string }> {
  const folder = join(dataDir, LOCAL_CA_FOLDER);
  const certFile = join(folder, CA_CERT_FILE);
  const existing = await readLocalCa(folder);
  if (existing) return { pem: existing, certFile };
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the data directory ${dataDir} (DATA_DIR): ${(error as Error).message}`);
  }
  const fresh = await newCertificateAuthority();
  const staging = await mkdtemp(join(dataDir, `.${LOCAL_CA_FOLDER}-`));
  await writeFile(join(staging, CA_KEY_FILE), fresh.key, { mode: 0o600 });
  await writeFile(join(staging, CA_CERT_FILE), fresh.cert);
  try {
    await rename(staging, folder);
    return { pem: fresh, certFile };
  } catch {
    await rm(staging, { recursive: true, force: true });
    const other = await readLocalCa(folder);
    if (!other) throw new Error(`cannot write the local certificate authority to ${folder}`);
    return { pem: other, certFile };
  }
}

/** The CA kept in `folder`, null when there is none yet; a damaged one is an error naming the file. */
async function readLocalCa(folder: string): Promise<Pem | null> {
  const certFile = join(folder, CA_CERT_FILE);
  const keyFile = join(folder, CA_KEY_FILE);
  let cert: string;
  try {
    cert = await readFile(certFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read the local CA certificate ${certFile}: ${(error as Error).message}`);
  }
  const key = await readPemFile(keyFile, 'local CA key');
  let parsed: X509Certificate;
  try {
    parsed = new X509Certificate(cert);
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`the local CA in ${folder} is damaged (${(error as Error).message}); delete the folder and start again to make a new one`);
  }
  if (!parsed.ca) throw new Error(`the local CA certificate ${certFile} is not a CA certificate; delete ${folder} and start again to make a new one`);
  if (Date.parse(parsed.validTo) < Date.now()) throw new Error(`the local CA certificate ${certFile} expired on ${parsed.validTo}; delete ${folder} and start again to make a new one`);
  return { cert, key };
}

async function newCertificateAuthority(): Promise<Pem> {
  const now = Date.now();
  const made = await generate([{ name: 'commonName', value: 'CORS Playground local CA' }, { name: 'organizationName', value: 'CORS Playground' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 10 * 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: made.cert, key: made.private };
}

/** Leaf certificates signed by the local CA, one per site domain, minted on first use and kept in memory. */
class LeafCertificates {
  private readonly contexts = new Map<string, Promise<SecureContext>>();

  constructor(
    private readonly ca: Pem,
    private readonly domain: string,
  ) {}

  /** The context for a server name: its site's leaf, or the leaf for the domain itself. */
  contextFor(servername: string): Promise<SecureContext> {
    const name = siteDomainOf(servername.toLowerCase(), this.domain) ?? this.domain;
    let context = this.contexts.get(name);
    if (!context) {
      context = this.mint(name).then((pem) => createSecureContext(pem));
      context.catch(() => this.contexts.delete(name));
      this.contexts.set(name, context);
      if (this.contexts.size > MAX_CACHED_LEAVES) this.contexts.delete(this.contexts.keys().next().value!);
    }
    return context;
  }

  /** A leaf for a site domain and every host one label below it, or for the domain itself (and loopback). */
  async mint(name: string): Promise<Pem> {
    const now = Date.now();
    const loopback = name === 'localhost' ? [{ type: 7 as const, ip: '127.0.0.1' }, { type: 7 as const, ip: '::1' }] : [];
    const names = name === this.domain ? [{ type: 2 as const, value: name }, ...loopback] : [{ type: 2 as const, value: name }, { type: 2 as const, value: `*.${name}` }];
    const made = await generate([{ name: 'commonName', value: name }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(now - DAY_MS),
      notAfterDate: new Date(now + LEAF_DAYS * DAY_MS),
      ca: this.ca,
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names },
      ],
    });
    return { cert: made.cert, key: made.private };
  }
}

/** `site-SITE.DOMAIN` for a sandbox host `LABEL-ID.site-SITE.DOMAIN`, else null. */
function siteDomainOf(servername: string, domain: string): string | null {
  const match = /^[a-z0-9-]+\.(site-[a-z0-9-]+)\.(.+)$/.exec(servername);
  return match && match[2] === domain ? `${match[1]}.${domain}` : null;
}
