import { describe, expect, it } from 'vitest';
import { ReadCache } from '../../src/data/readCache.ts';

function counter(values: string[] = []) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    load: async () => {
      calls += 1;
      return values[calls - 1] ?? `value ${calls}`;
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('ReadCache', () => {
  it('serves a cached value until it expires', async () => {
    let now = 1_000;
    const cache = new ReadCache<string>({ ttlMs: 40, maxEntries: 10, now: () => now });
    const source = counter();
    expect(await cache.read('a', source.load)).toBe('value 1');
    now += 39;
    expect(await cache.read('a', source.load)).toBe('value 1');
    expect(source.calls).toBe(1);
    now += 2;
    expect(await cache.read('a', source.load)).toBe('value 2');
  });

  it('loads every time when the time to live is 0', async () => {
    const cache = new ReadCache<string>({ ttlMs: 0, maxEntries: 10 });
    const source = counter();
    await cache.read('a', source.load);
    await cache.read('a', source.load);
    expect(source.calls).toBe(2);
  });

  it('shares one load between concurrent reads of a key', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1000, maxEntries: 10 });
    const source = counter();
    const values = await Promise.all([
      cache.read('a', source.load),
      cache.read('a', source.load),
      cache.read('b', source.load),
    ]);
    expect(values).toEqual(['value 1', 'value 1', 'value 2']);
    expect(source.calls).toBe(2);
  });

  it('loads again after the key is invalidated', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1000, maxEntries: 10 });
    const source = counter();
    await cache.read('a', source.load);
    await cache.read('b', source.load);
    cache.invalidate('a');
    expect(await cache.read('a', source.load)).toBe('value 3');
    expect(await cache.read('b', source.load)).toBe('value 2');
  });

  it('loads every key again after invalidateAll', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1000, maxEntries: 10 });
    const source = counter();
    await cache.read('a', source.load);
    await cache.read('b', source.load);
    cache.invalidateAll();
    expect(await cache.read('a', source.load)).toBe('value 3');
    expect(await cache.read('b', source.load)).toBe('value 4');
  });

  it('does not keep a value whose load was running when a write invalidated it', async () => {
    for (const invalidate of [
      (cache: ReadCache<string>) => cache.invalidate('a'),
      (cache: ReadCache<string>) => cache.invalidateAll(),
    ]) {
      const cache = new ReadCache<string>({ ttlMs: 1000, maxEntries: 10 });
      const slow = deferred<string>();
      const before = cache.read('a', () => slow.promise);
      invalidate(cache);
      // A read after the write must not join the load that started before it.
      const after = cache.read('a', async () => 'after the write');
      slow.resolve('before the write');
      expect(await before).toBe('before the write');
      expect(await after).toBe('after the write');
      expect(await cache.read('a', async () => 'reloaded')).toBe('after the write');
    }
  });

  it('does not cache a failed load', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1000, maxEntries: 10 });
    await expect(
      cache.read('a', () => Promise.reject(new Error('database is down'))),
    ).rejects.toThrow('database is down');
    expect(await cache.read('a', async () => 'recovered')).toBe('recovered');
  });

  it('drops the least recently stored entry beyond its size', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1000, maxEntries: 2 });
    const source = counter();
    await cache.read('a', source.load);
    await cache.read('b', source.load);
    await cache.read('c', source.load);
    expect(cache.size).toBe(2);
    expect(await cache.read('b', source.load)).toBe('value 2');
    expect(await cache.read('a', source.load)).toBe('value 4');
  });
});
