// Facts of 财政援助资金与协作项目, published to the indicators engine (column names as in tables.ts).
// Money allocated is counted once per 元: at the lowest receiver it reached (a batch counts what it kept,
// each transfer what it kept, so a city's figure is its own share plus its counties'), and, for batches from
// the payer only, once more under a separate source at the payer's side (sent) — never added to received.
import { defineFacts, subjectIds } from '../../platform/facts';

const A = 'funds_allocations';
const P = 'funds_projects';
const F = 'funds_flows';
const B = 'funds_beneficiaries';
const byProject = `(select division_code from ${P} where id = R.project_id)`;
const stepCols = ['reserved_on', 'approved_on', 'started_on', 'completed_on', 'accepted_on', 'handed_over_on'];

/** A project's lifecycle as intervals, one per step reached: from its date to the day before the next step reached. */
const STEPS = `(values ('reserve', p.reserved_on, coalesce(p.approved_on, p.started_on, p.completed_on, p.accepted_on, p.handed_over_on)),
                       ('approved', p.approved_on, coalesce(p.started_on, p.completed_on, p.accepted_on, p.handed_over_on)),
                       ('started', p.started_on, coalesce(p.completed_on, p.accepted_on, p.handed_over_on)),
                       ('completed', p.completed_on, coalesce(p.accepted_on, p.handed_over_on)),
                       ('accepted', p.accepted_on, p.handed_over_on),
                       ('handed_over', p.handed_over_on, null::date)) s(status, from_day, next_day)`;

export const fundsFacts = defineFacts([
  {
    key: 'funds.allocated',
    kind: 'event',
    requires: { [A]: ['id', 'parent_id', 'kind', 'division_code', 'team_id', 'allocated_on', 'amount'] },
    sql: `select a.division_code, a.team_id, a.allocated_on as day, null::date as end_day, 'a' || a.id as subject,
                 (a.amount - coalesce((select sum(c.amount) from ${A} c where c.parent_id = a.id), 0))::float8 as qty,
                 array['kind:' || a.kind] as tags
          from ${A} a`,
    describe: `select 'a' || a.id as subject, '资金拨付 ' || a.doc_no || coalesce('（' || a.note || '）', '') as label, a.division_code
               from ${A} a where a.id = any ${subjectIds('a')}`,
    dirty: [
      { table: A, division: 'R.division_code', from: 'R.allocated_on' },
      // a transfer changes what its parent kept
      {
        table: A,
        division: `(select division_code from ${A} where id = R.parent_id)`,
        from: `(select allocated_on from ${A} where id = R.parent_id)`,
      },
    ],
  },
  {
    key: 'funds.allocatedSent',
    kind: 'event',
    requires: { [A]: ['parent_id', 'kind', 'payer_division_code', 'team_id', 'allocated_on', 'amount'] },
    // the same money at the payer's side: batches from the payer only (transfers are the receiver's own passing on)
    sql: `select a.payer_division_code as division_code, a.team_id, a.allocated_on as day, null::date as end_day, 'a' || a.id as subject,
                 a.amount::float8 as qty, array['kind:' || a.kind] as tags
          from ${A} a where a.parent_id is null`,
    dirty: [{ table: A, division: 'R.payer_division_code', from: 'R.allocated_on' }],
  },
  {
    key: 'funds.projects',
    kind: 'interval',
    requires: { [P]: ['id', 'type', 'division_code', 'team_id', ...stepCols] },
    sql: `select p.division_code, p.team_id, s.from_day as day, (s.next_day - 1) as end_day, 'p' || p.id as subject, 1::float8 as qty,
                 array['status:' || s.status, 'type:' || p.type] as tags
          from ${P} p cross join lateral ${STEPS}
          where s.from_day is not null and (s.next_day is null or s.next_day > s.from_day)`,
    dirty: [{ table: P, division: 'R.division_code', from: 'R.reserved_on', to: 'open' }],
  },
  {
    key: 'funds.steps',
    kind: 'event',
    requires: { [P]: ['id', 'type', 'division_code', 'team_id', ...stepCols] },
    // started / completed / handed over in the period: one event per step reached
    sql: `select p.division_code, p.team_id, s.from_day as day, null::date as end_day, 'p' || p.id as subject, 1::float8 as qty,
                 array['step:' || s.status, 'type:' || p.type] as tags
          from ${P} p cross join lateral ${STEPS}
          where s.from_day is not null`,
    dirty: [{ table: P, division: 'R.division_code', from: 'R.reserved_on', to: 'open' }],
  },
  {
    key: 'funds.flows',
    kind: 'event',
    requires: { [F]: ['project_id', 'type', 'kind', 'occurred_on', 'amount'], [P]: ['division_code', 'team_id'] },
    sql: `select p.division_code, p.team_id, f.occurred_on as day, null::date as end_day, 'p' || f.project_id as subject,
                 f.amount::float8 as qty, array['type:' || f.type, 'kind:' || f.kind] as tags
          from ${F} f join ${P} p on p.id = f.project_id`,
    dirty: [
      { table: F, division: byProject, from: 'R.occurred_on' },
      { table: P, division: 'R.division_code' },
    ],
  },
  {
    key: 'funds.beneficiaries',
    kind: 'event',
    requires: { [B]: ['project_id', 'id_hash', 'since'], [P]: ['division_code', 'team_id'] },
    sql: `select p.division_code, p.team_id, b.since as day, null::date as end_day, 'b' || b.id_hash as subject, 1::float8 as qty,
                 case when exists (select 1 from lifted_persons l where l.id_hash = b.id_hash) then array['tuopin'] else array[]::text[] end as tags
          from ${B} b join ${P} p on p.id = b.project_id`,
    dirty: [
      { table: B, division: byProject, from: 'R.since' },
      { table: P, division: 'R.division_code' },
    ],
    // a person joining or leaving the 脱贫人口 (the roster, a 脱贫户) turns 其中脱贫人口
    persons: [{ view: 'lifted_persons', table: B, hash: 'R.id_hash', division: byProject, from: 'R.since' }],
  },
  {
    key: 'funds.results',
    kind: 'event',
    requires: { [P]: ['id', 'division_code', 'team_id', 'completed_on', 'handed_over_on', 'jobs_created', 'asset_value'] },
    // jobs created count when the project is completed; assets' value when handed over
    sql: `select p.division_code, p.team_id, p.completed_on as day, null::date as end_day, 'p' || p.id as subject,
                 p.jobs_created::float8 as qty, array['result:jobs'] as tags
          from ${P} p where p.completed_on is not null and p.jobs_created > 0
          union all
          select p.division_code, p.team_id, p.handed_over_on, null::date, 'p' || p.id, p.asset_value::float8, array['result:asset']
          from ${P} p where p.handed_over_on is not null and p.asset_value > 0`,
    dirty: [{ table: P, division: 'R.division_code', from: 'coalesce(R.completed_on, R.handed_over_on)', to: 'open' }],
  },
]);
