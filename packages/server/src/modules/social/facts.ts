// Facts of 社会帮扶、会议、互访、宣传, published to the indicators engine (column names as in tables.ts). Each row
// counts once, at its place (division_code) and for the team that recorded it (null: the team stationed there).
import { defineFacts, maskedName, subjectIds } from '../../platform/facts';

const don = 'social_donations';
const donRequires = {
  [don]: ['division_code', 'team_id', 'donated_on', 'cash_amount', 'goods_quantity', 'goods_value', 'recipient_kind', 'household_id'],
  monitoring_members: ['household_id', 'id_hash', 'active'],
  lifted_persons: ['id_hash'],
  monitored_persons: ['id_hash'],
};
const donDirty = [{ table: don, division: 'R.division_code', from: 'R.donated_on' }];
// 其中脱贫户 / 其中监测户 are never typed: a gift to a linked monitored household is `tuopin` when one of its members is
// among the people lifted out of poverty (lifted_persons: the 脱贫人口 roster, the members of 脱贫户), `monitored` when
// the household is under monitoring now (monitored_persons) — read from the registers as they stand
const householdTag = (tag: string, view: string, active: string) =>
  `case when exists (select 1 from monitoring_members m join ${view} v on v.id_hash = m.id_hash
                     where m.household_id = d.household_id${active}) then array['${tag}'] else array[]::text[] end`;
const donation = (qty: string, tag: string, where: string) =>
  `select d.division_code, d.team_id, d.donated_on as day, null::date as end_day, 'g' || d.id as subject, ${qty}::float8 as qty,
          array['${tag}', 'recipient:' || d.recipient_kind]
          || ${householdTag('tuopin', 'lifted_persons', ' and m.active')}
          || ${householdTag('monitored', 'monitored_persons', '')} as tags
   from ${don} d where ${where}`;
/** A write to the 脱贫人口 or to monitoring (a member, a household's status) re-counts the gifts to that household. */
const donPersons = ['lifted_persons', 'monitored_persons'].map((view) => ({
  view,
  table: don,
  join: 'join monitoring_members P on P.household_id = R.household_id',
  hash: 'P.id_hash',
  division: 'R.division_code',
  from: 'R.donated_on',
}));

/** A donation behind a figure: donor → recipient (a private donor's and a household's names masked). */
const DONATION = `select 'g' || d.id as subject,
                         case when d.donor_kind = 'individual' then ${maskedName('d.donor_name')} else d.donor_name end || ' → ' ||
                         case when d.recipient_kind = 'household' then ${maskedName('d.recipient_name')} || '户' else d.recipient_name end as label,
                         d.division_code
                    from ${don} d where d.id = any ${subjectIds('g')}`;

/** A visit's helped side: where the helper side went, or where the helped side's visitors came from. */
const HELPED_SIDE = (v: string) => `case when ${v}.direction = 'to_helper' then ${v}.from_division_code else ${v}.division_code end`;

export const socialFacts = defineFacts([
  {
    // money given: cash, plus goods with an estimated value — one event for each part, so 其中 rows can split them
    key: 'social.donationMoney',
    kind: 'event',
    requires: donRequires,
    sql: `${donation('d.cash_amount', 'part:cash', 'd.cash_amount > 0')}
          union all
          ${donation('d.goods_value', 'part:goods', 'd.goods_value > 0')}`,
    describe: DONATION,
    dirty: donDirty,
    persons: donPersons,
  },
  {
    // goods nobody valued: counted as items (件), never as money
    key: 'social.donationItems',
    kind: 'event',
    requires: donRequires,
    sql: donation('d.goods_quantity', 'part:goods', 'd.goods_value is null and d.goods_quantity > 0'),
    dirty: donDirty,
    persons: donPersons,
  },
  {
    key: 'social.fundsPledged',
    kind: 'event',
    requires: { social_funds: ['division_code', 'team_id', 'pledged_on', 'pledged_amount', 'purpose'] },
    sql: `select f.division_code, f.team_id, f.pledged_on as day, null::date as end_day, 'f' || f.id as subject,
                 f.pledged_amount::float8 as qty, array['purpose:' || f.purpose] as tags
          from social_funds f`,
    dirty: [{ table: 'social_funds', division: 'R.division_code', from: 'R.pledged_on' }],
  },
  {
    key: 'social.fundsReceived',
    kind: 'event',
    requires: { social_funds: ['division_code', 'team_id', 'received_on', 'received_amount', 'purpose'] },
    sql: `select f.division_code, f.team_id, f.received_on as day, null::date as end_day, 'f' || f.id as subject,
                 f.received_amount::float8 as qty, array['purpose:' || f.purpose] as tags
          from social_funds f where f.received_amount > 0 and f.received_on is not null`,
    dirty: [{ table: 'social_funds', division: 'R.division_code', from: 'R.received_on' }],
  },
  {
    // level:high = a meeting above the town (省/市/县): the 高层联席会议 of the reports
    key: 'social.meetings',
    kind: 'event',
    requires: { social_meetings: ['division_code', 'team_id', 'held_on', 'kind', 'level'] },
    sql: `select m.division_code, m.team_id, m.held_on as day, null::date as end_day, 'm' || m.id as subject, 1::float8 as qty,
                 array['kind:' || m.kind, 'level:' || m.level, case when m.level = 'town' then 'level:local' else 'level:high' end] as tags
          from social_meetings m`,
    dirty: [{ table: 'social_meetings', division: 'R.division_code', from: 'R.held_on' }],
  },
  {
    // a decision is overdue from the day after its due date until the day before it was done
    key: 'social.decisionsOverdue',
    kind: 'interval',
    requires: {
      social_decisions: ['meeting_id', 'owner_team_id', 'due_on', 'done_on'],
      social_meetings: ['division_code', 'team_id'],
    },
    sql: `select m.division_code, coalesce(d.owner_team_id, m.team_id) as team_id, d.due_on + 1 as day, d.done_on - 1 as end_day,
                 'd' || d.id as subject, 1::float8 as qty, array['kind:' || m.kind] as tags
          from social_decisions d join social_meetings m on m.id = d.meeting_id
          where d.done_on is null or d.done_on > d.due_on + 1`,
    dirty: [
      {
        table: 'social_decisions',
        division: '(select division_code from social_meetings where id = R.meeting_id)',
        from: 'R.due_on',
        to: 'open',
      },
      { table: 'social_meetings', division: 'R.division_code' },
    ],
  },
  {
    // counted at the helped side, as the East–West assessment counts a pair's visits both ways: the place visited when
    // the helper side came (to_helped), the visitors' own place when the helped side went to the helper (to_helper)
    key: 'social.visits',
    kind: 'event',
    requires: { social_visits: ['division_code', 'from_division_code', 'team_id', 'started_on', 'visitor_level', 'direction'] },
    sql: `select ${HELPED_SIDE('v')} as division_code, v.team_id, v.started_on as day, null::date as end_day, 'v' || v.id as subject,
                 1::float8 as qty, array['level:' || v.visitor_level, 'direction:' || v.direction] as tags
          from social_visits v`,
    dirty: [{ table: 'social_visits', division: HELPED_SIDE('R'), from: 'R.started_on' }],
  },
  {
    // level:provincialUp = 省级以上媒体 (central or provincial)
    key: 'social.publicity',
    kind: 'event',
    requires: { social_publicity: ['division_code', 'team_id', 'published_on', 'media_level', 'kind'] },
    sql: `select p.division_code, p.team_id, p.published_on as day, null::date as end_day, 'p' || p.id as subject, 1::float8 as qty,
                 array['level:' || p.media_level, 'kind:' || p.kind]
                   || case when p.media_level in ('central', 'provincial') then array['level:provincialUp'] else array[]::text[] end as tags
          from social_publicity p`,
    describe: `select 'p' || p.id as subject, p.medium || '《' || p.title || '》' as label, p.division_code
               from social_publicity p where p.id = any ${subjectIds('p')}`,
    dirty: [{ table: 'social_publicity', division: 'R.division_code', from: 'R.published_on' }],
  },
]);
