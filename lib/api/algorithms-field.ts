import { z } from 'zod';
import { parseAlgorithmList } from '@/lib/algorithms';

/** The optional "algorithms" member of diagnose and key-check bodies (contract rule 5): this check's accepted set. */
export const algorithmsField = z
  .array(z.unknown(), { error: 'must be an array of algorithm names, such as ["RS256", "ES256"]' })
  .transform((names, context) => {
    const parsed = parseAlgorithmList(names);
    if ('error' in parsed) {
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.algorithms;
  })
  .optional();
