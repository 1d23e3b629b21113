// Social API types (inferred from the shared contracts), the team names the lists show, and a list's entry form state.
import { useQueryClient } from '@tanstack/react-query';
import type * as C from '@xiezuo/shared/contracts/social';
import { useState } from 'react';
import type { z } from 'zod';
import { useTeams } from '../teams/data';

export type DonationRow = z.infer<typeof C.DonationRow>;
export type MeetingRow = z.infer<typeof C.MeetingRow>;
export type DecisionRow = z.infer<typeof C.DecisionRow>;
export type FundRow = z.infer<typeof C.FundRow>;
export type VisitRow = z.infer<typeof C.VisitRow>;
export type PublicityRow = z.infer<typeof C.PublicityRow>;

/** A team's name by id (— for none), from the teams the user sees. */
export function useTeamName() {
  const teams = useTeams();
  const names = new Map((teams.data ?? []).map((r) => [r.id, r.name]));
  return (id: number | null | undefined) => (id == null ? '—' : (names.get(id) ?? `#${id}`));
}

/** A place as the list shows it: its name, else its code. */
export const placeText = (r: { divisionName: string | null; divisionCode: string }) => r.divisionName ?? r.divisionCode;

/** After a save or an import: every list and total of the module asks again. */
export function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['social'] });
}

/** A list's entry form: closed, a new record, or a row being edited; and what happens when it is saved or closed. */
export function useEditing<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const refresh = useRefresh();
  return {
    editing,
    /** The row being edited (undefined for a new record). */
    row: editing === 'new' || editing == null ? undefined : editing,
    open: (v: T | 'new') => setEditing(v),
    props: {
      open: editing != null,
      onClose: () => setEditing(null),
      onSaved: () => {
        setEditing(null);
        refresh();
      },
    },
  };
}
