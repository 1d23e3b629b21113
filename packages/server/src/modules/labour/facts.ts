// Facts of 劳务协作, by origin (the home village, credited to the team that recorded it):
// - labour.employed (interval): a person employed, once — overlapping or adjoining jobs of one person are
//   merged into one spell (gaps and islands), placed and tagged by the spell's first job, so a person with
//   two jobs is one employed person in the stock.
// - labour.jobStarts (event): a job starting (distinct persons = 新增就业).
// - labour.classMembers (event): an order-class student at the class's graduation date; qty = monthly wage
//   of the employed (average wage = wages ÷ employed).
// Tags: dest:local|in_province|out_province, guangdong (work in 广东), channel:…, stable (≥ 6 months),
// tuopin (the person's id_hash is in lifted_persons).
import { defineFacts } from '../../platform/facts';

const DEST = (home: string, work: string) => `case when left(${work}, 6) = left(${home}, 6) then 'dest:local'
  when left(${work}, 2) = left(${home}, 2) then 'dest:in_province' else 'dest:out_province' end`;
const TUOPIN = (hash: string) => `case when exists (select 1 from lifted_persons l where l.id_hash = ${hash}) then 'tuopin' end`;

const JOB_TAGS = `array_remove(array[${DEST('j.division_code', 'j.work_division_code')}, 'channel:' || j.channel,
  case when j.work_division_code like '44%' then 'guangdong' end,
  case when coalesce(j.end_date, current_date) >= j.start_date + interval '6 months' then 'stable' end,
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

export const labourFacts = defineFacts([
  {
    key: 'labour.employed',
    kind: 'interval',
    requires: {
      labour_employments: ['id_hash', 'division_code', 'team_id', 'work_division_code', 'start_date', 'end_date', 'channel'],
    },
    sql: `${SPELLS}
          select j.division_code, j.team_id, s.day, s.end_day, 'p:' || s.id_hash as subject, 1::float8 as qty, ${JOB_TAGS} as tags
          from s join labour_employments j on j.id = s.first_id`,
    dirty: [
      { table: 'labour_employments', division: 'R.division_code', from: 'R.start_date', to: 'open' },
      { table: 'labour_roster', division: 'R.division_code' }, // a person joining the roster turns 其中脱贫人口
    ],
  },
  {
    key: 'labour.jobStarts',
    kind: 'event',
    requires: {
      labour_employments: ['id_hash', 'division_code', 'team_id', 'work_division_code', 'start_date', 'end_date', 'channel'],
    },
    sql: `select j.division_code, j.team_id, j.start_date as day, null::date as end_day, 'p:' || j.id_hash as subject, 1::float8 as qty,
                 ${JOB_TAGS} as tags
          from labour_employments j`,
    dirty: [
      { table: 'labour_employments', division: 'R.division_code', from: 'R.start_date' },
      { table: 'labour_roster', division: 'R.division_code' },
    ],
  },
  {
    key: 'labour.classMembers',
    kind: 'event',
    requires: {
      labour_class_members: ['class_id', 'id_hash', 'graduated', 'employed', 'monthly_wage'],
      labour_order_classes: ['division_code', 'team_id', 'graduation_date'],
    },
    sql: `select c.division_code, c.team_id, c.graduation_date as day, null::date as end_day, 'o:' || m.id as subject,
                 coalesce(m.monthly_wage, 0)::float8 as qty,
                 array_remove(array[case when m.graduated then 'graduated' end, case when m.employed then 'employed' end,
                   ${TUOPIN('m.id_hash')}], null) as tags
          from labour_class_members m join labour_order_classes c on c.id = m.class_id`,
    dirty: [
      { table: 'labour_class_members', division: '(select division_code from labour_order_classes where id = R.class_id)' },
      { table: 'labour_order_classes', division: 'R.division_code', from: 'R.graduation_date' },
      { table: 'labour_roster', division: 'R.division_code' },
    ],
  },
]);
