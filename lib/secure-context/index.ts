export { checkFrameChain, checkSecureContext, FRAMES_NOTE, SECURE_CONTEXT_DOCS } from './judge';
export type { SecureContextCheck, SecureContextFix, SecureContextRule, SecureContextVerdict } from './judge';
export {
  DEV_SERVER_RECIPES,
  RECIPE_IDS,
  RECIPE_LABELS,
  parseRecipeId,
  recipeById,
  recipeHref,
  SECURE_CONTEXT_TOOL_PATH,
  type DevServerRecipe,
  type RecipeId,
  type RecipeStep,
} from './recipes';
export { consoleSnippet } from './console-snippet';
export { impliedRecipe, TUNNEL_HOST_SUFFIXES, type RecipeAddress } from './implied-recipe';
