// Facts of teams and talent: teams and their members in post (stocks), talent exchanges (人次) twice, named by
// direction: received (接收, at the receiving side) and sent (派出, at the sending side — the helper is credited for what it sent).
import { defineFacts } from '../../platform/facts';

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
  {
    key: 'teams.exchanges',
    kind: 'event',
    requires: { talent_exchanges: ['kind', 'person_times', 'to_division_code', 'team_id', 'start_date'] },
    // received: at the receiving side
    sql: `select x.to_division_code as division_code, x.team_id, x.start_date as day, null::date as end_day, 'x' || x.id as subject,
                 x.person_times::float8 as qty, array['kind:' || x.kind] as tags
          from talent_exchanges x`,
    dirty: [{ table: 'talent_exchanges', division: 'R.to_division_code', from: 'R.start_date' }],
  },
  {
    key: 'teams.exchangesSent',
    kind: 'event',
    requires: { talent_exchanges: ['kind', 'person_times', 'from_division_code', 'team_id', 'start_date'] },
    // the same rows at the sending side: what a helper province, city or county sent
    sql: `select x.from_division_code as division_code, x.team_id, x.start_date as day, null::date as end_day, 'x' || x.id as subject,
                 x.person_times::float8 as qty, array['kind:' || x.kind] as tags
          from talent_exchanges x`,
    dirty: [{ table: 'talent_exchanges', division: 'R.from_division_code', from: 'R.start_date' }],
  },
]);
