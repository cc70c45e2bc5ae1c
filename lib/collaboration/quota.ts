import type { Pool } from 'pg';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { boundedKey, createRateLimiter } from '@/lib/http/rate-limit';
import { COLLABORATION_CREATE_WINDOW_SECONDS } from './limits';

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Sessions a client may create (win) per COLLABORATION_CREATE_WINDOW_SECONDS: a create reserves one before it writes and
 * hands it back unless it stored a session (a 409 loser, a 507, an error), so only stored sessions count, and a
 * burst of concurrent creates cannot slip past the count together. Counted in PostgreSQL when the server has one
 * (every process together, in rate_limits), otherwise in memory.
 */
export class CreateQuota {
  private readonly limiter;

  constructor(
    readonly perHour: number,
    pool?: Pool,
  ) {
    this.limiter = createRateLimiter(
      { keyPrefix: 'session-stored', points: perHour, duration: COLLABORATION_CREATE_WINDOW_SECONDS, overall: false },
      pool,
    ).perClient;
  }

  async reserve(client: string): Promise<Reservation> {
    try {
      await this.limiter.consume(boundedKey(client));
      return { ok: true };
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      // The refused attempt stored nothing: it does not count either.
      await this.refund(client);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
    }
  }

  async refund(client: string): Promise<void> {
    await this.limiter.reward(boundedKey(client));
  }
}
