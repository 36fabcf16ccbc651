interface Entry<V> {
  generation: number;
  expiresAt: number;
  value: V;
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
 * as read-only.
 */
export class ReadCache<V> {
  private generation = 0;
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Flight<V>>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      /** Tells the other instances (PostgreSQL NOTIFY) about an invalidation made here; null is every key. */
      onInvalidate?: (key: string | null) => void;
    },
  ) {}

  read(key: string, load: () => Promise<V>): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation && entry.expiresAt > performance.now()) return Promise.resolve(entry.value);
    const pending = this.inFlight.get(key);
    if (pending) return pending.promise;

    const generation = this.generation;
    const flight: Flight<V> = { stale: false, promise: Promise.resolve() as Promise<never> };
    flight.promise = load().then(
      (value) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        // A write that landed while this load ran may be missing from `value`: do not keep it.
        if (!flight.stale && generation === this.generation) this.store(key, { generation, expiresAt: performance.now() + this.options.ttlMs, value });
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
    this.entries.delete(key);
    const flight = this.inFlight.get(key);
    if (flight) {
      flight.stale = true;
      this.inFlight.delete(key);
    }
  }

  private invalidateAllHere(): void {
    this.generation += 1;
    this.entries.clear();
    for (const flight of this.inFlight.values()) flight.stale = true;
    this.inFlight.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, entry: Entry<V>): void {
    // Map keeps insertion order: re-inserting marks the key as recent, and the oldest goes first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
