#!/usr/bin/env node
// Reads the server logs of a test run (test-results/server-*.log) and fails when any line holds what a log must
// never hold: a token, a private or public key block, a full API key, a cookie, a query string, a body. Every JSON
// line may carry only the fields the server logs (LOG_FIELDS); anything else is a leak waiting to happen.
//   node scripts/scan-server-logs.mjs [DIR]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every field a server log line may carry (server/request-log.mjs, server/shutdown.mjs, server/cluster.mjs, server.mjs). */
export const LOG_FIELDS = new Set([
  'level',
  'time',
  'msg',
  'requestId',
  'method',
  'route',
  'status',
  'durationMs',
  'aborted',
  'worker',
  'workers',
  'signal',
  'graceMs',
  'ms',
  'next',
  'url',
  'readyMs',
  'error',
  'code',
  'livedMs',
]);

export const SECRET_PATTERNS = [
  ['a JWT', /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./],
  ['a PEM block', /-----BEGIN [A-Z0-9 ]+-----/],
  ['a full API key', /rtc_[A-Za-z0-9_-]{24}/],
  ['a session cookie', /better-auth\.session_token|rtc_token=/],
  ['a private JWK member', /"(d|p|q|dp|dq|qi|k)"\s*:\s*"[A-Za-z0-9_-]{16,}"/],
  ['a query string', /\?[^\s"'?]*=/],
];

/** What is wrong with one log line, or undefined. */
export function lineProblem(line) {
  for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(line)) return `holds ${what}`;
  if (!line.startsWith('{')) return undefined;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  const unknown = Object.keys(entry).filter((field) => !LOG_FIELDS.has(field));
  if (unknown.length) return `has fields no server log line may have: ${unknown.join(', ')}`;
  if (typeof entry.route === 'string' && !entry.route.startsWith('/') && entry.route !== '(unmatched)')
    return 'names a route that is not a pattern';
  return undefined;
}

/** Every problem in the logs under `dir`, and how many request lines were read. */
export function scanLogs(dir) {
  const files = readdirSync(dir).filter((name) => /^server-.*\.log$/.test(name));
  const problems = [];
  let requests = 0;
  for (const file of files) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.includes('"msg":"request"')) requests += 1;
      const problem = lineProblem(line);
      // The line number only: quoting the line would print the secret again.
      if (problem) problems.push(`${file}:${index + 1} ${problem}`);
    });
  }
  return { files: files.length, requests, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'test-results';
  const { files, requests, problems } = scanLogs(dir);
  if (requests === 0) {
    console.error(`No request was logged in ${dir}/server-*.log (${files} files): the scan would prove nothing.`);
    process.exit(1);
  }
  for (const problem of problems.slice(0, 50)) console.error(problem);
  console.log(`Server log scan: ${requests} request lines in ${files} files, ${problems.length} problems.`);
  process.exit(problems.length ? 1 : 0);
}
