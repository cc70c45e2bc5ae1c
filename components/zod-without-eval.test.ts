import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { config } from 'zod';
import { zodWithoutEvalScript } from './zod-without-eval';

describe('the inline script that sets zod up for a CSP without eval', () => {
  const before = config().jitless;
  afterEach(() => {
    config({ jitless: before });
  });

  it("turns on zod's jitless setting, the one zod itself reads", () => {
    config({ jitless: false });
    runInThisContext(zodWithoutEvalScript);
    expect(config().jitless).toBe(true);
  });
});
