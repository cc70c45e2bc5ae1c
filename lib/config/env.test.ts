import { describe, expect, it } from 'vitest';
import { readEnvironment } from './env';

describe('readEnvironment', () => {
  it('defaults to the embedded database under ./data', () => {
    expect(readEnvironment({})).toMatchObject({ RTC_DOCTOR_DATA_DIR: './data', RTC_DOCTOR_RATE_LIMITS: 'on' });
    expect(readEnvironment({}).DATABASE_URL).toBeUndefined();
  });

  it('takes a PostgreSQL URL and a data directory', () => {
    expect(
      readEnvironment({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', RTC_DOCTOR_DATA_DIR: '/var/rtc' }),
    ).toMatchObject({
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

  it('times sessions out after an hour and sends heartbeats every 15 s unless told otherwise', () => {
    expect(readEnvironment({})).toMatchObject({
      RTC_DOCTOR_SESSION_IDLE_SECONDS: 3600,
      RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: 15,
    });
    expect(
      readEnvironment({ RTC_DOCTOR_SESSION_IDLE_SECONDS: '60', RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: '0.5' }),
    ).toMatchObject({
      RTC_DOCTOR_SESSION_IDLE_SECONDS: 60,
      RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: 0.5,
    });
  });

  it('names a session setting that is not a sensible number', () => {
    expect(() => readEnvironment({ RTC_DOCTOR_SESSION_IDLE_SECONDS: 'soon' })).toThrow(
      /RTC_DOCTOR_SESSION_IDLE_SECONDS must be a number/,
    );
    expect(() => readEnvironment({ RTC_DOCTOR_SESSION_IDLE_SECONDS: '0' })).toThrow(/at least 1/);
    expect(() => readEnvironment({ RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: '0' })).toThrow(
      /RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS must be at least/,
    );
  });

  it('bounds session storage, creates, streams and stream lifetime by default, and takes other values', () => {
    expect(readEnvironment({})).toMatchObject({
      RTC_DOCTOR_SESSION_STORAGE_BYTES: 256 * 1024 * 1024,
      RTC_DOCTOR_SESSION_CREATES_PER_HOUR: 60,
      RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT: 20,
      RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS: 2000,
      RTC_DOCTOR_SESSION_STREAM_SECONDS: 600,
    });
    expect(
      readEnvironment({
        RTC_DOCTOR_SESSION_STORAGE_BYTES: '4096',
        RTC_DOCTOR_SESSION_CREATES_PER_HOUR: '3',
        RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT: '2',
        RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS: '5',
        RTC_DOCTOR_SESSION_STREAM_SECONDS: '30',
      }),
    ).toMatchObject({
      RTC_DOCTOR_SESSION_STORAGE_BYTES: 4096,
      RTC_DOCTOR_SESSION_CREATES_PER_HOUR: 3,
      RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT: 2,
      RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS: 5,
      RTC_DOCTOR_SESSION_STREAM_SECONDS: 30,
    });
  });

  it.each([
    ['RTC_DOCTOR_SESSION_STORAGE_BYTES', 'lots', /RTC_DOCTOR_SESSION_STORAGE_BYTES must be a number of bytes/],
    ['RTC_DOCTOR_SESSION_STORAGE_BYTES', '100', /RTC_DOCTOR_SESSION_STORAGE_BYTES must be at least 1024/],
    ['RTC_DOCTOR_SESSION_CREATES_PER_HOUR', '0', /RTC_DOCTOR_SESSION_CREATES_PER_HOUR must be at least 1/],
    [
      'RTC_DOCTOR_SESSION_CREATES_PER_HOUR',
      '2.5',
      /RTC_DOCTOR_SESSION_CREATES_PER_HOUR must be a whole number of sessions/,
    ],
    ['RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT', '-1', /RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT must be at least 1/],
    [
      'RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS',
      '10000000',
      /RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS must be at most 1000000/,
    ],
    ['RTC_DOCTOR_SESSION_STREAM_SECONDS', '0', /RTC_DOCTOR_SESSION_STREAM_SECONDS must be at least 1/],
    ['RTC_DOCTOR_SESSION_STREAM_SECONDS', '100000', /RTC_DOCTOR_SESSION_STREAM_SECONDS must be at most 86400/],
  ])('refuses %s=%j at start-up, naming it', (name, value, message) => {
    expect(() => readEnvironment({ [name]: value })).toThrow(message);
  });

  it("accepts the service's algorithms by default, and a deployment may widen them with ES algorithms", () => {
    expect(readEnvironment({}).RTC_DOCTOR_ALGORITHMS).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
    expect(readEnvironment({ RTC_DOCTOR_ALGORITHMS: ' ES256, RS256 ,PS512' }).RTC_DOCTOR_ALGORITHMS).toEqual([
      'RS256',
      'PS512',
      'ES256',
    ]);
  });

  it.each([
    ['RS256,HS256', /RTC_DOCTOR_ALGORITHMS: "HS256" is a shared-secret/],
    ['none', /RTC_DOCTOR_ALGORITHMS: "none" means an unsigned token/],
    ['RS256,EdDSA', /RTC_DOCTOR_ALGORITHMS: "EdDSA" is not an algorithm/],
    ['es256', /must be written "ES256"/],
    [',', /RTC_DOCTOR_ALGORITHMS: the list is empty/],
  ])('refuses RTC_DOCTOR_ALGORITHMS=%j at start-up, naming it', (value, message) => {
    expect(() => readEnvironment({ RTC_DOCTOR_ALGORITHMS: value })).toThrow(message);
  });

  it('trusts no proxy unless told, and reads a list of addresses and ranges or a hop count', () => {
    expect(readEnvironment({}).RTC_DOCTOR_TRUSTED_PROXIES).toEqual({ kind: 'none' });
    expect(readEnvironment({ RTC_DOCTOR_TRUSTED_PROXIES: '' }).RTC_DOCTOR_TRUSTED_PROXIES).toEqual({ kind: 'none' });
    expect(readEnvironment({ RTC_DOCTOR_TRUSTED_PROXIES: 'hops:1' }).RTC_DOCTOR_TRUSTED_PROXIES).toEqual({
      kind: 'hops',
      hops: 1,
    });
    const list = readEnvironment({
      RTC_DOCTOR_TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32',
    }).RTC_DOCTOR_TRUSTED_PROXIES;
    expect(list.kind === 'list' && list.ranges.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual([
      '10.0.0.0/8',
      '2001:db8::/32',
    ]);
  });

  it.each([
    ['10.0.0.0/8, proxy.internal', /RTC_DOCTOR_TRUSTED_PROXIES: "proxy.internal" is not an IP address or a CIDR range/],
    ['0.0.0.0/0', /RTC_DOCTOR_TRUSTED_PROXIES: "0.0.0.0\/0" trusts every address/],
    ['hops:0', /RTC_DOCTOR_TRUSTED_PROXIES: "hops:0": the hop count must be a whole number from 1 to 10/],
  ])('refuses RTC_DOCTOR_TRUSTED_PROXIES=%j at start-up, naming it', (value, message) => {
    expect(() => readEnvironment({ RTC_DOCTOR_TRUSTED_PROXIES: value })).toThrow(message);
  });
});
