#!/usr/bin/env node
// Completes .next/standalone after `next build` (output: 'standalone'), so that the folder alone runs the portal:
// the build's static files and public/ (which Next.js leaves out, for a CDN), and server.mjs with every file it
// loads (traced with @vercel/nft, as Next.js traces the app's own files). Idempotent; `npm run start:prod` runs it.
//   node scripts/build-standalone.mjs
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFileTrace } from '@vercel/nft';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.next', 'standalone');

if (!existsSync(path.join(out, '.next', 'BUILD_ID'))) {
  console.error('There is no standalone build in .next/standalone: run `npm run build` first.');
  process.exit(1);
}

cpSync(path.join(root, '.next', 'static'), path.join(out, '.next', 'static'), { recursive: true });
cpSync(path.join(root, 'public'), path.join(out, 'public'), { recursive: true });

// Next.js itself is in the standalone folder already, traced to what the app uses: not again, and not whole.
const { fileList } = await nodeFileTrace([path.join(root, 'server.mjs')], {
  base: root,
  ignore: (file) => file.startsWith('node_modules/next/'),
});
for (const file of fileList) cpSync(path.join(root, file), path.join(out, file), { recursive: true });
console.log(`.next/standalone is complete: static files, public/ and server.mjs with ${fileList.size} files it loads.`);
