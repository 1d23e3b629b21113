// Roles and what each may do. The server checks permissions; the web hides what a role cannot use.
export const ROLES = ['admin', 'hq', 'team_leader', 'team_member', 'town_staff', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'admin.users', // manage users and sessions
  'admin.calendar', // keep the holiday calendar (节假日与调休)
  'audit.read', // read the audit log
  'registry.read',
  'registry.write',
  'registry.reference', // reference data every scope shares: division history (rename/move/merge/split), programmes
  'monitoring.read',
  'monitoring.write',
  'monitoring.review', // village/town/county steps of the review chain
  'sensitive.reveal', // reveal ID numbers and health data (audited)
  'indicators.read',
  'targets.write',
  'reports.generate',
  'ledgers.import',
  'ledgers.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['registry.read', 'monitoring.read', 'indicators.read', 'ledgers.export'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  hq: [...READ_ALL, 'registry.write', 'registry.reference', 'monitoring.write', 'monitoring.review', 'sensitive.reveal', 'targets.write', 'reports.generate', 'ledgers.import'],
  team_leader: [...READ_ALL, 'registry.write', 'monitoring.write', 'monitoring.review', 'sensitive.reveal', 'targets.write', 'reports.generate', 'ledgers.import'],
  team_member: [...READ_ALL, 'registry.write', 'monitoring.write', 'reports.generate', 'ledgers.import'],
  town_staff: [...READ_ALL, 'monitoring.write', 'monitoring.review', 'sensitive.reveal', 'ledgers.import'],
  viewer: ['registry.read', 'monitoring.read', 'indicators.read'],
  auditor: ['audit.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
