// HAR 1.2 as Chrome, Firefox and Safari export it: only the members the evidence reader uses are checked, and
// every other member is let through, since each browser adds its own (`_initiator`, `_securityState`, …).
import { z } from 'zod';

const nameValue = z.object({ name: z.string(), value: z.string() });
const nameValues = z.array(nameValue).default([]);

const harEntry = z.object({
  startedDateTime: z.string(),
  time: z.number().default(0),
  pageref: z.string().optional(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: nameValues,
    cookies: nameValues,
    queryString: nameValues,
    postData: z
      .object({
        mimeType: z.string().default(''),
        text: z.string().optional(),
        params: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
      })
      .optional(),
  }),
  response: z.object({
    status: z.number(),
    headers: nameValues,
    cookies: nameValues,
    content: z
      .object({ mimeType: z.string().default(''), text: z.string().optional(), encoding: z.string().optional() })
      .default({ mimeType: '' }),
  }),
});

export const harSchema = z.object({
  log: z.object({
    version: z.string().optional(),
    pages: z
      .array(z.object({ id: z.string(), title: z.string().default(''), startedDateTime: z.string() }))
      .default([]),
    entries: z.array(harEntry),
  }),
});

export type Har = z.output<typeof harSchema>;
export type HarEntry = Har['log']['entries'][number];

/** "log.entries[3].request.url: expected a string": where the file stops being a HAR, for the error message. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return `${path || 'the file'}: ${issue.message}`;
}

/** The text as a HAR, or why it is not one; `undefined` when it is not JSON with a `log` at all (a plain log). */
export function readHar(text: string): { har: Har } | { error: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || !('log' in json)) return undefined;
  const parsed = harSchema.safeParse(json);
  return parsed.success
    ? { har: parsed.data }
    : { error: `Not a HAR 1.2 file: ${describeIssue(parsed.error.issues[0]!)}` };
}
