// How talent exchanges are counted, in one place (the summary, the list and the indicators' fact sources all
// read COUNTED_SQL):
//   - an exchange WITHOUT named persons is an aggregate record (years before the app): it counts its typed
//     person_times, at its two sides, on its start date;
//   - an exchange WITH named persons counts its named rows only — one 人次 per row, at the person's places, on
//     the arrival date — and never its typed person_times as well (no double counting);
//   - a named row meets the minimum stay when departure − arrival + 1 ≥ the kind's minimum (minStayDays);
//     aggregate rows were reported as 交流人次 and count as meeting it;
//   - distinct persons are distinct ID numbers (keyed hash) among named rows; a cadre's 挂职 months are the
//     stay's days / 30.4375, to one decimal.
import { EXCHANGE_KINDS, type ExchangeKind, MIN_STAY_DEFAULTS } from '@xiezuo/shared/contracts/teams';

export type NamedKind = Exclude<ExchangeKind, 'training'>;

/** The minimum stays by kind: MIN_STAY_DEFAULTS, each overridable by TEAMS_MIN_STAY_DAYS_<KIND> (e.g. TEAMS_MIN_STAY_DAYS_TEACHER=60). */
export function minStayDays(env: NodeJS.ProcessEnv = process.env): Record<NamedKind, number> {
  const out = { ...MIN_STAY_DEFAULTS };
  for (const kind of Object.keys(out) as NamedKind[]) {
    const v = env[`TEAMS_MIN_STAY_DAYS_${kind.toUpperCase()}`];
    if (v && /^\d{1,4}$/.test(v)) out[kind] = Number(v);
  }
  return out;
}

/** The minimum stay of a kind as SQL over `kindCol` (training: 0, never named). */
export function minStaySql(kindCol: string, mins = minStayDays()): string {
  const whens = EXCHANGE_KINDS.filter((k): k is NamedKind => k !== 'training').map((k) => `when '${k}' then ${mins[k]}`);
  return `(case ${kindCol} ${whens.join(' ')} else 0 end)`;
}

/**
 * Every counted row of the exchange ledger: (exchange_id, kind, from_division_code, to_division_code, team_id,
 * programme_id, day, qty, named, subject, stay_ok, field, months). See the rules above.
 */
export function countedSql(mins = minStayDays()): string {
  const days = `(p.departure_date - p.arrival_date + 1)`;
  return `select x.id as exchange_id, x.kind, x.from_division_code, x.to_division_code, x.team_id, x.programme_id,
                 x.start_date as day, x.person_times as qty, false as named, 'x' || x.id as subject, true as stay_ok,
                 null::text as field, 0::float8 as months
            from talent_exchanges x
           where not exists (select 1 from talent_exchange_persons p where p.exchange_id = x.id)
          union all
          select x.id, x.kind, p.from_division_code, p.to_division_code, x.team_id, x.programme_id,
                 p.arrival_date, 1, true, 'p' || p.id_number_hash, ${days} >= ${minStaySql('x.kind', mins)},
                 p.field, round(${days} / 30.4375, 1)::float8
            from talent_exchange_persons p join talent_exchanges x on x.id = p.exchange_id`;
}
