#!/usr/bin/env node
// Fails on installed packages with known vulnerabilities. The registry's bulk advisory endpoint (what `npm audit`
// asks) does not answer on every machine, so: `npm audit` when it answers, else the pinned snapshot
// scripts/advisories.json matched against package-lock.json. Either way, an advisory listed under "accepted" in
// the snapshot (with its reason) is reported but does not fail the check.
//
//   node scripts/audit.mjs            check; exit 0 clean, 1 vulnerable, 2 could not check
//   node scripts/audit.mjs --refresh  add what `npm audit` reports now to the snapshot (needs a working endpoint)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import semver from 'semver';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SNAPSHOT = path.join(ROOT, 'scripts', 'advisories.json');

/** Every installed package version in a lock file (v2/v3): name → versions. */
export function installedPackages(lock) {
  const installed = new Map();
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where || !entry.version) continue;
    const name = entry.name ?? where.split('node_modules/').pop();
    if (!installed.has(name)) installed.set(name, new Set());
    installed.get(name).add(entry.version);
  }
  return installed;
}

/** The snapshot's advisories that an installed version falls in, each marked accepted (with its reason) or not. */
export function findVulnerable(lock, snapshot) {
  const installed = installedPackages(lock);
  const accepted = new Map((snapshot.accepted ?? []).map((entry) => [`${entry.id} ${entry.package}`, entry.reason]));
  const findings = [];
  for (const advisory of snapshot.advisories) {
    for (const version of installed.get(advisory.package) ?? []) {
      if (!semver.satisfies(version, advisory.vulnerable, { includePrerelease: true })) continue;
      findings.push({ ...advisory, version, accepted: accepted.get(`${advisory.id} ${advisory.package}`) });
    }
  }
  return findings;
}

/** `npm audit --json` as advisories in the snapshot's shape, or undefined when the endpoint did not answer. */
export function advisoriesFromNpmAudit(report) {
  if (!report || typeof report !== 'object' || !report.vulnerabilities) return undefined;
  const advisories = [];
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object') continue;
      const id = /GHSA-[\w-]+/.exec(via.url ?? '')?.[0] ?? String(via.source);
      advisories.push({ id, package: via.name, vulnerable: via.range, severity: via.severity, title: via.title });
    }
  }
  return advisories;
}

function npmAudit() {
  const run = spawnSync('npm', ['audit', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return undefined;
  }
}

function main() {
  const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
  const live = advisoriesFromNpmAudit(npmAudit());
  if (process.argv.includes('--refresh')) {
    if (!live) {
      console.error(
        'npm audit did not answer here (its bulk advisory endpoint is unreachable), so there is nothing to refresh from.',
      );
      process.exit(2);
    }
    const known = new Set(snapshot.advisories.map((advisory) => `${advisory.id} ${advisory.package}`));
    const added = live.filter((advisory) => !known.has(`${advisory.id} ${advisory.package}`));
    snapshot.advisories.push(...added);
    snapshot.refreshed = new Date().toISOString().slice(0, 10);
    writeFileSync(SNAPSHOT, `${JSON.stringify(snapshot, null, 2)}\n`);
    console.log(`Added ${added.length} advisories to scripts/advisories.json.`);
    return;
  }
  const source = live
    ? 'npm audit'
    : `the pinned snapshot (scripts/advisories.json, refreshed ${snapshot.refreshed}); npm audit did not answer here`;
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const findings = findVulnerable(lock, { ...snapshot, advisories: live ?? snapshot.advisories });
  for (const finding of findings) {
    const status = finding.accepted ? `accepted: ${finding.accepted}` : 'VULNERABLE';
    console.log(
      `${finding.package}@${finding.version} ${finding.id} (${finding.severity}) ${finding.title} — ${status}`,
    );
  }
  const failing = findings.filter((finding) => !finding.accepted);
  console.log(
    `Dependency audit against ${source}: ${failing.length} vulnerable, ${findings.length - failing.length} accepted.`,
  );
  process.exit(failing.length ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
