// Facts of the indicators module: figures a team reports by hand (indicator_reported), where no ledger records them yet.
import { defineFacts } from '../../platform/facts';

export const indicatorFacts = defineFacts([
  {
    key: 'indicators.reported',
    kind: 'event',
    requires: { indicator_reported: ['indicator', 'division_code', 'team_id', 'day', 'value', 'tags'] },
    sql: `select r.division_code, r.team_id, r.day, null::date as end_day, 'r' || r.id as subject, r.value::float8 as qty,
                 array['indicator:' || r.indicator] || r.tags as tags
          from indicator_reported r`,
    dirty: [{ table: 'indicator_reported', division: 'R.division_code', from: 'R.day' }],
  },
]);
