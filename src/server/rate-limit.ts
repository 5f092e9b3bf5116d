/**
 * A sliding-window limit per key (an address): at most `max` hits in any `windowMs`. Times come
 * from the server's clock, so tests move it instead of waiting.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    /** Keys kept at the most: the oldest are forgotten first, so a flood of addresses is bounded. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may hit again (0: now), without counting a hit. */
  wait(key: string, now: number): number {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    return list.length >= this.max ? list[0]! - since : 0;
  }

  /**
   * Count a hit for `key` at `now`. Allowed: 0; refused: milliseconds until the next hit is.
   *
   * @example
   * const wait = joins.hit(address, now());
   * if (wait > 0) return refuse(`wait ${Math.ceil(wait / 1000)} s`);
   */
  hit(key: string, now: number): number {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.max) {
      this.hits.set(key, list);
      return list[0]! - since;
    }
    list.push(now);
    // Re-inserted last: the Map's order is the order keys were last used.
    this.hits.delete(key);
    this.hits.set(key, list);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return 0;
  }
}
