import { ALGORITHM_TABLE_COLUMNS, algorithmRows } from '@/lib/docs/facts';
import { FactTable } from './fact-table';

/**
 * The docs' table of signing algorithms, rendered from lib/algorithms: the one list RTC Doctor checks
 * against, so the page cannot promise an algorithm the checks refuse. Used from MDX as <AlgorithmTable />; search
 * indexes the same facts through algorithmTableText().
 */
export function AlgorithmTable() {
  const rows = algorithmRows();
  return (
    <FactTable label="Signing algorithms" columns={ALGORITHM_TABLE_COLUMNS}>
      {rows.map((row) => (
        <tr key={row.name}>
          <th scope="row">
            <code>{row.name}</code>
          </th>
          <td>{row.description}</td>
          <td>{row.key}</td>
          <td>{row.recommended ? <strong>{row.verdict}</strong> : row.verdict}</td>
        </tr>
      ))}
    </FactTable>
  );
}
