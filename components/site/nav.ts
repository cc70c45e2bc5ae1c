/** The portal's sections, in the order every menu lists them: the header, the phone menu and the footer. */
export const SITE_SECTIONS = [
  { href: '/docs', label: 'Docs', footerLabel: 'Docs' },
  { href: '/docs/errors', label: 'Errors', footerLabel: 'Error reference' },
  { href: '/tools', label: 'Tools', footerLabel: 'Tools' },
  { href: '/search', label: 'Search', footerLabel: 'Search' },
  { href: '/account', label: 'Account', footerLabel: 'Account' },
] as const;

/** The header shows these beside the logo from the `md` breakpoint; search and account have their own places there. */
export const HEADER_SECTIONS = SITE_SECTIONS.filter(
  (section) => section.href !== '/search' && section.href !== '/account',
);

/** Whether `pathname` is `href` or a page inside it; /docs/errors is not counted as inside /docs. */
export function isCurrentSection(pathname: string, href: string): boolean {
  if (pathname === href) return true;
  if (!pathname.startsWith(`${href}/`)) return false;
  return !SITE_SECTIONS.some(
    (other) =>
      other.href !== href &&
      other.href.startsWith(`${href}/`) &&
      (pathname === other.href || pathname.startsWith(`${other.href}/`)),
  );
}
