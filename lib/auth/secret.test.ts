import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authSecret } from './secret';

describe('the session-signing secret kept beside the embedded database', () => {
  let base: string;
  let umask: number;
  const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-secret-'));
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(base, { recursive: true, force: true });
  });

  it('is made in a directory of this user only, in a file of this user only, and kept', () => {
    const dataDir = path.join(base, 'data');
    const secret = authSecret({ sharedDatabase: false, dataDir });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mode(dataDir)).toBe('700');
    expect(mode(path.join(dataDir, 'auth-secret'))).toBe('600');
    expect(authSecret({ sharedDatabase: false, dataDir })).toBe(secret);
  });

  it('tightens a data directory that others can read', () => {
    const dataDir = path.join(base, 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    authSecret({ sharedDatabase: false, dataDir });
    expect(mode(dataDir)).toBe('700');
  });
});
