import Link from 'next/link';
import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import { AlgorithmTable } from '@/components/docs/AlgorithmTable';
import { CodeBlock } from '@/components/docs/CodeBlock';
import { LifetimeTable } from '@/components/docs/LifetimeTable';

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

// AlgorithmTable and LifetimeTable are generated from lib/algorithms and lib/jwt/lifetime; MDX pages use them
// as <AlgorithmTable /> and <LifetimeTable /> instead of typing those facts by hand.
const components: MDXComponents = { pre: CodeBlock, a: MdxLink, table: MdxTable, AlgorithmTable, LifetimeTable };

export function useMDXComponents(): MDXComponents {
  return components;
}
