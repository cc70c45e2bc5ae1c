import { LIFETIME_TABLE_COLUMNS, lifetimeRows } from '@/lib/docs/facts';
import { FactTable } from './fact-table';

/**
 * How RTC Doctor judges a token's lifetime, rendered from lib/jwt/lifetime and the warning catalog.
 * Used from MDX as <LifetimeTable />; search indexes the same facts through lifetimeTableText().
 */
export function LifetimeTable() {
  return (
    <FactTable label="Token lifetimes" columns={LIFETIME_TABLE_COLUMNS}>
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
    </FactTable>
  );
}
