import { expect, it } from 'vitest';
import { describeEvent } from './labels';

it('describes each change in an item’s history in words', () => {
  expect(describeEvent({ action: 'status', from: 'new', to: 'done' })).toBe('changed the status from New to Done');
  expect(describeEvent({ action: 'status', from: 'done', to: 'in-progress' })).toBe(
    'changed the status from Done to In progress',
  );
  expect(describeEvent({ action: 'note', from: null, to: 'Called them back' })).toBe(
    'added the note “Called them back”',
  );
  expect(describeEvent({ action: 'note', from: 'a', to: 'b' })).toBe('changed the note to “b”');
  expect(describeEvent({ action: 'note', from: 'a', to: null })).toBe('removed the note');
  expect(describeEvent({ action: 'note', from: 'a', to: '' })).toBe('removed the note');
});
