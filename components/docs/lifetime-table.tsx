import { LIFETIME_TABLE_COLUMNS, lifetimeRows } from '@/lib/docs/facts';

/**
 * How RTC Doctor judges a token's lifetime, rendered from lib/jwt/lifetime and the warning catalog.
 * Used from MDX as <LifetimeTable />; search indexes the same facts through lifetimeTableText().
 */
export function LifetimeTable() {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Token lifetimes">
      <table>
        <thead>
          <tr>
            {LIFETIME_TABLE_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lifetimeRows().map((row) => (
            <tr key={row.lifetime}>
              <td>{row.lifetime}</td>
              <td>
                {row.finding}
                {row.warning && (
                  <>
                    {' '}
                    (warning <code>{row.warning}</code>)
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
