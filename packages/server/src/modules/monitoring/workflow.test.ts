// Every transition of the review chain, and every refusal, as a table.
import { ACTIONS, type Action, STAGES, STATUSES, type Stage, type Status } from '@xiezuo/shared/contracts/monitoring';
import { ROLE_PERMISSIONS } from '@xiezuo/shared/roles';
import { describe, expect, it } from 'vitest';
import { checkElimination, hasWorkingAgeLabour } from './rules';
import { workDaysBetween } from './workdays';
import { allowedActions, type Level, transition, type WfInput, type WfState } from './workflow';

const TODAY = '2025-09-15';
const staff = (level: Level | null = 'village') => ({ permissions: ROLE_PERMISSIONS.town_staff, level });
const member = (level: Level | null = 'village') => ({ permissions: ROLE_PERMISSIONS.team_member, level }); // write, no review
const viewer = { permissions: ROLE_PERMISSIONS.viewer, level: 'county' as Level };
const county = staff('county');
const ok = { comment: '材料齐全', authorisationSigned: true, noticeFrom: '2025-09-01', noticeTo: '2025-09-05', today: TODAY };
const s = (status: Status, stage: Stage | null, noticeTo: string | null = null): WfState => ({ status, stage, noticeTo });

// [name, from, actor, input, expected next status/stage]
const allowed: [string, WfState, ReturnType<typeof staff>, Partial<WfInput> & { action: Action }, Status, Stage | null][] = [
  ['入户核实 with signed authorisation', s('identifying', 'verify'), staff(), { action: 'verify' }, 'identifying', 'village'],
  ['入户核实 by a team member (write)', s('identifying', 'verify'), member(), { action: 'verify' }, 'identifying', 'village'],
  ['村级评议公示 for 5 days', s('identifying', 'village'), staff(), { action: 'publicise' }, 'identifying', 'town'],
  [
    '乡镇审核 after the notice ended',
    s('identifying', 'town', '2025-09-05'),
    staff('town'),
    { action: 'town_approve' },
    'identifying',
    'county',
  ],
  ['县级确定 → monitored', s('identifying', 'county'), county, { action: 'county_approve' }, 'monitored', null],
  ['return from village to verify', s('identifying', 'village'), staff(), { action: 'return' }, 'identifying', 'verify'],
  ['return from town to village', s('identifying', 'town'), staff('town'), { action: 'return' }, 'identifying', 'village'],
  ['return from county to town', s('identifying', 'county'), county, { action: 'return' }, 'identifying', 'town'],
  ['reject at verify (write)', s('identifying', 'verify'), member(), { action: 'reject' }, 'rejected', null],
  ['reject at village', s('identifying', 'village'), staff(), { action: 'reject' }, 'rejected', null],
  ['reject at town', s('identifying', 'town'), staff('town'), { action: 'reject' }, 'rejected', null],
  ['reject at county', s('identifying', 'county'), county, { action: 'reject' }, 'rejected', null],
  ['propose elimination', s('monitored', null), staff(), { action: 'propose_elimination' }, 'eliminating', 'verify'],
  [
    'elimination verify needs no authorisation',
    s('eliminating', 'verify'),
    staff(),
    { action: 'verify', authorisationSigned: undefined },
    'eliminating',
    'village',
  ],
  ['elimination publicise', s('eliminating', 'village'), staff(), { action: 'publicise' }, 'eliminating', 'town'],
  ['elimination town audit', s('eliminating', 'town', '2025-09-05'), staff('town'), { action: 'town_approve' }, 'eliminating', 'county'],
  ['elimination county → eliminated', s('eliminating', 'county'), county, { action: 'county_approve' }, 'eliminated', null],
  ['elimination rejected → still monitored', s('eliminating', 'town'), staff('town'), { action: 'reject' }, 'monitored', null],
  ['elimination return', s('eliminating', 'county'), county, { action: 'return' }, 'eliminating', 'town'],
  [
    'override a warning with a reason',
    s('eliminating', 'county'),
    county,
    { action: 'county_approve', warnings: ['hasLabour'], overrideReason: '兜底保障已落实' },
    'eliminated',
    null,
  ],
  ['elimination rejected at verify', s('eliminating', 'verify'), staff(), { action: 'reject' }, 'monitored', null],
  ['elimination returned from village', s('eliminating', 'village'), staff(), { action: 'return' }, 'eliminating', 'verify'],
  ['elimination rejected at village', s('eliminating', 'village'), staff(), { action: 'reject' }, 'monitored', null],
  ['elimination returned from town', s('eliminating', 'town'), staff('town'), { action: 'return' }, 'eliminating', 'village'],
  ['elimination rejected at county', s('eliminating', 'county'), county, { action: 'reject' }, 'monitored', null],
  ['a county user may do village steps', s('identifying', 'verify'), county, { action: 'verify' }, 'identifying', 'village'],
];

describe('review chain: allowed transitions', () => {
  it.each(allowed)('%s', (_n, from, actor, input, status, stage) => {
    const r = transition(from, actor, { ...ok, ...input });
    expect(r).toMatchObject({ ok: true, next: { status, stage } });
  });
});

// [name, from, actor, input, refusal]
const refused: [
  string,
  WfState,
  { permissions: readonly never[] | typeof ROLE_PERMISSIONS.viewer; level: Level | null },
  Partial<WfInput> & { action: Action },
  object,
][] = [
  [
    'verify without signed authorisation',
    s('identifying', 'verify'),
    staff(),
    { action: 'verify', authorisationSigned: false },
    { kind: 'field', field: 'authorisationSigned' },
  ],
  ['verify outside scope', s('identifying', 'verify'), staff(null), { action: 'verify' }, { kind: 'scope' }],
  ['verify by a viewer', s('identifying', 'verify'), viewer, { action: 'verify' }, { kind: 'permission' }],
  ['publicise by a team member (no review)', s('identifying', 'village'), member(), { action: 'publicise' }, { kind: 'permission' }],
  [
    'publicise for 4 days',
    s('identifying', 'village'),
    staff(),
    { action: 'publicise', noticeTo: '2025-09-04' },
    { kind: 'field', field: 'noticeTo' },
  ],
  [
    'publicise without dates',
    s('identifying', 'village'),
    staff(),
    { action: 'publicise', noticeFrom: undefined },
    { kind: 'field', field: 'noticeFrom' },
  ],
  [
    'publicise starting in the future',
    s('identifying', 'village'),
    staff(),
    { action: 'publicise', noticeFrom: '2025-09-20', noticeTo: '2025-09-30' },
    { kind: 'field', field: 'noticeFrom' },
  ],
  [
    'town audit while the notice runs',
    s('identifying', 'town', '2025-09-15'),
    staff('town'),
    { action: 'town_approve' },
    { kind: 'field', field: 'action' },
  ],
  [
    'town audit by village staff',
    s('identifying', 'town', '2025-09-05'),
    staff('village'),
    { action: 'town_approve' },
    { kind: 'level', needed: 'town' },
  ],
  [
    'county decision by town staff',
    s('identifying', 'county'),
    staff('town'),
    { action: 'county_approve' },
    { kind: 'level', needed: 'county' },
  ],
  [
    'return without a comment',
    s('identifying', 'town'),
    staff('town'),
    { action: 'return', comment: ' ' },
    { kind: 'field', field: 'comment' },
  ],
  [
    'reject without a comment',
    s('identifying', 'county'),
    county,
    { action: 'reject', comment: undefined },
    { kind: 'field', field: 'comment' },
  ],
  ['return from the first step', s('identifying', 'verify'), staff(), { action: 'return' }, { kind: 'state' }],
  ['return by village staff at county', s('identifying', 'county'), staff(), { action: 'return' }, { kind: 'level', needed: 'county' }],
  [
    'propose elimination of a household being identified',
    s('identifying', 'verify'),
    staff(),
    { action: 'propose_elimination' },
    { kind: 'state' },
  ],
  [
    'propose elimination with warnings, no reason',
    s('monitored', null),
    staff(),
    { action: 'propose_elimination', warnings: ['noOpenRisk'] },
    { kind: 'field', field: 'overrideReason' },
  ],
  [
    'county decision past warnings, no reason',
    s('eliminating', 'county'),
    county,
    { action: 'county_approve', warnings: ['hasMeasure'], overrideReason: '' },
    { kind: 'field', field: 'overrideReason' },
  ],
  ['propose elimination outside scope', s('monitored', null), staff(null), { action: 'propose_elimination' }, { kind: 'scope' }],
];

describe('review chain: refused transitions', () => {
  it.each(refused)('%s', (_n, from, actor, input, refusal) => {
    const r = transition(from, actor as never, { ...ok, ...input });
    expect(r).toMatchObject({ ok: false, refusal });
  });

  // every action at every state that has no rule is refused as a state error, for an all-powerful actor
  const legal = new Set(allowed.map(([, f, , i]) => `${f.status}/${f.stage}/${i.action}`));
  const combos: [Status, Stage | null, Action][] = [];
  for (const status of STATUSES)
    for (const stage of [...STAGES, null])
      for (const action of ACTIONS) if (!legal.has(`${status}/${stage}/${action}`)) combos.push([status, stage, action]);
  it.each(combos)('%s at %s: %s is refused', (status, stage, action) => {
    const r = transition(s(status, stage, '2025-09-05'), county, { ...ok, action });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.kind).toBe('state');
  });

  it('offers only the buttons a user may press', () => {
    expect(allowedActions(s('identifying', 'town', '2025-09-05'), staff('village'), TODAY)).toEqual([]);
    expect(allowedActions(s('identifying', 'town', '2025-09-05'), staff('town'), TODAY)).toEqual(['town_approve', 'return', 'reject']);
    expect(allowedActions(s('monitored', null), member(), TODAY)).toEqual(['propose_elimination']);
    expect(allowedActions(s('eliminated', null), county, TODAY)).toEqual([]);
  });
});

describe('working days and elimination rules', () => {
  it('counts working days without weekends and public holidays, with the swapped working weekends', () => {
    expect(workDaysBetween('2025-09-12', '2025-09-15')).toBe(1); // Fri → Mon
    expect(workDaysBetween('2025-09-01', '2025-09-26')).toBe(19);
    expect(workDaysBetween('2025-09-01', '2025-09-28')).toBe(20); // Sunday 9-28 is 调休上班
    expect(workDaysBetween('2025-09-30', '2025-10-09')).toBe(1); // 10-1…10-8 国庆节、中秋节
    expect(workDaysBetween('2025-09-15', '2025-09-15')).toBe(0);
  });

  it('warns on every failed rule and passes a settled household', () => {
    const adult = { birthDate: '1980-01-01', schooling: 'not_in_school', work: 'local_work', health: 'healthy' };
    const good = {
      today: TODAY,
      monitoredSince: '2025-03-15',
      measures: 1,
      incomePerHead: 9000,
      incomeYear: 2025,
      line: 7800,
      openRisks: 0,
      members: [adult],
    };
    expect(checkElimination(good).every((r) => r.ok)).toBe(true);
    const bad = checkElimination({
      ...good,
      monitoredSince: '2025-03-16',
      measures: 0,
      incomePerHead: 7800,
      openRisks: 2,
      members: [{ ...adult, birthDate: '1950-01-01' }],
    });
    expect(bad.filter((r) => !r.ok).map((r) => r.rule)).toEqual([
      'monitoredSixMonths',
      'hasMeasure',
      'incomeAboveLine',
      'noOpenRisk',
      'hasLabour',
    ]);
    expect(hasWorkingAgeLabour([{ ...adult, birthDate: '2008-01-01', schooling: 'college' }], TODAY)).toBe(false);
    expect(checkElimination({ ...good, line: null }).find((r) => r.rule === 'incomeAboveLine')?.ok).toBe(false);
  });
});
