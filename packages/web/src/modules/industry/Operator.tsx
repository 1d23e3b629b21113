// A workshop's operator (经营主体): a link to the enterprise's page when it is an introduced enterprise, else the
// name as written.
import { Link } from 'react-router';
import type { WorkshopRow } from './data';

export function Operator({ w }: { w: Pick<WorkshopRow, 'enterpriseId' | 'operatorName'> }) {
  if (w.enterpriseId != null) return <Link to={`/industry/enterprises/${w.enterpriseId}`}>{w.operatorName ?? `#${w.enterpriseId}`}</Link>;
  return w.operatorName ?? '—';
}
