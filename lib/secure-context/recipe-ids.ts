/** The setups the recipe picker offers: ids and labels only, small enough for browser code (the steps stay on the server). */
export const RECIPE_LABELS = {
  nextjs: 'Next.js',
  vite: 'Vite',
  webpack: 'webpack-dev-server',
  angular: 'Angular CLI',
  'create-react-app': 'Create React App',
  'reverse-proxy': 'Reverse proxy',
  'lan-device': 'Phone or LAN device',
  tunnel: 'Tunnel',
} as const;

export type RecipeId = keyof typeof RECIPE_LABELS;
export const RECIPE_IDS = Object.keys(RECIPE_LABELS) as RecipeId[];

export const SECURE_CONTEXT_TOOL_PATH = '/tools/secure-context';

/** A recipe id from untrusted text (a query parameter), or undefined. */
export function parseRecipeId(value: string | undefined | null): RecipeId | undefined {
  return RECIPE_IDS.find((id) => id === value);
}

/** The tool page with this recipe picked: the shareable link the CLI and the fixes point at. */
export function recipeHref(id: RecipeId): string {
  return `${SECURE_CONTEXT_TOOL_PATH}?setup=${id}#recipes`;
}
