import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  ALGORITHM_NAMES,
  listAlgorithms,
  parseAlgorithmList,
  SERVICE_ALGORITHMS,
  type AlgorithmName,
} from '@/lib/algorithms';
import { deploymentAlgorithms } from '@/lib/config/env';
import { loadKeySet, type LoadedKeySet } from '@/lib/jwt';
import { UsageError } from './output';

const epochOrIso = z.string().transform((value, context) => {
  const trimmed = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const millis = Date.parse(trimmed);
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed) && !Number.isNaN(millis)) return Math.floor(millis / 1000);
  context.addIssue({
    code: 'custom',
    message: `--now must be epoch seconds or an ISO 8601 date-time, not ${JSON.stringify(value)}`,
  });
  return z.NEVER;
});

const seconds = z.string().transform((value, context) => {
  const parsed = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    context.addIssue({
      code: 'custom',
      message: `--tolerance must be a number of seconds, 0 or more, not ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return parsed;
});

export const timeFlags = z.object({
  now: epochOrIso.optional(),
  tolerance: seconds.optional(),
});

export function parseFlags<T extends z.ZodType>(schema: T, flags: unknown): z.output<T> {
  const result = schema.safeParse(flags);
  if (!result.success) throw new UsageError(result.error.issues.map((issue) => issue.message).join('\n'));
  return result.data;
}

export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const reason = cause instanceof Error && 'code' in cause ? String(cause.code) : String(cause);
    throw new UsageError(`Cannot read the ${what} file ${JSON.stringify(path)} (${reason}).`);
  }
}

export const ALGORITHMS_OPTION_HELP = `this run's accepted algorithms, comma-separated (default: RTC_DOCTOR_ALGORITHMS, else the service's ${SERVICE_ALGORITHMS.join(',')}); ${listAlgorithms(ALGORITHM_NAMES.filter((name) => !SERVICE_ALGORITHMS.includes(name)))} may be added`;

/** --algorithms LIST, else the deployment's RTC_DOCTOR_ALGORITHMS, else the service's list (contract rule 5). */
export function acceptedAlgorithms(flag: string | undefined): AlgorithmName[] {
  if (flag === undefined) {
    try {
      return deploymentAlgorithms();
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  }
  const parsed = parseAlgorithmList(flag);
  if ('error' in parsed) throw new UsageError(`--algorithms: ${parsed.error}.`);
  return parsed.algorithms;
}

export async function readKeySetFile(path: string, algorithms: readonly AlgorithmName[]): Promise<LoadedKeySet> {
  const keySet = await loadKeySet(await readTextFile(path, '--jwks'), algorithms);
  if (keySet.unreadable)
    throw new UsageError(
      `The --jwks file ${JSON.stringify(path)} is not a JWK set, a JWK, a PEM public key or a certificate: ${keySet.unreadable}.`,
    );
  return keySet;
}
