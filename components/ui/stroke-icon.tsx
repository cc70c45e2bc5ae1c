import type { ReactNode } from 'react';

/** The site's line icons: a 24-unit grid drawn in the text colour, hidden from screen readers (the control names itself). */
export function StrokeIcon({
  size = 20,
  round = false,
  className,
  children,
}: {
  size?: number;
  /** Round line ends, for icons made of open strokes. */
  round?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap={round ? 'round' : undefined}
      aria-hidden="true"
      className={className}
    >
      {children}
    </svg>
  );
}
