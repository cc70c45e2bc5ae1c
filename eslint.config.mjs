import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// lib/ is the framework-free domain: the browser, the API and the CLI share it, so it may not reach into
// Next.js, React or the UI; better-auth's Next.js adapter belongs to the app layer only.
const domainBoundary = {
  files: ['lib/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['next', 'next/*'], message: 'lib/ is framework-free: no Next.js imports.' },
          {
            group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
            message: 'lib/ is framework-free: no React imports.',
          },
          { group: ['@/components/*', '**/components/*'], message: 'lib/ may not import UI code from components/.' },
          { group: ['better-auth/next-js'], message: "better-auth's Next.js adapter stays in app/." },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  domainBoundary,
  {
    rules: {
      // A leading underscore names what is left out on purpose (a member split off a copy, an unused argument).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // CommonJS on purpose (scripts/server-launcher.cjs: both bare node and Playwright's loader import it).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Playwright fixtures call their argument `use`, which is not React's hook.
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
    'data/**',
  ]),
]);
