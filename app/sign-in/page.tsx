import type { Metadata } from 'next';
import { AuthForm } from '@/components/account/auth-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Manage the public keys your account uses to check identity tokens.
      </p>
      <div className="mt-8">
        <AuthForm mode="sign-in" />
      </div>
    </main>
  );
}
