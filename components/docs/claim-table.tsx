import { CLAIM_TABLE_COLUMNS, claimRows } from '@/lib/docs/facts';
import { FactTable } from './fact-table';

/** The payload claims the service reads, from lib/jwt/claim-notes. Used from MDX as <ClaimTable />. */
export function ClaimTable() {
  return (
    <FactTable label="Claims" columns={CLAIM_TABLE_COLUMNS}>
      {claimRows().map((row) => (
        <tr key={row.name}>
          <td>
            <code>{row.name}</code>
          </td>
          <td>{row.needed}</td>
          <td>{row.meaning}</td>
        </tr>
      ))}
    </FactTable>
  );
}
