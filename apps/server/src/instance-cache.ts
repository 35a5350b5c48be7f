/**
 * A bounded cache of things that hold resources (Fastify instances), most recently used kept. An
 * entry pushed out while requests still use it is closed when the last of them releases it, never
 * under a request in flight.
 */
export class InstanceCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; users: number; evicted: boolean }>();

  constructor(
    private readonly size: number,
    private readonly close: (value: T) => Promise<unknown>,
  ) {}

  /** The value for `key`, made by `create` when absent; call the returned release once done with it. */
  acquire(key: string, create: () => Promise<T>): { value: Promise<T>; release(): void } {
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    else {
      entry = { value: create(), users: 0, evicted: false };
      const made = entry;
      made.value.catch(() => {
        if (this.entries.get(key) === made) this.entries.delete(key);
      });
    }
    this.entries.set(key, entry);
    entry.users++;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.size) break;
      this.entries.delete(oldest);
      old.evicted = true;
      if (old.users === 0) this.dispose(old.value);
    }
    const held = entry;
    let released = false;
    return {
      value: held.value,
      release: () => {
        if (released) return;
        released = true;
        held.users--;
        if (held.evicted && held.users === 0) this.dispose(held.value);
      },
    };
  }

  /** Drops the entries whose key matches, closing each now or once its last request is done. */
  evict(matches: (key: string) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (!matches(key)) continue;
      this.entries.delete(key);
      entry.evicted = true;
      if (entry.users === 0) this.dispose(entry.value);
    }
  }

  private dispose(value: Promise<T>): void {
    void value.then((made) => this.close(made)).catch(() => undefined);
  }
}
