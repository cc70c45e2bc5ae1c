'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';

export interface SidebarSection {
  title: string;
  links: { href: string; title: string }[];
}

function SidebarLinks({ sections, pathname }: { sections: SidebarSection[]; pathname: string }) {
  // Prefetching all of these links on every page view would cost more than it saves; hover is a good enough hint.
  const router = useRouter();
  return (
    <div className="space-y-6">
      {sections.map((section) => (
        <div key={section.title}>
          <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
            {section.title}
          </h2>
          <ul className="space-y-0.5 border-l border-slate-200 dark:border-slate-800">
            {section.links.map((link) => {
              const current = pathname === link.href;
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    prefetch={false}
                    onPointerEnter={() => router.prefetch(link.href)}
                    aria-current={current ? 'page' : undefined}
                    className={`-ml-px block border-l py-1 pl-3 text-sm ${
                      current
                        ? 'border-brand-600 font-medium text-brand-700 dark:border-brand-400 dark:text-brand-300'
                        : 'border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
                    }`}
                  >
                    {link.title}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** The docs navigation: a collapsible block on narrow screens, a sticky column on wide ones. */
export function DocsSidebar({ sections, variant }: { sections: SidebarSection[]; variant: 'column' | 'collapsible' }) {
  const pathname = usePathname();
  if (variant === 'collapsible') {
    return (
      <details className="mb-6 rounded-lg border border-slate-200 lg:hidden dark:border-slate-800">
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium">Browse the docs</summary>
        <nav aria-label="Docs" className="px-4 pb-4">
          <SidebarLinks sections={sections} pathname={pathname} />
        </nav>
      </details>
    );
  }
  return (
    <nav aria-label="Docs" className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto pr-2 pb-8">
      <SidebarLinks sections={sections} pathname={pathname} />
    </nav>
  );
}
