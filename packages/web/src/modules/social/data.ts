// Social API types (inferred from the shared contracts) and the team names the lists show.
import type * as C from '@xiezuo/shared/contracts/social';
import type { z } from 'zod';
import { useTeams } from '../teams/data';

export type DonationRow = z.infer<typeof C.DonationRow>;
export type MeetingRow = z.infer<typeof C.MeetingRow>;
export type DecisionRow = z.infer<typeof C.DecisionRow>;
export type FundRow = z.infer<typeof C.FundRow>;

/** A team's name by id (— for none), from the teams the user sees. */
export function useTeamName() {
  const teams = useTeams();
  const names = new Map((teams.data ?? []).map((r) => [r.id, r.name]));
  return (id: number | null | undefined) => (id == null ? '—' : (names.get(id) ?? `#${id}`));
}

/** A place as the list shows it: its name, else its code. */
export const placeText = (r: { divisionName: string | null; divisionCode: string }) => r.divisionName ?? r.divisionCode;
