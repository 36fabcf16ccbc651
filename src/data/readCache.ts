import { LRUCache } from 'lru-cache';

interface Entry<V> {
  generation: number;
  value: V;
}

/** The part of the LRU cache used here (its full type is not covariant in the value). */
interface EntryStore<V> {
  get(key: string): Entry<V> | undefined;
  set(key: string, entry: Entry<V>): unknown;
  delete(key: string): unknown;
  clear(): void;
  readonly size: number;
}

interface Flight<V> {
  promise: Promise<V>;
  stale: boolean;
}

/**
 * In-process cache for the reads every signed-in page makes (session, staff member) and for the
 * committee queue. The writes that could change a cached value invalidate it, so on one server a
 * reader never sees data older than a write this process made. Entries also expire after `ttlMs`,
 * which bounds how stale a write made elsewhere (another server on libSQL, a script) can look.
 *
 * Concurrent reads of one key share a single load. Values are shared between callers: treat them
 * as read-only. Entries live in an LRU cache whose time is the injected clock (`now`, milliseconds),
 * so tests move time instead of waiting.
 */
export class ReadCache<V> {
  private generation = 0;
  private readonly entries: EntryStore<V> | null;
  private readonly inFlight = new Map<string, Flight<V>>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
      /** Tells the other instances (PostgreSQL NOTIFY) about an invalidation made here; null is every key. */
      onInvalidate?: (key: string | null) => void;
    },
  ) {
    const now = options.now ?? (() => performance.now());
    this.entries =
      options.ttlMs > 0 && options.maxEntries > 0
        ? // ttlResolution 0: ask the clock on every read rather than caching its answer on a timer.
          new LRUCache<string, Entry<V>>({ max: options.maxEntries, ttl: options.ttlMs, ttlResolution: 0, perf: { now } })
        : null;
  }

  read(key: string, load: () => Promise<V>): Promise<V> {
    const entries = this.entries;
    if (!entries) return load();
    const entry = entries.get(key);
    if (entry && entry.generation === this.generation) return Promise.resolve(entry.value);
    const pending = this.inFlight.get(key);
    if (pending) return pending.promise;

    const generation = this.generation;
    const flight: Flight<V> = { stale: false, promise: Promise.resolve() as Promise<never> };
    flight.promise = load().then(
      (value) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        // A write that landed while this load ran may be missing from `value`: do not keep it.
        if (!flight.stale && generation === this.generation) entries.set(key, { generation, value });
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, flight);
    return flight.promise;
  }

  /** After a write to one key: later reads load again; a load already running is not kept. */
  invalidate(key: string): void {
    this.invalidateHere(key);
    this.options.onInvalidate?.(key);
  }

  /** After a write that may touch any key. */
  invalidateAll(): void {
    this.invalidateAllHere();
    this.options.onInvalidate?.(null);
  }

  /** An invalidation another instance made: applied here, not sent on. */
  invalidateFromElsewhere(key: string | null): void {
    if (key === null) this.invalidateAllHere();
    else this.invalidateHere(key);
  }

  private invalidateHere(key: string): void {
    this.entries?.delete(key);
    const flight = this.inFlight.get(key);
    if (flight) {
      flight.stale = true;
      this.inFlight.delete(key);
    }
  }

  private invalidateAllHere(): void {
    this.generation += 1;
    this.entries?.clear();
    for (const flight of this.inFlight.values()) flight.stale = true;
    this.inFlight.clear();
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
