import { describe, expect, it } from 'vitest';
import { readEnvironment } from './env';

describe('readEnvironment', () => {
  it('defaults to the embedded database under ./data', () => {
    expect(readEnvironment({})).toEqual({ RTC_DOCTOR_DATA_DIR: './data', RTC_DOCTOR_RATE_LIMITS: 'on' });
  });

  it('takes a PostgreSQL URL and a data directory', () => {
    expect(readEnvironment({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', RTC_DOCTOR_DATA_DIR: '/var/rtc' })).toEqual({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      RTC_DOCTOR_DATA_DIR: '/var/rtc',
      RTC_DOCTOR_RATE_LIMITS: 'on',
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(readEnvironment({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('turns rate limits off only when asked, and names a wrong value', () => {
    expect(readEnvironment({ RTC_DOCTOR_RATE_LIMITS: 'off' }).RTC_DOCTOR_RATE_LIMITS).toBe('off');
    expect(() => readEnvironment({ RTC_DOCTOR_RATE_LIMITS: 'maybe' })).toThrow(/RTC_DOCTOR_RATE_LIMITS must be/);
  });

  it('names a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(() => readEnvironment({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL must be a postgres/);
  });
});
