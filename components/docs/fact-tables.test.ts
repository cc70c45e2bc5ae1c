import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MDX_COMPONENT_TEXT } from '@/lib/docs/facts';
import { normalizeForMatching } from '@/lib/search/normalize';
import { mdxComponents } from '@/mdx-components';

/** The words a rendered component shows, as search compares them. */
function shownWords(component: ComponentType): string {
  const html = renderToStaticMarkup(createElement(component));
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return normalizeForMatching(text);
}

describe('MDX components search text', () => {
  const registered = Object.entries(mdxComponents).filter(([name]) => /^[A-Z]/.test(name));

  it('is declared for every component MDX pages can use, and only for those', () => {
    expect(registered.map(([name]) => name).sort()).toEqual(Object.keys(MDX_COMPONENT_TEXT).sort());
  });

  it.each(registered)('for %s is exactly the words it renders', (name, component) => {
    expect(normalizeForMatching(MDX_COMPONENT_TEXT[name]!())).toBe(shownWords(component as ComponentType));
  });
});
