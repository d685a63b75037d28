import type { EventDeduplicator } from "./types.js";

/** Slack retries a delivery after 1 minute and after 5; an hour covers every retry with room to spare. */
export const EVENT_DEDUPE_TTL_MS = 60 * 60 * 1000;

/** Event ids seen within the TTL, oldest dropped first when the window is full. */
export class InMemoryEventDeduplicator implements EventDeduplicator {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = EVENT_DEDUPE_TTL_MS,
    private readonly capacity = 50_000,
  ) {}

  async claim(eventId: string, now: Date): Promise<boolean> {
    const time = now.getTime();
    this.evict(time);
    const expires = this.seen.get(eventId);
    if (expires !== undefined && expires > time) return false;
    this.seen.delete(eventId);
    this.seen.set(eventId, time + this.ttlMs);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Entries are in insertion order with one TTL, so expired ones are always at the front. */
  private evict(time: number): void {
    for (const [id, expires] of this.seen) {
      if (expires > time) break;
      this.seen.delete(id);
    }
  }
}
