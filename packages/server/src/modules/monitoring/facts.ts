// Facts of 防返贫监测, published to the indicators engine (column names as in tables.ts).
import { type DirtyRule, defineFacts, type FactSource, maskedName, subjectIds } from '../../platform/facts';

// 防返贫监测: households (户), their members (人), visits (走访). Column names follow modules/monitoring/tables.ts.
// Visits carry no team: they count for the team stationed in the household's town. 其中脱贫人口 = members of
// households flagged is_lifted (脱贫户). Persons = active members (the module marks leavers inactive).
function monitoringSources(): FactSource[] {
  const hh = 'monitoring_households';
  const mem = 'monitoring_members';
  const vis = 'monitoring_visits';
  const hhCols = ['id', 'division_code', 'category', 'is_lifted', 'identified_on', 'eliminated_on'];
  const hhDirty = (from: string, to?: string): DirtyRule => ({ table: hh, division: 'R.division_code', from, to });
  const byHousehold = '(select division_code from monitoring_households where id = R.household_id)';
  // A person belongs to one household, so distinct persons = distinct households weighted by their active
  // members: counted per household (270,000) rather than per person (1,000,000).
  const membersOf = (id: string) => `(select count(*) from ${mem} m where m.household_id = ${id} and m.active)::float8`;
  const tuopin = `case when h.is_lifted then array['tuopin'] else array[]::text[] end`;
  return [
    {
      key: 'monitoring.households',
      kind: 'interval',
      requires: { [hh]: hhCols },
      sql: `select h.division_code, null::int as team_id, h.identified_on as day, (h.eliminated_on - 1) as end_day, 'h' || h.id as subject,
                   1::float8 as qty, array['category:' || h.category] as tags
            from ${hh} h where h.identified_on is not null`,
      dirty: [hhDirty('R.identified_on', 'open')],
    },
    {
      key: 'monitoring.persons',
      kind: 'interval',
      requires: { [hh]: hhCols, [mem]: ['household_id', 'active'] },
      sql: `select h.division_code, null::int as team_id, h.identified_on as day, (h.eliminated_on - 1) as end_day, 'h' || h.id as subject,
                   ${membersOf('h.id')} as qty, array['category:' || h.category] || ${tuopin} as tags
            from ${hh} h where h.identified_on is not null`,
      dirty: [hhDirty('R.identified_on', 'open'), { table: mem, division: byHousehold }],
    },
    {
      key: 'monitoring.identifications',
      kind: 'event',
      requires: { [hh]: hhCols },
      sql: `select h.division_code, null::int as team_id, h.identified_on as day, null::date as end_day, 'h' || h.id as subject,
                   1::float8 as qty, array['category:' || h.category] as tags
            from ${hh} h where h.identified_on is not null`,
      dirty: [hhDirty('R.identified_on')],
    },
    {
      key: 'monitoring.eliminations',
      kind: 'event',
      requires: { [hh]: hhCols },
      sql: `select h.division_code, null::int as team_id, h.eliminated_on as day, null::date as end_day, 'h' || h.id as subject,
                   1::float8 as qty, array['category:' || h.category] as tags
            from ${hh} h where h.eliminated_on is not null`,
      dirty: [hhDirty('R.eliminated_on')],
    },
    {
      key: 'monitoring.visits',
      kind: 'event',
      requires: { [vis]: ['household_id', 'visited_on'], [hh]: ['division_code'] },
      sql: `select h.division_code, null::int as team_id, v.visited_on as day, null::date as end_day, 'h' || v.household_id as subject,
                   1::float8 as qty, array[]::text[] as tags
            from ${vis} v join ${hh} h on h.id = v.household_id`,
      dirty: [
        { table: vis, division: byHousehold, from: 'R.visited_on' },
        { table: hh, division: 'R.division_code' },
      ],
    },
    {
      key: 'monitoring.visitPersons',
      kind: 'event',
      requires: { [vis]: ['household_id', 'visited_on'], [hh]: ['division_code'], [mem]: ['household_id', 'active'] },
      sql: `select h.division_code, null::int as team_id, v.visited_on as day, null::date as end_day, 'h' || v.household_id as subject,
                   ${membersOf('v.household_id')} as qty, ${tuopin} as tags
            from ${vis} v join ${hh} h on h.id = v.household_id`,
      dirty: [
        { table: vis, division: byHousehold, from: 'R.visited_on' },
        { table: hh, division: 'R.division_code' },
        { table: mem, division: byHousehold },
      ],
    },
    {
      key: 'monitoring.visitVillages',
      kind: 'event',
      requires: { [vis]: ['household_id', 'visited_on'], [hh]: ['division_code'] },
      sql: `select h.division_code, null::int as team_id, v.visited_on as day, null::date as end_day, h.division_code as subject, 1::float8 as qty,
                   array[]::text[] as tags
            from ${vis} v join ${hh} h on h.id = v.household_id`,
      dirty: [
        { table: vis, division: byHousehold, from: 'R.visited_on' },
        { table: hh, division: 'R.division_code' },
      ],
    },
  ];
}

/** A household behind a figure (subject 'h' || id): its head's masked name, at its village — never the address or phone. */
const HOUSEHOLD = `select 'h' || h.id as subject, ${maskedName('h.head_name')} || '户' as label, h.division_code
                   from monitoring_households h where h.id = any ${subjectIds('h')}`;

export const monitoringFacts = defineFacts(
  monitoringSources().map((s) => (s.key === 'monitoring.visitVillages' ? s : { ...s, describe: HOUSEHOLD })),
);
