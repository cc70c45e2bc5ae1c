import type { Metadata } from 'next';
import { ConsoleFrame } from '@/components/console/console-frame';
import { consoleViewer } from '@/components/console/staff-only';

export const metadata: Metadata = { title: 'Accounts · Support console' };

export default async function ConsoleAccountsPage() {
  const access = await consoleViewer();
  if ('refusal' in access) return access.refusal;
  return (
    <ConsoleFrame current="/console/accounts" email={access.staff.email}>
      <p>Account lookup is coming.</p>
    </ConsoleFrame>
  );
}
