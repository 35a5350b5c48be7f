import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, GeneralSubtree, GeneralSubtrees, id_ce_nameConstraints, NameConstraints } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
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
/** Sites whose leaf is kept, the least recently used going first past this. */
const MAX_CACHED_LEAVES = 256;
/** Leaves minted at once; more wait their turn, and past MAX_WAITING_MINTS a handshake gets the fallback. */
const MAX_CONCURRENT_MINTS = 2;
const MAX_WAITING_MINTS = 64;

/** Whether a TLS server name is a host of a live sandbox: only those get a leaf of their site. */
export type LiveHostCheck = (servername: string) => boolean;

interface Pem {
  cert: string;
  key: string;
}

/**
 * `isLiveHost` keeps a TLS client from making the server mint (and cache) a leaf for any name it
 * likes: other names get the fallback certificate, and a browser a certificate error.
 */
export async function loadTls(config: Pick<ServerConfig, 'dataDir' | 'domain' | 'tls'>, isLiveHost: LiveHostCheck): Promise<TlsSetup> {
  if (config.tls) {
    const provided = await providedCertificate(config.tls.certFile, config.tls.keyFile);
    return { serverOptions: provided, caCertFile: null };
  }
  const ca = await localCertificateAuthority(config.dataDir, config.domain);
  const leaves = new LeafCertificates(ca.pem, config.domain, isLiveHost);
  const fallback = await leaves.mint(config.domain);
  const fallbackContext = createSecureContext(fallback);
  return {
    serverOptions: {
      ...fallback,
      SNICallback: (servername, callback) => {
        const context = leaves.contextFor(servername);
        if (!context) return callback(null, fallbackContext);
        context.then((made) => callback(null, made), (error: Error) => callback(error));
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
async function localCertificateAuthority(dataDir: string, domain: string): Promise<{ pem: Pem; certFile: string }> {
  const folder = join(dataDir, LOCAL_CA_FOLDER);
  const certFile = join(folder, CA_CERT_FILE);
  const existing = await readLocalCa(folder);
  if (existing) return { pem: existing, certFile };
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the data directory ${dataDir} (DATA_DIR): ${(error as Error).message}`);
  }
  const fresh = await newCertificateAuthority(domain);
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

/**
 * A user trusts this CA in their browser, and its key sits in the data directory: a critical
 * name constraint limits it to the playground's domain (and loopback addresses), so whoever reads
 * the key cannot sign for any other site.
 */
function nameConstraints(domain: string): x509.Extension {
  const permitted = [...new Set(['localhost', domain])].map((name) => new GeneralSubtree({ base: new GeneralName({ dNSName: name }) }));
  const loopback = ['127.0.0.0/8', '::1/128'].map((range) => new GeneralSubtree({ base: new GeneralName({ iPAddress: range }) }));
  const value = AsnConvert.serialize(new NameConstraints({ permittedSubtrees: new GeneralSubtrees([...permitted, ...loopback]) }));
  return new x509.Extension(id_ce_nameConstraints, true, value);
}

async function newCertificateAuthority(domain: string): Promise<Pem> {
  const now = Date.now();
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await globalThis.crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomBytes(16).toString('hex').replace(/^[89a-f]/, '1'),
      name: 'CN=CORS Playground local CA, O=CORS Playground',
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 10 * 365 * DAY_MS),
      signingAlgorithm: algorithm,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        nameConstraints(domain),
      ],
    },
    globalThis.crypto,
  );
  const key = Buffer.from(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  return { cert: cert.toString('pem'), key: `-----BEGIN PRIVATE KEY-----\n${key.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n` };
}

/** Leaf certificates signed by the local CA, one per site domain, minted on first use and kept in memory. */
export class LeafCertificates {
  private readonly contexts = new Map<string, Promise<SecureContext>>();
  private minting = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly ca: Pem,
    private readonly domain: string,
    private readonly isLiveHost: LiveHostCheck,
    private readonly cacheSize = MAX_CACHED_LEAVES,
  ) {}

  /**
   * The context for a server name: its site's leaf, already kept or minted now for a live
   * sandbox's host; null (the fallback, the domain's leaf) for any other name, or when too many
   * mints wait.
   */
  contextFor(servername: string): Promise<SecureContext> | null {
    const host = servername.toLowerCase();
    const name = siteDomainOf(host, this.domain);
    if (name === null) return null;
    let context = this.contexts.get(name);
    if (context) this.contexts.delete(name);
    else {
      if (!this.isLiveHost(host) || this.waiting.length >= MAX_WAITING_MINTS) return null;
      const made = this.limited(() => this.mint(name)).then((pem) => createSecureContext(pem));
      made.catch(() => {
        if (this.contexts.get(name) === made) this.contexts.delete(name);
      });
      context = made;
    }
    this.contexts.set(name, context);
    if (this.contexts.size > this.cacheSize) this.contexts.delete(this.contexts.keys().next().value!);
    return context;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.minting >= MAX_CONCURRENT_MINTS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.minting++;
    try {
      return await work();
    } finally {
      this.minting--;
      this.waiting.shift()?.();
    }
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
