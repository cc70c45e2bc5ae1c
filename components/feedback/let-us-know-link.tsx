'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { feedbackPageHref, isSitePath } from '@/lib/feedback/values';

/** The footer's way to give feedback on whatever page the reader is on; on /feedback itself it keeps its page. */
export function LetUsKnowLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const href = pathname === '/feedback' ? undefined : isSitePath(pathname) ? feedbackPageHref(pathname) : '/feedback';
  if (!href) return null;
  return (
    <Link prefetch={false} href={href} className={className}>
      Let us know
    </Link>
  );
}
