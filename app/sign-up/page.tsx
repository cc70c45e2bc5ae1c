import type { Metadata } from 'next';
import { AuthForm } from '@/components/account/auth-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        You get an account with its own API key. Register your public keys on it, and RTC Doctor checks tokens the way
        the collaboration service will.
      </p>
      <div className="mt-8">
        <AuthForm mode="sign-up" />
      </div>
    </main>
  );
}
