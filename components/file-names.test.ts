import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

// One naming convention for UI files, as in shadcn/ui: kebab-case, so a file's name never depends on what it exports.
it('names every file under components/ in kebab-case', () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'components'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  expect(files.length).toBeGreaterThan(0);
  const misnamed = files.filter((file) => !/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)+$/.test(path.basename(file)));
  expect(misnamed).toEqual([]);
});
