import { describe, expect, it } from 'vitest';
import { STRUCTURAL_ERROR_CODES } from './types';

describe('structural error codes', () => {
  it('are the codes of rules 1 to 5 of the contract, taken from the catalog', () => {
    expect([...STRUCTURAL_ERROR_CODES].sort()).toEqual(
      [
        'TOKEN_NOT_ENOUGH_PARTS',
        'TOKEN_TOO_MANY_PARTS',
        'TOKEN_PART_NOT_BASE64',
        'TOKEN_PART_NOT_JSON',
        'TOKEN_HEADER_NO_ALG',
        'TOKEN_UNSUPPORTED_ALG',
      ].sort(),
    );
  });
});
