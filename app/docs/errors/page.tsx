import type { Metadata } from 'next';
import Link from 'next/link';
import { DocArticle } from '@/components/docs/DocArticle';
import { findDocPage, neighbours } from '@/lib/docs/pages';
import { errorDocsPath, errorsByCategory } from '@/lib/errors';
import GithubSlugger from 'github-slugger';

const HREF = '/docs/errors';

export const metadata: Metadata = { title: 'Error reference', description: findDocPage(HREF)?.description };

export default function ErrorIndexPage() {
  const page = findDocPage(HREF)!;
  const slugger = new GithubSlugger();
  const groups = errorsByCategory().map((group) => ({ ...group, id: slugger.slug(group.title) }));
  return (
    <DocArticle page={page} headings={groups.map((group) => ({ depth: 2, text: group.title, id: group.id }))} neighbours={neighbours(HREF)}>
      <p className="lead">{page.description}</p>
      {groups.map((group) => (
        <section key={group.category} aria-labelledby={group.id}>
          <h2 id={group.id}>{group.title}</h2>
          <div className="not-prose overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
                  <th scope="col" className="py-2 pr-4 font-semibold">Message</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">Code</th>
                  <th scope="col" className="py-2 font-semibold">In short</th>
                </tr>
              </thead>
              <tbody>
                {group.errors.map((entry) => (
                  <tr key={entry.code} className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="py-2 pr-4">
                      <Link href={errorDocsPath(entry.code)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                        {entry.message}
                      </Link>
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs whitespace-nowrap text-slate-700 dark:text-slate-300">{entry.code}</td>
                    <td className="py-2 text-slate-700 dark:text-slate-300">{entry.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </DocArticle>
  );
}
