// Fact sources: how a module's rows become the normalised stream the indicators engine aggregates. Each
// module publishes its own (modules/<m>/facts.ts, listed in its manifest); the engine reads them from
// services.facts and never names another module's tables. A source reads its module's tables (named in
// `requires` with the columns it needs); triggers on those tables queue the changed slices.
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
  /** Tables and columns the SELECT needs; a source whose tables or columns are missing is not wired (a test names it). */
  requires: Record<string, string[]>;
  sql: string;
  dirty: DirtyRule[];
  /**
   * Rules keyed by person, for a source that joins a person view (其中脱贫人口 joins `lifted_persons`): when a
   * write changes the people of `view` (a table a PersonView names as its feed), the rows R of `table` whose
   * `hash` is one of the changed people's are queued by `division`/`from`/`to` as a DirtyRule — so the 脱贫人口
   * roster's import re-queues funds' beneficiaries and industry's workers without either naming the other.
   */
  persons?: PersonDirtyRule[];
}

export interface PersonDirtyRule extends DirtyRule {
  /** The person view the source joins (lifted_persons). */
  view: string;
  /** The ID hash of the source's row R, as an expression ('R.id_hash'). */
  hash: string;
}

/**
 * A view of people's ID hashes that other modules' sources join, published by the module that owns it, with
 * the tables whose writes change who is in it. `hash` is the changed row F's ID hash (F is the written row,
 * `join` may reach further rows from it, e.g. a household's members), `where` an optional condition on F.
 */
export interface PersonView {
  view: string;
  feeds: { table: string; hash: string; join?: string; where?: string }[];
}

export function defineFacts(sources: FactSource[]): FactSource[] {
  return sources;
}
