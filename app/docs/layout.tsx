import type { ReactNode } from 'react';
import { DocsSidebar, type SidebarSection } from '@/components/docs/docs-sidebar';
import { listDocPages } from '@/lib/docs/pages';

function sidebarSections(): SidebarSection[] {
  const sections = new Map<string, SidebarSection>();
  for (const page of listDocPages()) {
    const section = sections.get(page.section) ?? { title: page.section, links: [] };
    sections.set(page.section, section);
    section.links.push({ href: page.href, title: page.kind === 'error-index' ? 'All errors' : page.title });
  }
  return [...sections.values()];
}

export default function DocsLayout({ children }: { children: ReactNode }) {
  const sections = sidebarSections();
  return (
    <div className="mx-auto flex max-w-7xl gap-10 px-4 py-8 sm:px-6 lg:py-10">
      <aside className="hidden w-60 shrink-0 lg:block">
        <DocsSidebar sections={sections} variant="column" />
      </aside>
      <main id="main" className="min-w-0 flex-1">
        <div className="lg:hidden">
          <DocsSidebar sections={sections} variant="collapsible" />
        </div>
        {children}
      </main>
    </div>
  );
}
