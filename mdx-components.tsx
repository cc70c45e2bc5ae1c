import Link from 'next/link';
import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import { CodeBlock } from '@/components/docs/CodeBlock';

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

const components: MDXComponents = { pre: CodeBlock, a: MdxLink, table: MdxTable };

export function useMDXComponents(): MDXComponents {
  return components;
}
