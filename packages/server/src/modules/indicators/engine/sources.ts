// Fact sources: how a module's rows become the normalised stream the engine aggregates. This is the
// interface between the indicators engine and the other modules — they need not call us: a source reads
// their tables (named here with the columns it needs) and triggers on those tables queue the changed
// slices. A source whose tables or columns do not exist yet is simply "not wired" and yields nothing.
//
// Every source SELECT returns these columns:
//   division_code text   where it happened (12 digits; a household's village, an exchange's receiving side)
//   team_id       int    the team that recorded it (null → the team stationed in that town, if any)
//   day           date   when it happened (events) / when the interval starts (stocks)
//   end_day       date   last day of an interval, inclusive (null = open; always null for events)
//   subject       text   what `distinct` counts (a household, a person, a village)
//   qty           float8 what `sum`/`person_times` adds (1 for a plain count)
//   tags          text[] what filters and 其中 breakdowns select
export interface DirtyRule {
  table: string;
  /** Expressions over the changed row `R` (NEW or OLD): its division code and the days it affects. */
  division: string;
  from?: string; // null/absent = every year
  to?: string; // absent = same as from; 'open' = up to this year
}

export interface FactSource {
  key: string;
  kind: 'event' | 'interval';
  /** Tables and columns the SELECT needs; the source is wired only when all exist. */
  requires: Record<string, string[]>;
  sql: string;
  dirty: DirtyRule[];
}

export const SOURCES: FactSource[] = [
  {
    key: 'indicators.reported',
    kind: 'event',
    requires: { indicator_reported: ['indicator', 'division_code', 'team_id', 'day', 'value', 'tags'] },
    sql: `select r.division_code, r.team_id, r.day, null::date as end_day, 'r' || r.id as subject, r.value::float8 as qty,
                 array['indicator:' || r.indicator] || r.tags as tags
          from indicator_reported r`,
    dirty: [{ table: 'indicator_reported', division: 'R.division_code', from: 'R.day' }],
  },
  {
    key: 'registry.pairings',
    kind: 'interval',
    requires: { pairings: ['type', 'helped_division_code', 'start_date', 'end_date'] },
    sql: `select p.helped_division_code as division_code, null::int as team_id, p.start_date as day, p.end_date as end_day,
                 'p' || p.id as subject, 1::float8 as qty, array['type:' || p.type] as tags
          from pairings p`,
    dirty: [{ table: 'pairings', division: 'R.helped_division_code', from: 'R.start_date', to: 'open' }],
  },
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
    dirty: [{ table: 'team_members', division: '(select division_code from teams where id = R.team_id)', from: 'R.start_date', to: 'open' }],
  },
  {
    key: 'teams.exchanges',
    kind: 'event',
    requires: { talent_exchanges: ['kind', 'person_times', 'to_division_code', 'team_id', 'start_date'] },
    // counted once, where it happened: at the receiving side
    sql: `select x.to_division_code as division_code, x.team_id, x.start_date as day, null::date as end_day, 'x' || x.id as subject,
                 x.person_times::float8 as qty, array['kind:' || x.kind] as tags
          from talent_exchanges x`,
    dirty: [{ table: 'talent_exchanges', division: 'R.to_division_code', from: 'R.start_date' }],
  },
  ...monitoringSources(),
];

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
      dirty: [{ table: vis, division: byHousehold, from: 'R.visited_on' }, { table: hh, division: 'R.division_code' }],
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
      dirty: [{ table: vis, division: byHousehold, from: 'R.visited_on' }, { table: hh, division: 'R.division_code' }],
    },
  ];
}

/** Replaces the built-in sources (tests plug fixture sources in through this). */
export function sourceByKey(sources: FactSource[], key: string): FactSource | undefined {
  return sources.find((s) => s.key === key);
}
