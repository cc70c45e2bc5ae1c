/**
 * The facts the docs state about algorithms and token lifetimes, computed from the code that enforces them
 * (lib/algorithms, lib/jwt/lifetime), so that a page can never drift from what RTC Doctor checks.
 * Plain data: components/docs renders it and the docs tests read it.
 */
import {
  ALGORITHMS,
  ALGORITHM_NAMES,
  RECOMMENDED_ALGORITHM,
  SERVICE_ALGORITHMS,
  listAlgorithms,
  type AlgorithmEntry,
  type AlgorithmName,
} from '@/lib/algorithms';
import { WARNING_SUMMARIES } from '@/lib/errors/summary';
import { describeDuration } from '@/lib/jwt/duration';
import { LONG_LIFETIME_SECONDS, RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt/lifetime';
import { CLAIM_NOTES } from '@/lib/jwt/claim-notes';

export interface AlgorithmRow {
  name: AlgorithmName;
  description: string;
  /** The public key a token signed with it needs: "RSA, 2048 bits or more", "EC on P-256". */
  key: string;
  /** In the service's list, so in RTC Doctor's default accepted set. */
  service: boolean;
  recommended: boolean;
  /** Whether the service takes it, in words. */
  verdict: string;
}

export const WIDENED_ONLY_VERDICT =
  'No: refused unless the accepted set is widened (RTC_DOCTOR_ALGORITHMS, --algorithms)';

function keyText(entry: AlgorithmEntry): string {
  return entry.kty === 'EC' ? `EC on ${entry.crv}` : `RSA, ${entry.minBits} bits or more`;
}

/** Every algorithm RTC Doctor knows, in the table's order. */
export function algorithmRows(): AlgorithmRow[] {
  return ALGORITHM_NAMES.map((name) => {
    const entry: AlgorithmEntry = ALGORITHMS[name];
    const recommended = name === RECOMMENDED_ALGORITHM;
    return {
      name,
      description: entry.description,
      key: keyText(entry),
      service: entry.service,
      recommended,
      verdict: entry.service ? (recommended ? 'Yes, recommended' : 'Yes') : WIDENED_ONLY_VERDICT,
    };
  });
}

/** "RS256, RS384, RS512, PS256, PS384 and PS512" */
export function serviceAlgorithmsText(): string {
  return listAlgorithms(SERVICE_ALGORITHMS);
}

/** "8 hours" */
export function recommendedLifetimeText(): string {
  return describeDuration(RECOMMENDED_LIFETIME_SECONDS);
}

/** "24 hours" (said in hours: "1 day" reads oddly next to "8 hours"). */
export function longLifetimeText(): string {
  const hours = LONG_LIFETIME_SECONDS / 3600;
  return Number.isInteger(hours) ? `${hours} hours` : describeDuration(LONG_LIFETIME_SECONDS);
}

export interface LifetimeRow {
  /** The span between iat (or now) and exp. */
  lifetime: string;
  /** What RTC Doctor reports for it. */
  finding: string;
  warning?: keyof typeof WARNING_SUMMARIES;
}

/** How RTC Doctor judges a token's lifetime, band by band (lib/jwt/claims.ts applies the same bounds). */
export function lifetimeRows(): LifetimeRow[] {
  const recommended = recommendedLifetimeText();
  const long = longLifetimeText();
  return [
    {
      lifetime: `Under ${recommended}`,
      finding: WARNING_SUMMARIES.TOKEN_SHORT_LIFETIME.title,
      warning: 'TOKEN_SHORT_LIFETIME',
    },
    {
      lifetime: `${recommended} to ${long}`,
      finding: `No warning: covers a working day without lasting for days (${recommended} recommended)`,
    },
    { lifetime: `Over ${long}`, finding: WARNING_SUMMARIES.TOKEN_LONG_LIFETIME.title, warning: 'TOKEN_LONG_LIFETIME' },
  ];
}

/** The column headings of the claims table (components/docs/claim-table.tsx). */
export const CLAIM_TABLE_COLUMNS = ['Claim', 'Needed', 'Value'];

/** The payload claims the service reads, required first. */
export function claimRows(): { name: string; needed: string; meaning: string }[] {
  return CLAIM_NOTES.filter((note) => note.part === 'payload').map((note) => ({
    name: note.name,
    needed: note.required ? 'Required' : 'Optional',
    meaning: note.meaning,
  }));
}

/** The words the claims table shows, for search. */
export function claimTableText(): string {
  return tableText(
    CLAIM_TABLE_COLUMNS,
    claimRows().map((row) => [row.name, row.needed, row.meaning]),
  );
}

/** The column headings of the algorithm table (components/docs/algorithm-table.tsx). */
export const ALGORITHM_TABLE_COLUMNS = ['Algorithm', 'What it is', 'Public key it needs', 'Accepted by the service'];

/** The column headings of the lifetime table (components/docs/lifetime-table.tsx). */
export const LIFETIME_TABLE_COLUMNS = ['Lifetime (iat, or now without iat, to exp)', 'What RTC Doctor reports'];

function tableText(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [columns, ...rows].map((cells) => cells.join(' ')).join('\n');
}

/** The words the algorithm table shows, for search. */
export function algorithmTableText(): string {
  return tableText(
    ALGORITHM_TABLE_COLUMNS,
    algorithmRows().map((row) => [row.name, row.description, row.key, row.verdict]),
  );
}

/** The words the lifetime table shows, for search. */
export function lifetimeTableText(): string {
  return tableText(
    LIFETIME_TABLE_COLUMNS,
    lifetimeRows().map((row) => [row.lifetime, row.warning ? `${row.finding} (warning ${row.warning})` : row.finding]),
  );
}

/**
 * The words each component that MDX pages use shows, by the name mdx-components.tsx registers it under: search
 * indexes these instead of the tag. A page using a component missing here fails to load, naming the file.
 */
export const MDX_COMPONENT_TEXT: Readonly<Record<string, () => string>> = {
  AlgorithmTable: algorithmTableText,
  LifetimeTable: lifetimeTableText,
  ClaimTable: claimTableText,
};
