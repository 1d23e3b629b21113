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
}

export function defineFacts(sources: FactSource[]): FactSource[] {
  return sources;
}
