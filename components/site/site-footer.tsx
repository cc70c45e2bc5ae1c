import Link from 'next/link';
import { LetUsKnowLink } from '@/components/feedback/let-us-know-link';
import { SITE_SECTIONS } from './nav';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6 dark:text-slate-400">
        <p>RTC Doctor: troubleshooting for real-time collaborative editing.</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {SITE_SECTIONS.map((section) => (
              <li key={section.href}>
                <Link prefetch={false} href={section.href} className="hover:underline">
                  {section.footerLabel}
                </Link>
              </li>
            ))}
            <li>
              <LetUsKnowLink className="hover:underline" />
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
