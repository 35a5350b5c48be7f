import { describe, expect, it } from 'vitest';
import { InstanceCache } from '../src/instance-cache';

describe('the cache of CORS library instances', () => {
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('keeps the most recently used, and closes an evicted instance only once no request uses it', async () => {
    const closed: string[] = [];
    const cache = new InstanceCache<string>(2, async (value) => closed.push(value));
    const a = cache.acquire('a', async () => 'A');
    cache.acquire('b', async () => 'B').release();
    cache.acquire('a', async () => 'A2').release(); // a hit: A is the most recent now
    cache.acquire('c', async () => 'C').release(); // evicts b, the least recently used
    await settle();
    expect(closed).toEqual(['B']);
    cache.acquire('d', async () => 'D').release(); // evicts a, still held by its first request
    await settle();
    expect(closed).toEqual(['B']);
    expect(await a.value).toBe('A');
    a.release();
    a.release();
    await settle();
    expect(closed).toEqual(['B', 'A']);
  });

  it("closes the instances of a deleted sandbox's origins, each once no request uses it", async () => {
    const closed: string[] = [];
    const cache = new InstanceCache<string>(10, async (value) => closed.push(value));
    const held = cache.acquire('{"origin":"http://app-one.site-a.localhost"}', async () => 'one');
    cache.acquire('{"origin":"http://app-one.site-a.localhost:8081"}', async () => 'one-other-port').release();
    cache.acquire('{"origin":"*"}', async () => 'shared').release();
    cache.evict((key) => key.includes('app-one.'));
    await settle();
    expect(closed).toEqual(['one-other-port']);
    held.release();
    await settle();
    expect(closed).toEqual(['one-other-port', 'one']);
    expect(await cache.acquire('{"origin":"*"}', async () => 'new').value).toBe('shared');
  });

  it('makes a new instance after one failed to start', async () => {
    const cache = new InstanceCache<string>(2, async () => undefined);
    const failed = cache.acquire('a', async () => Promise.reject(new Error('bad options')));
    await expect(failed.value).rejects.toThrow('bad options');
    failed.release();
    expect(await cache.acquire('a', async () => 'A').value).toBe('A');
  });
});
