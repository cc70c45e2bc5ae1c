import Link from 'next/link';
import { SearchPalette } from '@/components/search/search-palette';
import { HEADER_SECTIONS } from './nav';
import { PhoneMenu } from './phone-menu';
import { ThemeToggle } from './theme-toggle';

const linkClass =
  'rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="relative mx-auto flex h-16 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 font-semibold whitespace-nowrap text-slate-900 dark:text-white"
        >
          <Logo />
          <span>RTC Doctor</span>
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
          {HEADER_SECTIONS.map((section) => (
            <Link key={section.href} href={section.href} className={linkClass}>
              {section.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <SearchPalette />
          <Link href="/account" prefetch={false} className={`hidden md:block ${linkClass}`}>
            Account
          </Link>
          <ThemeToggle />
          <PhoneMenu />
        </div>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path
        d="M7 17h4l2-5 3 10 3-8 2 3h4"
        fill="none"
        stroke="white"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
