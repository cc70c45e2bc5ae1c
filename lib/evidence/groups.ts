// Tokens grouped by what is wrong with them, for a reader with hundreds in one capture: "12 tokens: Token has
// expired, first at 10:42:07, all kid rsa-2024".
import { ERROR_SUMMARIES, type ErrorCode } from '@/lib/errors/summary';
import type { TokenFinding } from './analyse';

export interface TokenGroup {
  /** The first error of each token in the group; null for tokens with none. `count` counts distinct tokens. */
  code: ErrorCode | null;
  title: string;
  docs: string | null;
  count: number;
  firstAt?: string;
  /** The distinct kids the group's tokens name (an empty string for a token without one). */
  kids: string[];
}

/** One group per first error, largest first; tokens without errors form their own group. */
export function groupTokenFindings(findings: readonly TokenFinding[]): TokenGroup[] {
  const groups = new Map<ErrorCode | null, TokenGroup>();
  for (const finding of findings) {
    const code = finding.result.errors[0]?.code ?? null;
    const group = groups.get(code) ?? {
      code,
      title: code ? ERROR_SUMMARIES[code].title : 'No problems found',
      docs: code ? ERROR_SUMMARIES[code].docs : null,
      count: 0,
      kids: [],
    };
    group.count += 1;
    if (finding.firstAt && (!group.firstAt || Date.parse(finding.firstAt) < Date.parse(group.firstAt)))
      group.firstAt = finding.firstAt;
    const kid = finding.result.header?.kid;
    const name = typeof kid === 'string' ? kid : '';
    if (!group.kids.includes(name)) group.kids.push(name);
    groups.set(code, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** "12 tokens: Token has expired, first at 10:42:07Z, all kid "rsa-2024"". */
export function describeTokenGroup(group: TokenGroup): string {
  const count = `${group.count} token${group.count === 1 ? '' : 's'}`;
  const first = group.firstAt ? `, first at ${group.firstAt.replace(/^.*T/, '').replace(/\.\d+/, '')}` : '';
  const named = group.kids.filter(Boolean);
  const kids =
    group.kids.length === 1
      ? named.length === 1
        ? `, ${group.count === 1 ? '' : 'all '}kid "${named[0]}"`
        : ', without kid'
      : `, kids ${group.kids.map((kid) => (kid ? `"${kid}"` : '(none)')).join(', ')}`;
  return `${count}: ${group.title}${first}${kids}`;
}
