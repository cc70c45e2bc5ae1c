export type StreamSlot = { ok: true; release: () => void } | { ok: false; cap: 'client' | 'process'; limit: number };

/**
 * Open event streams in this process, per client and in all: a stream takes a slot before it starts and gives it
 * back when it ends, however it ends (`release` is idempotent). Counted in memory: what runs out when there are too
 * many is this process's file descriptors and memory.
 */
export class StreamSlots {
  private readonly byClient = new Map<string, number>();
  private total = 0;

  constructor(
    /** Streams one client may hold; undefined for no per-client cap (RTC_DOCTOR_RATE_LIMITS=off). */
    readonly perClient: number | undefined,
    readonly perProcess: number,
  ) {}

  open(client: string): StreamSlot {
    if (this.total >= this.perProcess) return { ok: false, cap: 'process', limit: this.perProcess };
    const held = this.byClient.get(client) ?? 0;
    if (this.perClient !== undefined && held >= this.perClient)
      return { ok: false, cap: 'client', limit: this.perClient };
    this.byClient.set(client, held + 1);
    this.total++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.byClient.get(client) ?? 1) - 1;
        if (left > 0) this.byClient.set(client, left);
        else this.byClient.delete(client);
      },
    };
  }

  /** Streams open, in all or for one client. */
  count(client?: string): number {
    return client === undefined ? this.total : (this.byClient.get(client) ?? 0);
  }
}
