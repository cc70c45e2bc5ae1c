import { describe, expect, it } from 'vitest';
import { excessiveNesting, jsonNestingDepth, MAX_JSON_DEPTH } from './json-depth';

describe('jsonNestingDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['"[[[[{{{{"', 0],
    ['{"a":"\\"[[["}', 1],
    ['[[]][[[]]]', 3],
  ])('%s nests %i deep (brackets inside strings do not count)', (text, depth) => {
    expect(jsonNestingDepth(text)).toBe(depth);
  });

  it('stops counting just past the limit, so a 20 000-deep text costs no more than it must', () => {
    expect(jsonNestingDepth('['.repeat(20_000))).toBe(MAX_JSON_DEPTH + 1);
  });

  it('refuses past the limit and accepts at it', () => {
    expect(excessiveNesting('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
    expect(excessiveNesting('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toMatch(
      /more than 64 levels/,
    );
  });
});
