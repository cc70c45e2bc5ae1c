/** Shown beside every PostgreSQL suite that a machine without TEST_DATABASE_URL skips (unit and e2e alike). */
export const POSTGRES_SKIP_REASON =
  'skipped: PostgreSQL suites run when TEST_DATABASE_URL is set (see README, "Tests")';
