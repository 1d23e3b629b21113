// 认定与风险消除的审核流程 as a pure state machine: given a household's state, the acting user and the
// request, either the next state or the reason it is refused. No I/O here, so every transition and
// every refusal is tested in a table (workflow.test.ts).
import { type Action, NOTICE_MIN_DAYS, type Stage, type Status } from '@xiezuo/shared/contracts/monitoring';
import type { Permission } from '@xiezuo/shared/roles';

/** How far the acting user's scope reaches over the household's village. */
export type Level = 'village' | 'town' | 'county';
const RANK: Record<Level, number> = { village: 1, town: 2, county: 3 };

export interface WfState {
  status: Status;
  stage: Stage | null;
  noticeTo?: string | null; // last day of the village public notice (inclusive)
}

export interface WfActor {
  permissions: readonly Permission[];
  level: Level | null; // null: the village is outside the user's scope
}

export interface WfInput {
  action: Action;
  today: string; // YYYY-MM-DD, China time
  comment?: string;
  authorisationSigned?: boolean;
  noticeFrom?: string;
  noticeTo?: string;
  overrideReason?: string;
  /** Failed elimination rules (warnings) for the household right now. */
  warnings?: string[];
}

export type Refusal =
  | { kind: 'state' }
  | { kind: 'permission' }
  | { kind: 'scope' }
  | { kind: 'level'; needed: Level }
  | { kind: 'field'; field: string; key: string; params?: Record<string, unknown> };

export type WfResult = { ok: true; next: WfState; procedureEnds: boolean } | { ok: false; refusal: Refusal };

export { NOTICE_MIN_DAYS };

interface Rule {
  from: Stage | 'none';
  statuses: Status[];
  permission: Permission;
  level: Level;
}

// Who may do what, where. Return/reject take the level of the stage they act on.
const RULES: Record<Exclude<Action, 'return' | 'reject'>, Rule> = {
  propose_elimination: { from: 'none', statuses: ['monitored'], permission: 'monitoring.write', level: 'village' },
  verify: { from: 'verify', statuses: ['identifying', 'eliminating'], permission: 'monitoring.write', level: 'village' },
  publicise: { from: 'village', statuses: ['identifying', 'eliminating'], permission: 'monitoring.review', level: 'village' },
  town_approve: { from: 'town', statuses: ['identifying', 'eliminating'], permission: 'monitoring.review', level: 'town' },
  county_approve: { from: 'county', statuses: ['identifying', 'eliminating'], permission: 'monitoring.review', level: 'county' },
};
const STAGE_LEVEL: Record<Stage, Level> = { verify: 'village', village: 'village', town: 'town', county: 'county' };
const PREVIOUS: Partial<Record<Stage, Stage>> = { village: 'verify', town: 'village', county: 'town' };
const NEXT: Partial<Record<Stage, Stage>> = { verify: 'village', village: 'town', town: 'county' };

const refuse = (refusal: Refusal): WfResult => ({ ok: false, refusal });
const field = (f: string, key: string, params?: Record<string, unknown>) => refuse({ kind: 'field', field: f, key, params });

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function authorise(actor: WfActor, permission: Permission, level: Level): Refusal | null {
  if (!actor.permissions.includes(permission)) return { kind: 'permission' };
  if (!actor.level) return { kind: 'scope' };
  if (RANK[actor.level] < RANK[level]) return { kind: 'level', needed: level };
  return null;
}

export function transition(state: WfState, actor: WfActor, input: WfInput): WfResult {
  const { action } = input;
  const inProcedure = (state.status === 'identifying' || state.status === 'eliminating') && state.stage !== null;

  if (action === 'return' || action === 'reject') {
    if (!inProcedure || !state.stage) return refuse({ kind: 'state' });
    if (action === 'return' && !PREVIOUS[state.stage]) return refuse({ kind: 'state' });
    const permission: Permission = state.stage === 'verify' ? 'monitoring.write' : 'monitoring.review';
    const denied = authorise(actor, permission, STAGE_LEVEL[state.stage]);
    if (denied) return refuse(denied);
    if (!input.comment?.trim()) return field('comment', 'monitoring.refused.commentRequired');
    if (action === 'return') return { ok: true, next: { ...state, stage: PREVIOUS[state.stage]! }, procedureEnds: false };
    // rejecting an identification ends it; rejecting an elimination keeps the household monitored
    const status: Status = state.status === 'identifying' ? 'rejected' : 'monitored';
    return { ok: true, next: { status, stage: null, noticeTo: null }, procedureEnds: true };
  }

  const rule = RULES[action];
  const atStage = rule.from === 'none' ? state.stage === null : state.stage === rule.from;
  if (!rule.statuses.includes(state.status) || !atStage) return refuse({ kind: 'state' });
  const denied = authorise(actor, rule.permission, rule.level);
  if (denied) return refuse(denied);

  // Elimination: the rules warn, people decide — going on past a warning needs a recorded reason.
  const eliminating = state.status === 'eliminating' || action === 'propose_elimination';
  if (eliminating && (input.warnings?.length ?? 0) > 0 && !input.overrideReason?.trim()) {
    return field('overrideReason', 'monitoring.refused.overrideRequired', { rules: input.warnings!.length });
  }

  switch (action) {
    case 'propose_elimination':
      return { ok: true, next: { status: 'eliminating', stage: 'verify', noticeTo: null }, procedureEnds: false };
    case 'verify':
      if (state.status === 'identifying' && input.authorisationSigned !== true)
        return field('authorisationSigned', 'monitoring.refused.authorisation');
      return { ok: true, next: { ...state, stage: NEXT.verify! }, procedureEnds: false };
    case 'publicise': {
      if (!input.noticeFrom) return field('noticeFrom', 'validation.required');
      if (!input.noticeTo) return field('noticeTo', 'validation.required');
      const days = daysBetween(input.noticeFrom, input.noticeTo) + 1;
      if (days < NOTICE_MIN_DAYS) return field('noticeTo', 'monitoring.refused.noticeShort', { min: NOTICE_MIN_DAYS, days });
      if (input.noticeFrom > input.today) return field('noticeFrom', 'monitoring.refused.noticeFuture');
      return { ok: true, next: { ...state, stage: 'town', noticeTo: input.noticeTo }, procedureEnds: false };
    }
    case 'town_approve':
      // the town may audit only after the public notice has run its full course
      if (state.noticeTo && input.today <= state.noticeTo)
        return field('action', 'monitoring.refused.noticeRunning', { until: state.noticeTo });
      return { ok: true, next: { ...state, stage: 'county' }, procedureEnds: false };
    case 'county_approve': {
      const status: Status = state.status === 'identifying' ? 'monitored' : 'eliminated';
      return { ok: true, next: { status, stage: null, noticeTo: null }, procedureEnds: true };
    }
  }
}

/** The actions the user may try now (buttons); a field-level refusal still counts as allowed. */
export function allowedActions(state: WfState, actor: WfActor, today: string): Action[] {
  const all: Action[] = ['verify', 'publicise', 'town_approve', 'county_approve', 'return', 'reject', 'propose_elimination'];
  return all.filter((action) => {
    const r = transition(state, actor, {
      action,
      today,
      comment: 'x',
      authorisationSigned: true,
      noticeFrom: today,
      noticeTo: today,
      overrideReason: 'x',
    });
    return r.ok || r.refusal.kind === 'field';
  });
}
