// Facts of 劳务协作, by origin (the home village, credited to the team that recorded it):
// - labour.employed (interval): a person employed, once — overlapping or adjoining jobs of one person are
//   merged into one spell (gaps and islands), placed and tagged by the spell's first job, so a person with
//   two jobs is one employed person in the stock.
// - labour.jobStarts (event): a job starting (distinct persons = 新增就业).
// - labour.classMembers (event): an order-class student at the class's graduation date; qty = monthly wage
//   of the employed (average wage = wages ÷ employed).
// - labour.stable (interval): 稳岗 — the same spells from the day the person has been employed six months
//   without a break (start + 6 months − 1 day) to the spell's end. A stock counts them at the period end (or
//   today, in the running period), so 稳岗 is judged as of the figure's date: employed at that date and
//   continuously for six months or more up to it — never as of the day the figure is computed.
// Tags: dest:local|in_province|out_province, guangdong (work in 广东), channel:…, station (placed by a 劳务工作站),
// brand (under a 劳务品牌), tuopin (the person's id_hash is in lifted_persons).
// 其中脱贫人口 follows the roster: the `persons` rules queue the rows of a person whose 脱贫 status a write changed.
import { defineFacts, maskedName } from '../../platform/facts';
import { helperDivisionOf, helperOfPairing, PAIRING_COLUMNS } from '../registry';

/** A person of the records behind a figure (subject 'p:' || id_hash): masked name and employer, at the home village. */
const PERSON_HASHES = "(select substr(s, 3) from unnest($1::text[]) s where s like 'p:%')";
const EMPLOYED_DESCRIBE = `select distinct on (j.id_hash) 'p:' || j.id_hash as subject, ${maskedName('j.name')} || ' · ' || j.employer as label,
                 j.division_code from labour_employments j where j.id_hash = any ${PERSON_HASHES} order by j.id_hash, j.start_date desc`;
const TRAINEE_DESCRIBE = `select distinct on (t.id_hash) 'p:' || t.id_hash as subject, ${maskedName('t.name')} || ' · ' || s.name as label,
                 s.division_code from labour_trainees t join labour_trainings s on s.id = t.training_id
                 where t.id_hash = any ${PERSON_HASHES} order by t.id_hash, s.start_date desc`;

const DEST = (home: string, work: string) => `case when left(${work}, 6) = left(${home}, 6) then 'dest:local'
  when left(${work}, 2) = left(${home}, 2) then 'dest:in_province' else 'dest:out_province' end`;
const TUOPIN = (hash: string) => `case when exists (select 1 from lifted_persons l where l.id_hash = ${hash}) then 'tuopin' end`;

const JOB_TAGS = `array_remove(array[${DEST('j.division_code', 'j.work_division_code')}, 'channel:' || j.channel,
  case when j.work_division_code like '44%' then 'guangdong' end,
  case when j.station is not null then 'station' end, case when j.brand is not null then 'brand' end,
  ${TUOPIN('j.id_hash')}], null)`;

// spells: a job starts a new spell when it begins after every earlier job of the person has ended (+1 day)
const SPELLS = `with j as (select * from labour_employments),
  o as (select j.*, max(coalesce(j.end_date, date '9999-12-31')) over (partition by j.id_hash order by j.start_date, j.id
          rows between unbounded preceding and 1 preceding) as prev_end from j),
  g as (select o.*, sum(case when o.prev_end is null or o.start_date > o.prev_end + 1 then 1 else 0 end)
          over (partition by o.id_hash order by o.start_date, o.id) as spell from o),
  s as (select id_hash, spell, min(start_date) as day,
               nullif(max(coalesce(end_date, date '9999-12-31')), date '9999-12-31') as end_day,
               (array_agg(id order by start_date, id))[1] as first_id
          from g group by id_hash, spell)`;

// The pairing a helped place is credited to (结对帮扶): the registry's SQL (the most specific pairing in force).
const helperOf = helperOfPairing;
const HELPER_OF = helperDivisionOf;
const HELPER_OF_CLASS = HELPER_OF('(select division_code from labour_order_classes where id = R.class_id)');

const EMPLOYED = `${SPELLS}
          select j.division_code, j.team_id, s.day, s.end_day, 'p:' || s.id_hash as subject, 1::float8 as qty, ${JOB_TAGS} as tags
          from s join labour_employments j on j.id = s.first_id`;
/** The first day a spell starting on `day` counts as 稳岗: six months employed, both ends included. */
export const STABLE_FROM = (day: string) => `(${day} + interval '6 months' - interval '1 day')::date`;
const STABLE = `${SPELLS}
          select j.division_code, j.team_id, ${STABLE_FROM('s.day')} as day, s.end_day, 'p:' || s.id_hash as subject, 1::float8 as qty, ${JOB_TAGS} as tags
          from s join labour_employments j on j.id = s.first_id
          where s.end_day is null or s.end_day >= ${STABLE_FROM('s.day')}`;
const CLASS_MEMBERS = `select c.division_code, c.team_id, c.graduation_date as day, null::date as end_day, 'o:' || m.id as subject,
                 coalesce(m.monthly_wage, 0)::float8 as qty,
                 array_remove(array[case when m.graduated then 'graduated' end, case when m.employed then 'employed' end,
                   ${TUOPIN('m.id_hash')}], null) as tags
          from labour_class_members m join labour_order_classes c on c.id = m.class_id`;
const JOB_COLUMNS = ['id_hash', 'division_code', 'team_id', 'work_division_code', 'start_date', 'end_date', 'channel', 'station', 'brand'];
const EMPLOYED_REQUIRES = { labour_employments: JOB_COLUMNS };
const CLASS_REQUIRES = {
  labour_class_members: ['class_id', 'id_hash', 'graduated', 'employed', 'monthly_wage'],
  labour_order_classes: ['division_code', 'team_id', 'graduation_date'],
};
const PAIRINGS = PAIRING_COLUMNS;

/** Person rules: a write to the 脱贫人口 (the roster, a 脱贫户) re-queues these rows of the people it names. */
const lifted = (table: string, division: string, from?: string, to?: 'open') => ({
  view: 'lifted_persons',
  table,
  hash: 'R.id_hash',
  division,
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
});
const CLASS_OF_MEMBER = '(select division_code from labour_order_classes where id = R.class_id)';
const SESSION_OF_TRAINEE = '(select division_code from labour_trainings where id = R.training_id)';

export const labourFacts = defineFacts([
  {
    key: 'labour.employed',
    kind: 'interval',
    requires: EMPLOYED_REQUIRES,
    sql: EMPLOYED,
    describe: EMPLOYED_DESCRIBE,
    dirty: [{ table: 'labour_employments', division: 'R.division_code', from: 'R.start_date', to: 'open' }],
    persons: [lifted('labour_employments', 'R.division_code', 'R.start_date', 'open')],
  },
  {
    key: 'labour.stable',
    kind: 'interval',
    requires: EMPLOYED_REQUIRES,
    sql: STABLE,
    describe: EMPLOYED_DESCRIBE,
    dirty: [{ table: 'labour_employments', division: 'R.division_code', from: 'R.start_date', to: 'open' }],
    persons: [lifted('labour_employments', 'R.division_code', 'R.start_date', 'open')],
  },
  {
    key: 'labour.jobStarts',
    kind: 'event',
    requires: EMPLOYED_REQUIRES,
    sql: `select j.division_code, j.team_id, j.start_date as day, null::date as end_day, 'p:' || j.id_hash as subject, 1::float8 as qty,
                 ${JOB_TAGS} as tags
          from labour_employments j`,
    describe: EMPLOYED_DESCRIBE,
    dirty: [{ table: 'labour_employments', division: 'R.division_code', from: 'R.start_date' }],
    persons: [lifted('labour_employments', 'R.division_code', 'R.start_date')],
  },
  {
    key: 'labour.classMembers',
    kind: 'event',
    requires: CLASS_REQUIRES,
    sql: CLASS_MEMBERS,
    dirty: [
      { table: 'labour_class_members', division: CLASS_OF_MEMBER },
      { table: 'labour_order_classes', division: 'R.division_code', from: 'R.graduation_date' },
    ],
    persons: [lifted('labour_class_members', CLASS_OF_MEMBER)],
  },
  // the same people at the helper side of the pairing (帮扶方): what 四会 helped 富川 achieve
  {
    key: 'labour.employedHelper',
    kind: 'interval',
    requires: { ...EMPLOYED_REQUIRES, ...PAIRINGS },
    sql: `select division_code, null::int as team_id, day, end_day, subject, qty, tags from (${helperOf(EMPLOYED, 'x.subject, x.day')}) h`,
    dirty: [
      { table: 'labour_employments', division: HELPER_OF('R.division_code'), from: 'R.start_date', to: 'open' },
      { table: 'pairings', division: 'R.helper_division_code' },
    ],
    persons: [lifted('labour_employments', HELPER_OF('R.division_code'), 'R.start_date', 'open')],
  },
  {
    key: 'labour.classMembersHelper',
    kind: 'event',
    requires: { ...CLASS_REQUIRES, ...PAIRINGS },
    sql: `select division_code, null::int as team_id, day, end_day, subject, qty, tags from (${helperOf(CLASS_MEMBERS, 'x.subject')}) h`,
    dirty: [
      { table: 'labour_class_members', division: HELPER_OF_CLASS },
      { table: 'labour_order_classes', division: HELPER_OF('R.division_code'), from: 'R.graduation_date' },
      { table: 'pairings', division: 'R.helper_division_code' },
    ],
    persons: [lifted('labour_class_members', HELPER_OF_CLASS)],
  },
  // 技能培训: one trainee of one session (人次) at the session's place and start date
  {
    key: 'labour.trainees',
    kind: 'event',
    requires: {
      labour_trainees: ['training_id', 'id_hash', 'certified'],
      labour_trainings: ['kind', 'division_code', 'team_id', 'start_date', 'brand'],
    },
    sql: `select s.division_code, s.team_id, s.start_date as day, null::date as end_day, 'p:' || t.id_hash as subject, 1::float8 as qty,
                 array_remove(array['kind:' || s.kind, case when t.certified then 'certified' end,
                   case when s.brand is not null then 'brand' end, ${TUOPIN('t.id_hash')}], null) as tags
          from labour_trainees t join labour_trainings s on s.id = t.training_id`,
    describe: TRAINEE_DESCRIBE,
    dirty: [
      { table: 'labour_trainees', division: SESSION_OF_TRAINEE },
      { table: 'labour_trainings', division: 'R.division_code', from: 'R.start_date' },
    ],
    persons: [lifted('labour_trainees', SESSION_OF_TRAINEE)],
  },
]);
