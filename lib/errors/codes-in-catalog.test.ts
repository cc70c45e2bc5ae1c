import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ERROR_STATUS, ERROR_CODES, WARNING_CODES } from '@/lib/errors';

// Types check the codes that go through the catalog's helpers; this catches a code written as a bare literal.

const ROOT = process.cwd();
const CATALOG_CODES = new Set<string>([...ERROR_CODES, ...WARNING_CODES, ...Object.keys(API_ERROR_STATUS)]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.(test|fixture)\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Files browser code loads: client components and the lib modules the token debugger and the checkers run. */
function browserFiles(): string[] {
  const clientComponents = sourceFiles('components').filter((file) =>
    /^['"]use client['"]/m.test(fs.readFileSync(path.join(ROOT, file), 'utf8')),
  );
  return [
    ...clientComponents,
    ...sourceFiles('components/token'),
    ...sourceFiles('lib/jwt'),
    ...sourceFiles('lib/jwk'),
  ];
}

describe('finding and error codes', () => {
  it('every upper-case code literal in lib/ is a catalog code', () => {
    const found = sourceFiles('lib').flatMap((file) =>
      [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/\bcode: '([A-Z][A-Z0-9_]*)'/g)].map(([, code]) => ({
        file,
        code: code!,
      })),
    );
    expect(found.length).toBeGreaterThan(5);
    for (const { file, code } of found) expect(CATALOG_CODES.has(code), `${code} in ${file}`).toBe(true);
  });

  it('browser code reads the catalog only through its summary, never the prose', () => {
    const imports = [...new Set(browserFiles())].flatMap((file) =>
      [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/from '(@\/lib\/errors[^']*)'/g)].map(([, from]) => ({
        file,
        from: from!,
      })),
    );
    expect(imports.length).toBeGreaterThan(3);
    // paths.ts is the summary's one dependency: a module that only links to error pages takes it alone, a kilobyte
    // lighter on pages such as /account that show no catalog text.
    for (const { file, from } of imports) expect(['@/lib/errors/summary', '@/lib/errors/paths'], file).toContain(from);
  });
});
