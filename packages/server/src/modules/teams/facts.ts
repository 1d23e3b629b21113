// Facts of teams and talent: teams and their members in post (stocks), talent exchanges (人次) twice, named by
// direction: received (接收, at the receiving side) and sent (派出, at the sending side — the helper is credited for
// what it sent), each counted by the rule of stays.ts (named persons replace an exchange's typed total), and the
// 挂职 months of named cadres, likewise twice.
import { defineFacts, type FactSource, maskedName, subjectIds } from '../../platform/facts';
import { countedSql } from './stays';

const KIND_ZH = `case x.kind when 'cadre' then '挂职干部' when 'teacher' then '教师' when 'doctor' then '医生' when 'technician' then '技术人员'
                  when 'other_professional' then '其他专业技术人才' else '培训' end`;

/** An exchange behind a figure: a typed record ('x' || id) by kind and 人次, a named trip ('p' || hash) by the masked name and unit. */
const describeExchanges = (
  col: string,
) => `(select 'x' || x.id as subject, '交流记录 · ' || ${KIND_ZH} || ' ' || x.person_times || '人次' as label,
                 x.${col} as division_code from talent_exchanges x where x.id = any ${subjectIds('x')})
         union all
         (select distinct on (p.id_number_hash) 'p' || p.id_number_hash, ${maskedName('p.name')} || coalesce(' · ' || p.unit, '') || ' · ' || ${KIND_ZH},
                 p.${col} from talent_exchange_persons p join talent_exchanges x on x.id = p.exchange_id
           where p.id_number_hash = any (select substr(s, 2) from unnest($1::text[]) s where s ~ '^p[^:]')
           order by p.id_number_hash, p.arrival_date desc)`;

export const teamFacts = defineFacts([
  {
    key: 'teams.teams',
    kind: 'interval',
    requires: { teams: ['kind', 'division_code', 'start_date', 'end_date'] },
    sql: `select t.division_code, t.id as team_id, coalesce(t.start_date, date '2000-01-01') as day, t.end_date as end_day,
                 't' || t.id as subject, 1::float8 as qty, array['kind:' || t.kind] as tags
          from teams t`,
    dirty: [{ table: 'teams', division: 'R.division_code', from: 'R.start_date', to: 'open' }],
  },
  {
    key: 'teams.members',
    kind: 'interval',
    requires: { team_members: ['team_id', 'cadre_id', 'role', 'start_date', 'end_date'], teams: ['division_code'], cadres: ['kind'] },
    sql: `select t.division_code, m.team_id, m.start_date as day, m.end_date as end_day, 'c' || m.cadre_id as subject, 1::float8 as qty,
                 array['role:' || m.role, 'kind:' || c.kind] as tags
          from team_members m join teams t on t.id = m.team_id join cadres c on c.id = m.cadre_id`,
    dirty: [
      { table: 'team_members', division: '(select division_code from teams where id = R.team_id)', from: 'R.start_date', to: 'open' },
    ],
  },
  ...exchangeSources('teams.exchanges', 'teams.cadreMonths', 'to'), // received: at the receiving side
  ...exchangeSources('teams.exchangesSent', 'teams.cadreMonthsSent', 'from'), // the same rows at the sending side: what a helper sent
]);

/**
 * The exchange ledger's counted rows (stays.ts: aggregate rows of exchanges without named persons, else the named
 * trips, never both) at one side: 人次 (qty = person-times; tags kind:, named | aggregate, stay:ok, field:) and the
 * 挂职 months of named cadres (qty = months).
 */
function exchangeSources(key: string, monthsKey: string, side: 'from' | 'to'): FactSource[] {
  const col = `${side}_division_code`;
  const requires = {
    talent_exchanges: ['kind', 'person_times', col, 'team_id', 'programme_id', 'start_date'],
    talent_exchange_persons: ['exchange_id', 'id_number_hash', 'field', col, 'arrival_date', 'departure_date'],
  };
  // a named row changes its own slice and, as the exchange stops (or starts again) counting its typed total, the
  // exchange's; an exchange's change of kind or team re-marks its named rows (exchanges.ts touches them)
  const dirty = [
    { table: 'talent_exchanges', division: `R.${col}`, from: 'R.start_date' },
    { table: 'talent_exchange_persons', division: `R.${col}`, from: 'R.arrival_date' },
    {
      table: 'talent_exchange_persons',
      division: `(select ${col} from talent_exchanges where id = R.exchange_id)`,
      from: '(select start_date from talent_exchanges where id = R.exchange_id)',
    },
  ];
  const tags = `array_remove(array['kind:' || c.kind, case when c.named then 'named' else 'aggregate' end,
                  case when c.stay_ok then 'stay:ok' end, 'field:' || c.field], null)`;
  return [
    {
      key,
      kind: 'event',
      requires,
      sql: `select c.${col} as division_code, c.team_id, c.day, null::date as end_day, c.subject, c.qty::float8 as qty, ${tags} as tags
            from (${countedSql()}) c`,
      describe: describeExchanges(col),
      dirty,
    },
    {
      key: monthsKey,
      kind: 'event',
      requires,
      sql: `select c.${col} as division_code, c.team_id, c.day, null::date as end_day, c.subject, c.months as qty, ${tags} as tags
            from (${countedSql()}) c where c.named and c.kind = 'cadre'`,
      describe: describeExchanges(col),
      dirty: dirty.slice(1),
    },
  ];
}
