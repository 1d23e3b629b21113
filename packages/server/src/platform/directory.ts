// Lookups the platform needs from the shared kernels but may not import: the registry answers for
// divisions, the teams module for the team tree. A module provides its part in its manifest.
import type { Db } from './db/client';

export interface Directory {
  /** The given teams and every team below them, with the division each is stationed in. */
  teamSubtrees(db: Db, teamIds: number[]): Promise<{ id: number; divisionCode: string }[]>;
  divisionNames(db: Db, codes: string[]): Promise<{ code: string; name: string }[]>;
  /**
   * Divisions of a level whose names begin with one of `stems` (兴义 → 兴义村委会), with their parent's name:
   * how a ledger resolves a division written by name. Optional: without it names are not resolved.
   */
  divisionsNamed?(db: Db, stems: string[], level: string): Promise<{ code: string; name: string; parentName: string | null }[]>;
  teamNames(db: Db, ids: number[]): Promise<{ id: number; name: string }[]>;
  /**
   * What the given teams are linked to in the registry: their lead and member units, and each team's
   * programme with the division it is stationed in — so a team user sees the units and pairings of their
   * team's work, not only those inside their station. Optional: without it scope is by division alone.
   */
  teamLinks?(db: Db, teamIds: number[]): Promise<TeamLinks>;
}

export interface TeamLinks {
  unitIds: number[];
  programmes: { programmeId: number; divisionCode: string }[];
}
