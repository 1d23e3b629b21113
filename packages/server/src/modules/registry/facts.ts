// Facts of the registry: pairings in force (a stock, counted on the helped side).
import { defineFacts } from '../../platform/facts';

export const registryFacts = defineFacts([
  {
    key: 'registry.pairings',
    kind: 'interval',
    requires: { pairings: ['type', 'helped_division_code', 'start_date', 'end_date'] },
    sql: `select p.helped_division_code as division_code, null::int as team_id, p.start_date as day, p.end_date as end_day,
                 'p' || p.id as subject, 1::float8 as qty, array['type:' || p.type] as tags
          from pairings p`,
    dirty: [{ table: 'pairings', division: 'R.helped_division_code', from: 'R.start_date', to: 'open' }],
  },
]);
