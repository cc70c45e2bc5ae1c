/** Who owns an account, each "Name <email>" on a line of its own with a mail link, for support staff. */
export function OwnerList({ owners, testId }: { owners: { name: string; email: string }[]; testId?: string }) {
  return (
    <span data-testid={testId} className="block break-words">
      {owners.length > 0
        ? owners.map((owner) => (
            <span key={owner.email} className="block">
              {owner.name} &lt;
              <a href={`mailto:${owner.email}`} className="text-brand-700 underline dark:text-brand-300">
                {owner.email}
              </a>
              &gt;
            </span>
          ))
        : 'No owner is signed up for this account.'}
    </span>
  );
}
