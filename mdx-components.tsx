import Link from 'next/link';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { ComponentProps } from 'react';
import { AlgorithmTable } from '@/components/docs/algorithm-table';
import { ClaimTable } from '@/components/docs/claim-table';
import { CodeBlock } from '@/components/docs/code-block';
import { LifetimeTable } from '@/components/docs/lifetime-table';

function MdxLink({ href = '', ...props }: ComponentProps<'a'>) {
  if (href.startsWith('/') || href.startsWith('#')) return <Link href={href} {...props} />;
  return <a href={href} rel="noopener noreferrer" target="_blank" {...props} />;
}

function MdxTable(props: ComponentProps<'table'>) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  );
}

// AlgorithmTable, LifetimeTable and ClaimTable are generated from lib/algorithms, lib/jwt/lifetime and lib/jwt/claim-notes; MDX pages use them
// as <AlgorithmTable /> and <LifetimeTable /> instead of typing those facts by hand. Search indexes the words each
// shows, declared under the same name in MDX_COMPONENT_TEXT (lib/docs/facts.ts).
/** What components/docs/mdx-body renders in place of each HTML element or MDX component of a docs page. */
export const mdxComponents = {
  pre: CodeBlock,
  a: MdxLink,
  table: MdxTable,
  AlgorithmTable,
  LifetimeTable,
  ClaimTable,
} satisfies Partial<Components> & Record<string, unknown>;
