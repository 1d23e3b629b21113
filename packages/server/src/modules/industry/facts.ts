// Facts of industry cooperation. Enterprises, parks and workshops are stocks over their dates; investment
// increments are events, twice: at the helped side where the enterprise landed, and at the helper side it
// came from (a helper city is credited with what its enterprises put in place). Jobs are the workers' dated
// stints, one subject per person (the services refuse overlapping stints of one person), tagged `tuopin` when
// their ID hash is in lifted_persons and `monitored` when it is in monitoring's monitored_persons (a member of a
// household under monitoring) — 其中脱贫人口 and 其中监测对象 are never typed. A reported headcount holds until the next report.
// The helper side is credited too, in sources of its own (…From, …Helper) so that a node holding both sides never
// adds one record twice: an enterprise, its reported jobs and its workers at the city or district it came from, a
// park at the side that co-builds it, a workshop and its workers at the helper of the village's pairing (结对帮扶).
import { defineFacts, subjectIds } from '../../platform/facts';
import { helperDivisionOf, helperOfPairing, PAIRING_COLUMNS } from '../registry';

const ENTERPRISE = `select 'e' || e.id as subject, e.name as label, e.division_code from industry_enterprises e where e.id = any ${subjectIds('e')}`;

const ENT = ['id', 'division_code', 'origin_division_code', 'team_id', 'park_id', 'status', 'introduced_on', 'exited_on'];
const placeOfWorker = `(select coalesce(
    (select s.division_code from industry_workshops s where s.id = R.workshop_id),
    (select e.division_code from industry_enterprises e where e.id = R.enterprise_id)))`;
const enterpriseDivision = (col: string) => `(select e.${col} from industry_enterprises e where e.id = R.enterprise_id)`;
/** The helper side of a worker's place: the enterprise's origin, or the helper of the workshop's village. */
const helperOfWorker = `(select coalesce(
    (select e.origin_division_code from industry_enterprises e where e.id = R.enterprise_id),
    ${helperDivisionOf('(select s.division_code from industry_workshops s where s.id = R.workshop_id)')}))`;

const ENTERPRISE_TAGS = `array['status:' || e.status] || case when e.park_id is null then array[]::text[] else array['park'] end`;
const WORKSHOPS = `select s.division_code, s.recognized_on as day, (s.stopped_on - 1) as end_day, 'w' || s.id as subject, 1::float8 as qty,
                 array[]::text[] as tags
          from industry_workshops s`;
const JOB_TAGS = `array[case when w.workshop_id is not null then 'workshop' else 'enterprise' end]
                 || case when e.park_id is not null then array['park'] else array[]::text[] end
                 || case when exists (select 1 from lifted_persons l where l.id_hash = w.id_hash) then array['tuopin'] else array[]::text[] end
                 || case when exists (select 1 from monitored_persons m where m.id_hash = w.id_hash) then array['monitored'] else array[]::text[] end`;
const JOBS_REQUIRE = {
  industry_workers: ['workshop_id', 'enterprise_id', 'id_hash', 'start_date', 'end_date'],
  industry_workshops: ['id', 'division_code', 'team_id'],
  industry_enterprises: ENT,
  lifted_persons: ['id_hash'],
  monitored_persons: ['id_hash'],
};
/** Person rules of a jobs source: the 脱贫人口 and the 监测对象 turn, re-counting the rows of the people written. */
const jobPersons = (division: string) =>
  ['lifted_persons', 'monitored_persons'].map((view) => ({
    view,
    table: 'industry_workers',
    hash: 'R.id_hash',
    division,
    from: 'R.start_date',
    to: 'open' as const,
  }));

export const industryFacts = defineFacts([
  {
    key: 'industry.enterprises',
    kind: 'interval',
    requires: { industry_enterprises: ENT },
    sql: `select e.division_code, e.team_id, e.introduced_on as day, e.exited_on as end_day, 'e' || e.id as subject, 1::float8 as qty,
                 ${ENTERPRISE_TAGS} as tags
          from industry_enterprises e`,
    dirty: [{ table: 'industry_enterprises', division: 'R.division_code', from: 'R.introduced_on', to: 'open' }],
  },
  {
    key: 'industry.introduced',
    kind: 'event',
    requires: { industry_enterprises: ENT },
    sql: `select e.division_code, e.team_id, e.introduced_on as day, null::date as end_day, 'e' || e.id as subject, 1::float8 as qty,
                 case when e.park_id is null then array[]::text[] else array['park'] end as tags
          from industry_enterprises e`,
    describe: ENTERPRISE,
    dirty: [{ table: 'industry_enterprises', division: 'R.division_code', from: 'R.introduced_on' }],
  },
  {
    key: 'industry.investments',
    kind: 'event',
    requires: { industry_investments: ['enterprise_id', 'kind', 'amount', 'day'], industry_enterprises: ENT },
    sql: `select e.division_code, e.team_id, i.day, null::date as end_day, 'e' || e.id as subject, i.amount::float8 as qty,
                 array['kind:' || i.kind] as tags
          from industry_investments i join industry_enterprises e on e.id = i.enterprise_id`,
    describe: ENTERPRISE,
    dirty: [{ table: 'industry_investments', division: enterpriseDivision('division_code'), from: 'R.day' }],
  },
  {
    key: 'industry.investmentsFrom',
    kind: 'event',
    requires: { industry_investments: ['enterprise_id', 'kind', 'amount', 'day'], industry_enterprises: ENT },
    // the same increments at the helper side the enterprise came from
    sql: `select e.origin_division_code as division_code, null::int as team_id, i.day, null::date as end_day, 'e' || e.id as subject,
                 i.amount::float8 as qty, array['kind:' || i.kind] as tags
          from industry_investments i join industry_enterprises e on e.id = i.enterprise_id`,
    dirty: [{ table: 'industry_investments', division: enterpriseDivision('origin_division_code'), from: 'R.day' }],
  },
  {
    key: 'industry.reportedJobs',
    kind: 'interval',
    requires: { industry_headcounts: ['enterprise_id', 'reported_on', 'jobs'], industry_enterprises: ENT },
    sql: `select e.division_code, e.team_id, h.reported_on as day,
                 (lead(h.reported_on) over (partition by h.enterprise_id order by h.reported_on) - 1) as end_day,
                 'e' || e.id as subject, h.jobs::float8 as qty, array[]::text[] as tags
          from industry_headcounts h join industry_enterprises e on e.id = h.enterprise_id`,
    dirty: [{ table: 'industry_headcounts', division: enterpriseDivision('division_code'), from: 'R.reported_on', to: 'open' }],
  },
  {
    key: 'industry.parks',
    kind: 'interval',
    requires: { industry_parks: ['id', 'division_code', 'team_id', 'established_on'] },
    sql: `select p.division_code, p.team_id, p.established_on as day, null::date as end_day, 'p' || p.id as subject, 1::float8 as qty,
                 array[]::text[] as tags
          from industry_parks p`,
    dirty: [{ table: 'industry_parks', division: 'R.division_code', from: 'R.established_on', to: 'open' }],
  },
  {
    key: 'industry.workshops',
    kind: 'interval',
    requires: { industry_workshops: ['id', 'division_code', 'team_id', 'recognized_on', 'stopped_on'] },
    sql: `select s.division_code, s.team_id, s.recognized_on as day, (s.stopped_on - 1) as end_day, 'w' || s.id as subject, 1::float8 as qty,
                 array[]::text[] as tags
          from industry_workshops s`,
    dirty: [{ table: 'industry_workshops', division: 'R.division_code', from: 'R.recognized_on', to: 'open' }],
  },
  {
    key: 'industry.jobs',
    kind: 'interval',
    requires: JOBS_REQUIRE,
    sql: `select coalesce(s.division_code, e.division_code) as division_code, coalesce(s.team_id, e.team_id) as team_id,
                 w.start_date as day, w.end_date as end_day, 'p' || w.id_hash as subject, 1::float8 as qty, ${JOB_TAGS} as tags
          from industry_workers w
          left join industry_workshops s on s.id = w.workshop_id
          left join industry_enterprises e on e.id = w.enterprise_id`,
    dirty: [
      { table: 'industry_workers', division: placeOfWorker, from: 'R.start_date', to: 'open' },
      // an enterprise moving into or out of a park turns its workers' 'park' tag (every year: rare, and its workers' dates vary)
      { table: 'industry_enterprises', division: 'R.division_code' },
    ],
    // a person joining or leaving the 脱贫人口 (the roster, a 脱贫户) turns 其中脱贫人口; a household entering or
    // leaving monitoring, or a member joining or leaving it, turns 其中监测对象
    persons: jobPersons(placeOfWorker),
  },
  // ---- the same records at the helper side ----
  {
    key: 'industry.enterprisesFrom',
    kind: 'interval',
    requires: { industry_enterprises: ENT },
    sql: `select e.origin_division_code as division_code, null::int as team_id, e.introduced_on as day, e.exited_on as end_day,
                 'e' || e.id as subject, 1::float8 as qty, ${ENTERPRISE_TAGS} as tags
          from industry_enterprises e`,
    dirty: [{ table: 'industry_enterprises', division: 'R.origin_division_code', from: 'R.introduced_on', to: 'open' }],
  },
  {
    key: 'industry.reportedJobsFrom',
    kind: 'interval',
    requires: { industry_headcounts: ['enterprise_id', 'reported_on', 'jobs'], industry_enterprises: ENT },
    sql: `select e.origin_division_code as division_code, null::int as team_id, h.reported_on as day,
                 (lead(h.reported_on) over (partition by h.enterprise_id order by h.reported_on) - 1) as end_day,
                 'e' || e.id as subject, h.jobs::float8 as qty, array[]::text[] as tags
          from industry_headcounts h join industry_enterprises e on e.id = h.enterprise_id`,
    dirty: [{ table: 'industry_headcounts', division: enterpriseDivision('origin_division_code'), from: 'R.reported_on', to: 'open' }],
  },
  {
    key: 'industry.parksHelper',
    kind: 'interval',
    requires: { industry_parks: ['id', 'helper_division_code', 'established_on'] },
    sql: `select p.helper_division_code as division_code, null::int as team_id, p.established_on as day, null::date as end_day,
                 'p' || p.id as subject, 1::float8 as qty, array[]::text[] as tags
          from industry_parks p`,
    dirty: [{ table: 'industry_parks', division: 'R.helper_division_code', from: 'R.established_on', to: 'open' }],
  },
  {
    key: 'industry.workshopsHelper',
    kind: 'interval',
    requires: { industry_workshops: ['id', 'division_code', 'recognized_on', 'stopped_on'], ...PAIRING_COLUMNS },
    sql: `select division_code, null::int as team_id, day, end_day, subject, qty, tags from (${helperOfPairing(WORKSHOPS, 'x.subject')}) h`,
    dirty: [
      { table: 'industry_workshops', division: helperDivisionOf('R.division_code'), from: 'R.recognized_on', to: 'open' },
      { table: 'pairings', division: 'R.helper_division_code' },
    ],
  },
  {
    key: 'industry.jobsHelper',
    kind: 'interval',
    requires: { ...JOBS_REQUIRE, ...PAIRING_COLUMNS },
    // a workshop's workers at the helper of its village's pairing; an enterprise's at the place it came from
    sql: `select division_code, null::int as team_id, day, end_day, subject, qty, tags from (${helperOfPairing(
      `select s.division_code, w.start_date as day, w.end_date as end_day, 'p' || w.id_hash as subject, 1::float8 as qty, ${JOB_TAGS} as tags,
              w.id as worker
       from industry_workers w join industry_workshops s on s.id = w.workshop_id
       left join industry_enterprises e on e.id = w.enterprise_id`,
      'x.worker',
    )}) h
          union all
          select e.origin_division_code, null::int, w.start_date, w.end_date, 'p' || w.id_hash, 1::float8, ${JOB_TAGS}
          from industry_workers w join industry_enterprises e on e.id = w.enterprise_id`,
    dirty: [
      { table: 'industry_workers', division: helperOfWorker, from: 'R.start_date', to: 'open' },
      { table: 'industry_enterprises', division: 'R.origin_division_code' },
      { table: 'pairings', division: 'R.helper_division_code' },
    ],
    persons: jobPersons(helperOfWorker),
  },
]);
