import { clientName, type EventTone } from '@/lib/race';

export function laneName(lane: number | 'server'): string {
  return lane === 'server' ? 'Server' : `Client ${clientName(lane)}`;
}

export function stepLabel(step: number | null): string {
  return step === null ? 'Later' : `Step ${step}`;
}

export const TONE_DOT: Record<EventTone, string> = {
  info: 'border-brand-600 bg-brand-600 text-white dark:border-brand-400 dark:bg-brand-400 dark:text-slate-950',
  good: 'border-emerald-700 bg-emerald-700 text-white dark:border-emerald-400 dark:bg-emerald-400 dark:text-slate-950',
  bad: 'border-red-700 bg-red-700 text-white dark:border-red-400 dark:bg-red-400 dark:text-slate-950',
};
