import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config';
import { parseServerOptions } from '../src/options';

describe('the server options shared by npm start and cors-playground serve', () => {
  it('reads every option, each over its environment variable', () => {
    const parsed = parseServerOptions(
      ['--port', '9000', '--https-port', '0', '--data-dir', 'd', '--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--host', '0.0.0.0', '--log'],
      { PORT: '1', SECOND_PORT: '9001', SECOND_HTTPS_PORT: '9444', RUN_TIMEOUT_MS: '500', DATA_DIR: 'ignored' },
    );
    expect(parsed).toEqual({
      ok: true,
      options: {
        ports: { http: [9000, 9001], https: [0, 9444] },
        runTimeoutMs: 500,
        dataDir: resolve('d'),
        tls: { certFile: resolve('c.pem'), keyFile: resolve('k.pem') },
        bindAddresses: ['0.0.0.0'],
        logger: true,
      },
    });
  });

  it('takes DATA_DIR, TLS_CERT and TLS_KEY from the environment, and defaults the rest', () => {
    const parsed = parseServerOptions([], { DATA_DIR: '/srv/data', TLS_CERT: '/c.pem', TLS_KEY: '/k.pem' });
    expect(parsed.ok && parsed.options).toMatchObject({ ports: DEFAULT_CONFIG.ports, dataDir: '/srv/data', tls: { certFile: '/c.pem', keyFile: '/k.pem' }, logger: false });
    expect(parseServerOptions([], {}).ok && parseServerOptions([], {})).toMatchObject({ options: { dataDir: DEFAULT_CONFIG.dataDir, tls: null } });
  });

  it.each([
    [['--port=-1'], '--port (PORT) takes a whole number from 0 to 65535, not "-1"'],
    [['--second-https-port', '70000'], '--second-https-port (SECOND_HTTPS_PORT) takes a whole number from 0 to 65535, not "70000"'],
    [['--run-timeout-ms', '1.5'], '--run-timeout-ms (RUN_TIMEOUT_MS) takes a whole number from 0 to 9007199254740991, not "1.5"'],
    [['--tls-key', 'k.pem'], '--tls-cert (TLS_CERT) and --tls-key (TLS_KEY) go together: give both files or neither'],
  ])('refuses %j with a message naming the option', (args, error) => {
    expect(parseServerOptions(args, {})).toEqual({ ok: false, error });
  });

  it('refuses a negative port from the environment too, and an unknown option', () => {
    expect(parseServerOptions([], { HTTPS_PORT: '-5' })).toEqual({ ok: false, error: '--https-port (HTTPS_PORT) takes a whole number from 0 to 65535, not "-5"' });
    expect(parseServerOptions(['--bogus'], {})).toMatchObject({ ok: false, error: expect.stringContaining("Unknown option '--bogus'") });
  });
});
