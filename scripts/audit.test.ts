import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advisoriesFromNpmAudit, findVulnerable, type Snapshot } from './audit.mjs';

const snapshot = JSON.parse(readFileSync('scripts/advisories.json', 'utf8')) as Snapshot;

function lockWith(packages: Record<string, string>) {
  return {
    lockfileVersion: 3,
    packages: {
      '': { name: 'app' },
      ...Object.fromEntries(Object.entries(packages).map(([where, version]) => [where, { version }])),
    },
  };
}

describe('the dependency audit', () => {
  it('flags a vulnerable version anywhere in the tree, and not a fixed one', () => {
    const findings = findVulnerable(
      lockWith({
        'node_modules/next': '15.2.2',
        'node_modules/a/node_modules/braces': '3.0.2',
        'node_modules/ws': '8.17.1',
      }),
      snapshot,
    );
    expect(findings.map((finding) => `${finding.package}@${finding.version} ${finding.id}`).sort()).toEqual([
      'braces@3.0.2 GHSA-grv7-fg5c-xmjg',
      'next@15.2.2 GHSA-f82v-jwr5-mffw',
    ]);
    expect(findings.every((finding) => finding.accepted === undefined)).toBe(true);
  });

  it('reports an accepted advisory with its reason instead of failing on it', () => {
    const [finding] = findVulnerable(
      lockWith({ 'node_modules/@esbuild-kit/core-utils/node_modules/esbuild': '0.18.20' }),
      snapshot,
    );
    expect(finding).toMatchObject({ package: 'esbuild', id: 'GHSA-67mh-4wv8-2f99' });
    expect(finding!.accepted).toMatch(/drizzle-kit/);
  });

  it("passes the project's own lock file, apart from accepted advisories", () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    expect(findVulnerable(lock, snapshot).filter((finding) => !finding.accepted)).toEqual([]);
  });

  it("reads npm audit's report when the endpoint answers, and nothing when it does not", () => {
    const report = {
      vulnerabilities: {
        next: {
          via: [
            {
              source: 1,
              name: 'next',
              url: 'https://github.com/advisories/GHSA-f82v-jwr5-mffw',
              severity: 'critical',
              title: 'bypass',
              range: '<15.2.3',
            },
            'other',
          ],
        },
      },
    };
    expect(advisoriesFromNpmAudit(report)).toEqual([
      { id: 'GHSA-f82v-jwr5-mffw', package: 'next', vulnerable: '<15.2.3', severity: 'critical', title: 'bypass' },
    ]);
    expect(advisoriesFromNpmAudit({ message: '405 Method Not Allowed' })).toBeUndefined();
  });
});
