import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LeafCertificates } from '../src/tls';

let ca: { cert: string; key: string };
beforeAll(async () => {
  const made = await generate([{ name: 'commonName', value: 'test CA' }], {
    keyType: 'ec',
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, critical: true }],
  });
  ca = { cert: made.cert, key: made.private };
});

/** The site domains minted, in order, and the most mints seen under way at once. */
function watch(leaves: LeafCertificates) {
  const minted: string[] = [];
  let running = 0;
  let most = 0;
  const mint = leaves.mint.bind(leaves);
  vi.spyOn(leaves, 'mint').mockImplementation(async (name) => {
    minted.push(name);
    most = Math.max(most, ++running);
    try {
      return await mint(name);
    } finally {
      running--;
    }
  });
  return { minted, most: () => most };
}

describe('the leaf certificates of sandbox sites', () => {
  it('mints only for hosts of live sandboxes; other names get the fallback', async () => {
    const leaves = new LeafCertificates(ca, 'localhost', (host) => host === 'app-aaaaaaaaaaaaaaaa.site-a.localhost');
    const { minted } = watch(leaves);
    expect(leaves.contextFor('x.site-attacker1.localhost')).toBeNull();
    expect(leaves.contextFor('localhost')).toBeNull();
    await leaves.contextFor('app-aaaaaaaaaaaaaaaa.site-a.localhost');
    expect(minted).toEqual(['site-a.localhost']);
  });

  it('keeps the most recently used leaves: a site in use is not minted again when names cycle', async () => {
    const leaves = new LeafCertificates(ca, 'localhost', () => true, 2);
    const { minted } = watch(leaves);
    for (const site of ['a', 'b', 'a', 'c', 'a', 'b']) await leaves.contextFor(`app-x.site-${site}.localhost`);
    expect(minted).toEqual(['site-a.localhost', 'site-b.localhost', 'site-c.localhost', 'site-b.localhost']);
  });

  it('mints at most two leaves at once', async () => {
    const leaves = new LeafCertificates(ca, 'localhost', () => true);
    const { minted, most } = watch(leaves);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((site) => leaves.contextFor(`app-x.site-${site}.localhost`)));
    expect(minted).toHaveLength(5);
    expect(most()).toBe(2);
  });
});
