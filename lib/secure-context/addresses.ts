/**
 * What kind of address a canonical URL host is. The URL parser has already turned every IPv4 spelling
 * (hex, octal, a single decimal number) into dotted decimal and every IPv6 one into its compressed form,
 * so these only need to read the canonical text.
 */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'ipv4-mapped-loopback' | 'public';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function ipv4Octets(host: string): number[] | undefined {
  const match = IPV4.exec(host);
  return match ? match.slice(1).map(Number) : undefined;
}

/** `[fe80::1]` → eight 16-bit groups; undefined for anything that is not a bracketed IPv6 host. */
export function ipv6Groups(host: string): number[] | undefined {
  if (!host.startsWith('[') || !host.endsWith(']')) return undefined;
  const [head = '', tail] = host.slice(1, -1).split('::');
  const parse = (text: string) => (text === '' ? [] : text.split(':').map((group) => Number.parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function classifyIpv4([a = 0, b = 0]: number[]): AddressKind {
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127))
    return 'private';
  if (a === 169 && b === 254) return 'link-local';
  return 'public';
}

function classifyIpv6(groups: number[]): AddressKind {
  const leadingZeros = groups.slice(0, 7).every((group) => group === 0);
  if (leadingZeros && groups[7] === 1) return 'loopback';
  if (groups.every((group) => group === 0)) return 'unspecified';
  // ::ffff:127.0.0.1 reaches the same machine, but browsers only count the IPv6 loopback ::1 itself.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return groups[6]! >> 8 === 127 ? 'ipv4-mapped-loopback' : classifyIpv4([groups[6]! >> 8, groups[6]! & 0xff]);
  }
  if ((groups[0]! & 0xfe00) === 0xfc00) return 'private';
  if ((groups[0]! & 0xffc0) === 0xfe80) return 'link-local';
  return 'public';
}

/** The kind of an IP-literal host, or undefined when the host is a name. */
export function classifyAddress(host: string): AddressKind | undefined {
  const octets = ipv4Octets(host);
  if (octets) return classifyIpv4(octets);
  const groups = ipv6Groups(host);
  return groups ? classifyIpv6(groups) : undefined;
}

/** `localhost`, `app.localhost`, any case, with or without one trailing dot (names browsers resolve to loopback themselves). */
export function isLocalhostName(host: string): boolean {
  const name = (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Names that only mean something on a private network: no dot, or a suffix reserved for local use. */
const PRIVATE_SUFFIXES = [
  '.local',
  '.test',
  '.internal',
  '.lan',
  '.home',
  '.home.arpa',
  '.localdomain',
  '.intranet',
  '.corp',
  '.example',
  '.invalid',
];

export function isPrivateName(host: string): boolean {
  const name = (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();
  return !name.includes('.') || PRIVATE_SUFFIXES.some((suffix) => name.endsWith(suffix));
}
