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
  /**
   * What a checker needs to find a record behind a figure (the assessment's field-check samples and evidence lists):
   * a SELECT of `subject text, label text, division_code text` for the subjects in `$1::text[]`, one row per subject
   * — a project's document number, an enterprise's or a sale's name; a person only as a masked name
   * (maskedName('t.name') → 张**), never an ID number, a phone or an address.
   */
  describe?: string;
}

/** A person's name as a checker may see it: the first character and asterisks (张**), as the audit log masks names. */
export const maskedName = (col: string) => `left(${col}, 1) || repeat('*', least(2, greatest(char_length(${col}) - 1, 1)))`;

/** The numeric ids of subjects written as prefix || id (a12 → 12), for an indexed `id = any(...)`. */
export const subjectIds = (prefix: string) =>
  `(select substr(s, ${prefix.length + 1})::int from unnest($1::text[]) s where s ~ '^${prefix}[0-9]+$')`;

export interface PersonDirtyRule extends DirtyRule {
  /** The person view the source joins (lifted_persons). */
  view: string;
  /** The ID hash of the source's row R, as an expression ('R.id_hash'), or of a row `join` reaches from it. */
  hash: string;
  /**
   * Rows reached from R whose people the source counts, when R holds no ID hash itself: a donation to a household
   * is queued by the household's members (`join monitoring_members P on P.household_id = R.household_id`, hash 'P.id_hash').
   */
  join?: string;
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
