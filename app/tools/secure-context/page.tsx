import type { Metadata } from 'next';
import { firstParam } from '@/components/first-param';
import { RecipeSteps } from '@/components/secure-context/recipe-steps';
import { SecureContextChecker } from '@/components/secure-context/secure-context-checker';
import { DEV_SERVER_RECIPES, parseRecipeId, type RecipeId } from '@/lib/secure-context';

export const metadata: Metadata = {
  title: 'Secure-context checker',
  description:
    'Tell, before you deploy, whether a page can run RTC: the browser’s secure-context verdict for any URL, the reason, and how to fix your setup.',
};

export default async function SecureContextPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const panels = Object.fromEntries(
    DEV_SERVER_RECIPES.map((recipe) => [recipe.id, <RecipeSteps key={recipe.id} recipe={recipe} />]),
  ) as Record<RecipeId, React.ReactNode>;
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:py-10">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Secure-context checker</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        “RTC services require a secure context” means the browser will not give the page Web Crypto. Type the address of
        your page to see what a browser will decide, why, and how to fix your setup before you deploy.
      </p>
      <div className="mt-8">
        <SecureContextChecker
          initialUrl={firstParam(params.url) ?? ''}
          initialSetup={parseRecipeId(firstParam(params.setup))}
          recipeAddresses={DEV_SERVER_RECIPES.map(({ id, open }) => ({ id, open }))}
          recipePanels={panels}
        />
      </div>
    </main>
  );
}
