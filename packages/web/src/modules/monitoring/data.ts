// Monitoring API shapes as the pages use them, and small shared helpers.
import type { Action, RuleCheck } from '@xiezuo/shared/contracts/monitoring';
export { type Page, qs } from '../../app/api';

export interface HouseholdSummary {
  id: number;
  divisionCode: string;
  village: string | null;
  headName: string;
  category: string;
  entryDoor: string;
  isLifted: boolean;
  dibao: boolean;
  tekun: boolean;
  incomePerHead: number | null;
  incomeYear: number | null;
  status: string;
  stage: string | null;
  persons: number;
  openRisks: string[];
  lastVisitOn: string | null;
  visitDue: boolean;
  procedureWorkDays: number | null;
  procedureOverdue: boolean;
  identifiedOn: string | null;
  eliminatedOn: string | null;
  demo: boolean;
}

export interface FileMeta {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface Detail {
  household: HouseholdSummary & { address: string | null; phone: string | null; note: string | null; noticeFrom: string | null; noticeTo: string | null };
  clock: { running: boolean; workDays: number | null; limit: number; overdue: boolean; startedOn: string | null };
  members: { id: number; name: string; relation: string; gender: string; birthDate: string; idMasked: string; schooling: string; work: string; active: boolean; leftReason: string | null }[];
  risks: { id: number; kind: string; note: string | null; identifiedOn: string; closedOn: string | null }[];
  measures: { id: number; kind: string; description: string; amount: number | null; startOn: string; endOn: string | null; lastFollowUpOn: string | null; providerTeamId: number | null; providerUnitId: number | null }[];
  visits: { id: number; visitedOn: string; visitors: string; findings: string; incomePerHead: number | null; photos: FileMeta[] }[];
  steps: {
    id: number;
    procedure: string;
    action: string;
    fromStage: string | null;
    toStatus: string;
    toStage: string | null;
    actorName: string | null;
    at: string;
    comment: string | null;
    stageWorkDays: number | null;
    details: { authorisationSigned?: boolean; authorisationDate?: string; noticeFrom?: string; noticeTo?: string; overrideReason?: string; checks?: RuleCheck[] } | null;
    attachments: FileMeta[];
  }[];
  checks: RuleCheck[];
  actions: Action[];
  canReveal: boolean;
}

/** Today in China Standard Time, as the server counts it. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A file as base64 (for the JSON upload of evidence and photos). */
export function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const STATUS_COLOR: Record<string, string> = { identifying: 'blue', monitored: 'orange', eliminating: 'purple', eliminated: 'green', rejected: 'default' };
export const CATEGORY_COLOR: Record<string, string> = { unstable: 'volcano', marginal: 'gold', sudden: 'red' };
