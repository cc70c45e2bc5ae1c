import Link from 'next/link';
import { TOOLS } from './tools';

/** One card per tool; the whole card is the link. */
export function ToolCards({ headingLevel: Heading = 'h2' }: { headingLevel?: 'h2' | 'h3' }) {
  return (
    <ul className="grid gap-6 md:grid-cols-2">
      {TOOLS.map((tool) => (
        <li
          key={tool.href}
          className="relative rounded-xl border border-slate-200 p-6 hover:border-brand-500 dark:border-slate-800 dark:hover:border-brand-400"
        >
          <Heading className="text-lg font-semibold">
            <Link href={tool.href} className="after:absolute after:inset-0">
              {tool.title}
            </Link>
          </Heading>
          <p className="mt-2 text-slate-700 dark:text-slate-300">{tool.summary}</p>
        </li>
      ))}
    </ul>
  );
}
