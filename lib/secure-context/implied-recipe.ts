import { classifyAddress, isLocalhostName, isPrivateName } from './addresses';
import { checkSecureContext } from './judge';
import type { RecipeId } from './recipe-ids';

/** The quick-tunnel services the tunnel recipe uses: Cloudflare's and ngrok's public addresses. */
export const TUNNEL_HOST_SUFFIXES = ['.trycloudflare.com', '.ngrok-free.app', '.ngrok.app', '.ngrok.io'] as const;

/** What this needs of a recipe: where its dev server is opened once it works (`DevServerRecipe.open`). */
export interface RecipeAddress {
  id: RecipeId;
  open: string;
}

const LOCAL_RULES = new Set([
  'loopback-ipv4',
  'loopback-ipv6',
  'localhost-name',
  'unspecified-address',
  'ipv4-mapped-loopback',
]);

function localPort(open: string): string | undefined {
  try {
    const url = new URL(open);
    return isLocalhostName(url.hostname) ? url.port : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The setup an address points at, for the recipe picker to start on: a tunnel's host → the tunnel recipe; a LAN
 * address → the phone or LAN device recipe; otherwise the first recipe the verdict's fix names (a custom hostname
 * → the reverse proxy); a custom hostname already on https → the reverse proxy; a localhost address → the dev
 * server whose usual port it is, when exactly one recipe opens on that port. Undefined when nothing fits.
 */
export function impliedRecipe(input: string, recipes: readonly RecipeAddress[]): RecipeId | undefined {
  const check = checkSecureContext(input);
  if (!check.ok || check.verdict.origin === 'null') return undefined;
  const { verdict } = check;
  const origin = new URL(verdict.origin);
  const host = origin.hostname.toLowerCase().replace(/\.$/, '');
  if (TUNNEL_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'tunnel';
  const address = classifyAddress(origin.hostname);
  if (address === 'private' || address === 'link-local') return 'lan-device';
  const fixRecipe = verdict.fix?.recipes[0];
  if (fixRecipe) return fixRecipe;
  if (address === undefined && !isLocalhostName(host) && isPrivateName(host)) return 'reverse-proxy';
  if (!LOCAL_RULES.has(verdict.rule)) return undefined;
  const port = origin.port || (origin.protocol === 'https:' ? '443' : '80');
  const matches = recipes.filter((recipe) => localPort(recipe.open) === port);
  return matches.length === 1 ? matches[0]!.id : undefined;
}
