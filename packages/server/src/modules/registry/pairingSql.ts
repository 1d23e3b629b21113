// SQL that credits a helped place's facts to the helper side of its pairing (结对帮扶), for fact sources of any module
// (labour's employed at 四会 for 富川, industry's workshops at 中山 for 六盘水). The registry owns the pairings
// table, so the one way to read "whose helper is this place" lives here; modules reach it through registry/index.ts.

/** The prefix of a division code that its subtree shares (a province's 2 digits, a city's 4, a county's 6, a town's 9). */
export const PREFIX = (code: string) => `case when right(${code}, 10) = '0000000000' then left(${code}, 2)
  when right(${code}, 8) = '00000000' then left(${code}, 4) when right(${code}, 6) = '000000' then left(${code}, 6)
  when right(${code}, 3) = '000' then left(${code}, 9) else ${code} end`;

/**
 * The fact rows `rows` (division_code, day, end_day, subject, qty, tags) moved to the helper side: of the pairings
 * in force on their days whose helped side contains the place, the most specific (a county pairing before a
 * province one), one per `key`; rows without a pairing drop out.
 */
export const helperOfPairing = (rows: string, key: string) => `select distinct on (${key}) p.helper_division_code as division_code,
    x.day, x.end_day, x.subject, x.qty, x.tags
  from (${rows}) x join pairings p on x.division_code like ${PREFIX('p.helped_division_code')} || '%'
    and p.start_date <= coalesce(x.end_day, x.day) and (p.end_date is null or p.end_date >= x.day)
  order by ${key}, length(${PREFIX('p.helped_division_code')}) desc, p.id`;

/** For dirty rules: the helper division a change at the helped place `code` lands on (the most specific pairing). */
export const helperDivisionOf = (
  code: string,
) => `(select p.helper_division_code from pairings p where ${code} like ${PREFIX('p.helped_division_code')} || '%'
  order by length(${PREFIX('p.helped_division_code')}) desc, p.id limit 1)`;

/** The pairings columns such a source reads (its `requires`). */
export const PAIRING_COLUMNS = { pairings: ['helper_division_code', 'helped_division_code', 'start_date', 'end_date'] };

/**
 * The pairing (id) a record from the helper place `from` to the helped place `to` on `day` is credited to: of the pairings
 * in force then whose helper side contains `from` and helped side contains `to`, the most specific; null when none.
 */
export const pairingBetween = (from: string, to: string, day: string) => `(select p.id from pairings p
  where ${from} like ${PREFIX('p.helper_division_code')} || '%' and ${to} like ${PREFIX('p.helped_division_code')} || '%'
    and p.start_date <= ${day} and (p.end_date is null or p.end_date >= ${day})
  order by length(${PREFIX('p.helped_division_code')}) desc, length(${PREFIX('p.helper_division_code')}) desc, p.id limit 1)`;
