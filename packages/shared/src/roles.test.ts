// Who may do what: the platform's grants (roles.ts) and each module's (modules.ts) make one table.
import { describe, expect, it } from 'vitest';
import { sharedModules } from './modules';
import { can, PERMISSIONS, type Permission, ROLE_PERMISSIONS } from './roles';

describe('roles and permissions', () => {
  it('gives each role what it is meant to have', () => {
    const sorted = (role: keyof typeof ROLE_PERMISSIONS) => [...ROLE_PERMISSIONS[role]].sort();
    // the domain modules grant alike: reading to every reader, recording to the teams, the towns and HQ
    const domains = ['funds', 'industry', 'labour', 'consumption', 'social'];
    const read = domains.map((d) => `${d}.read` as Permission);
    const write = domains.map((d) => `${d}.write` as Permission);
    // assessment (考核评价): everyone reads; the assessed parties submit; only HQ reviews and manages
    const assessed = ['assessment.read', 'assessment.submit'];
    expect(sorted('viewer')).toEqual(['assessment.read', 'indicators.read', 'monitoring.read', 'registry.read', ...read].sort());
    expect(sorted('auditor')).toEqual(['audit.read']);
    expect(sorted('town_staff')).toEqual(
      [
        'indicators.read',
        'ledgers.export',
        'ledgers.import',
        'monitoring.read',
        'monitoring.review',
        'monitoring.write',
        'registry.read',
        'sensitive.reveal',
        ...assessed,
        ...read,
        ...write,
      ].sort(),
    );
    expect(sorted('team_member')).toEqual(
      [
        'indicators.read',
        'ledgers.export',
        'ledgers.import',
        'monitoring.read',
        'monitoring.write',
        'registry.read',
        'registry.write',
        'reports.generate',
        ...assessed,
        ...read,
        ...write,
      ].sort(),
    );
    expect(can('team_leader', 'targets.write')).toBe(true);
    expect(can('team_leader', 'registry.reference')).toBe(false);
    expect(can('hq', 'registry.reference')).toBe(true);
    expect(can('hq', 'admin.users')).toBe(false);
    for (const w of write)
      expect([can('hq', w), can('team_leader', w), can('viewer', w), can('auditor', w)], w).toEqual([true, true, false, false]);
    expect([can('hq', 'assessment.review'), can('team_leader', 'assessment.review'), can('team_leader', 'assessment.agree')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(ROLE_PERMISSIONS.admin).toEqual(PERMISSIONS);
  });

  it('names each permission once, a module granting only under its own key or a shared kernel’s', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const m of sharedModules) for (const p of Object.keys(m.permissions)) expect(p.split('.')[0]).toMatch(/^[a-z]+$/);
  });
});
