/** The portal's one set of control styles: every button, field and menu item takes its look from here. */
export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500';

export const buttonVariants = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 border border-transparent',
  secondary:
    'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
  outline:
    'border border-brand-600 text-brand-700 hover:bg-brand-50 dark:border-brand-400 dark:text-brand-300 dark:hover:bg-slate-800',
  danger:
    'border border-red-300 bg-white text-red-800 hover:bg-red-50 dark:border-red-700 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950',
  dangerSolid: 'border border-transparent bg-red-700 text-white hover:bg-red-800',
  ghost: 'border border-transparent text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
} as const;

export const buttonSizes = {
  xs: 'px-2 py-1 text-xs',
  sm: 'h-9 px-3 text-sm',
  md: 'h-10 px-4 text-sm',
  lg: 'h-11 px-4',
  /** A square button holding only an icon (its name is in an sr-only span or aria-label). */
  icon: 'h-9 w-9 p-0',
} as const;

export type ButtonVariant = keyof typeof buttonVariants;
export type ButtonSize = keyof typeof buttonSizes;

/**
 * `extra` adds layout (margins, width, shrink); it must not restate a property the variant or size sets
 * (padding, height, colour, weight): two utilities for one property resolve by stylesheet order, not by
 * the order written here. Add a size or variant instead.
 */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md', extra = ''): string {
  return `inline-flex items-center justify-center gap-1.5 rounded-md font-medium disabled:cursor-not-allowed disabled:opacity-60 ${focusRing} ${buttonVariants[variant]} ${buttonSizes[size]} ${extra}`.trim();
}

export const fieldClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 text-slate-900 placeholder:text-slate-500 focus:border-brand-500 focus:outline-2 focus:outline-brand-500 disabled:opacity-60 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400';
