// Teams API types (inferred from the shared contracts) and the queries the pages share.
import { useQuery } from '@tanstack/react-query';
import type * as C from '@xiezuo/shared/contracts/teams';
import { teamsApi } from '@xiezuo/shared/contracts/teams';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { call } from '../../app/api';
import { formatDate } from '../../app/format';

export type TeamRow = z.infer<typeof C.TeamRow>;
export type TeamDetail = z.infer<typeof C.TeamDetail>;
export type MemberRow = z.infer<typeof C.MemberRow>;
export type CadreRow = z.infer<typeof C.CadreRow>;
export type OnDuty = z.infer<typeof C.OnDutyResponse>;
export type ExchangeRow = z.infer<typeof C.ExchangeRow>;
export type ExchangeSummary = z.infer<typeof C.ExchangeSummary>;
export type ExchangePersonRow = z.infer<typeof C.ExchangePersonRow>;
export function useTeams() {
  return useQuery({ queryKey: ['teams', 'list'], queryFn: () => call(teamsApi.teams), staleTime: 30_000 });
}

/** The teams the user sees, as options of a team dropdown (value: id, label: name). */
export function teamOptions(teams: ReturnType<typeof useTeams>) {
  return (teams.data ?? []).map((r) => ({ value: r.id, label: r.name }));
}

/** "2024年7月1日起" or "2021年7月1日至2024年6月30日". */
export function periodText(t: TFunction, start: string, end: string | null) {
  return end
    ? t('teams.fields.range', { start: formatDate(start), end: formatDate(end) })
    : t('teams.fields.since', { date: formatDate(start) });
}
