import { codeToHtml } from 'shiki';
import { CopyButton } from '@/components/ui/copy-button';
import type { DevServerRecipe, RecipeStep } from '@/lib/secure-context';

const highlighted = new Map<string, Promise<string>>();

/** Recipes never change while the server runs: each block is highlighted once. */
function highlight(code: string, language: NonNullable<RecipeStep['language']>): Promise<string> {
  const key = `${language}\n${code}`;
  let html = highlighted.get(key);
  if (!html) {
    html = codeToHtml(code, {
      lang: language === 'caddyfile' ? 'text' : language,
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    });
    highlighted.set(key, html);
  }
  return html;
}

async function StepCode({ step }: { step: RecipeStep & { code: string } }) {
  const html = await highlight(step.code, step.language ?? 'text');
  return (
    <div className="mt-2 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <div className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
          {step.caption ?? step.language ?? 'code'}
        </span>
        <CopyButton text={step.code} label="Copy code" />
      </div>
      <div
        className="p-3 text-sm [&_pre]:overflow-x-auto [&_pre]:!bg-transparent"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}

/** One recipe's steps, highlighted on the server so the page ships no highlighter for them. */
export function RecipeSteps({ recipe }: { recipe: DevServerRecipe }) {
  return (
    <div>
      <p className="text-slate-700 dark:text-slate-300">{recipe.summary}</p>
      <ol className="mt-4 space-y-5">
        {recipe.steps.map((step, index) => (
          <li key={index} className="flex gap-3">
            <span
              aria-hidden="true"
              className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold dark:bg-slate-700"
            >
              {index + 1}
            </span>
            <div className="min-w-0 flex-1">
              <p>{step.text}</p>
              {step.code !== undefined && <StepCode step={{ ...step, code: step.code }} />}
            </div>
          </li>
        ))}
      </ol>
      <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
        Then open <code className="break-all">{recipe.open}</code> and check it above.
      </p>
    </div>
  );
}
