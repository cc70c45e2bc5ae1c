'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/fields';
import { useHydrated } from '@/components/ui/use-hydrated';
import { authClient } from './auth-client';

/** Sign in or create an account with email and password; on success, go to the account's keys. */
export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // Until the page is interactive the browser would submit the form itself; keep it disabled till then.
  const ready = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    setPending(true);
    setError(undefined);
    const result =
      mode === 'sign-in'
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({ email, password, name: String(form.get('name')) });
    setPending(false);
    if (result.error) {
      setError(
        result.error.status === 429
          ? 'Too many attempts. Wait a minute, then try again.'
          : (result.error.message ?? 'That did not work. Check the details and try again.'),
      );
      return;
    }
    router.push('/account');
    router.refresh();
  }

  return (
    <form onSubmit={submit} method="post" className="space-y-4" aria-describedby={error ? `${id}-error` : undefined}>
      {mode === 'sign-up' && (
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            Your name
          </label>
          <Input id={`${id}-name`} name="name" required autoComplete="name" className="mt-1" />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-medium">
          Email
        </label>
        <Input id={`${id}-email`} name="email" type="email" required autoComplete="email" className="mt-1" />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-medium">
          Password
        </label>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          required
          minLength={mode === 'sign-up' ? 10 : undefined}
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          aria-describedby={mode === 'sign-up' ? `${id}-password-help` : undefined}
          className="mt-1"
        />
        {mode === 'sign-up' && (
          <p id={`${id}-password-help`} className="mt-1 text-xs text-slate-600 dark:text-slate-300">
            At least 10 characters.
          </p>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" size="lg" disabled={pending || !ready} className="w-full">
        {pending ? 'Please wait…' : mode === 'sign-in' ? 'Sign in' : 'Create account'}
      </Button>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {mode === 'sign-in' ? (
          <>
            New here?{' '}
            <Link href="/sign-up" className="text-brand-700 underline dark:text-brand-300">
              Create an account
            </Link>
          </>
        ) : (
          <>
            Already registered?{' '}
            <Link href="/sign-in" className="text-brand-700 underline dark:text-brand-300">
              Sign in
            </Link>
          </>
        )}
      </p>
    </form>
  );
}
