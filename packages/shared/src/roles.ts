// Roles and what each may do. The platform grants its own permissions here; each module grants its
// permissions to roles in its entry of modules.ts. The server checks permissions; the web hides what a
// role cannot use. An admin holds every permission.
import { sharedModules } from './modules';
import { READERS, ROLES, type Role } from './roleNames';

export { ROLES, type Role };

const EDITORS: readonly Role[] = ['hq', 'team_leader', 'team_member', 'town_staff'];

const PLATFORM_GRANTS = {
  'admin.users': [], // manage users and sessions
  'admin.calendar': [], // keep the holiday calendar (节假日与调休)
  'audit.read': ['auditor'], // read the audit log
  'sensitive.reveal': ['hq', 'team_leader', 'town_staff'], // reveal ID numbers and health data (audited)
  'ledgers.import': EDITORS,
  'ledgers.export': READERS.filter((r) => r !== 'viewer'),
} as const satisfies Record<string, readonly Role[]>;

type ModuleGrants = (typeof sharedModules)[number]['permissions'];
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
export type Permission = keyof typeof PLATFORM_GRANTS | KeysOfUnion<ModuleGrants>;

const GRANTS: [Permission, readonly Role[]][] = [
  ...(Object.entries(PLATFORM_GRANTS) as [Permission, readonly Role[]][]),
  ...sharedModules.flatMap((m) => Object.entries(m.permissions) as [Permission, readonly Role[]][]),
];

export const PERMISSIONS = GRANTS.map(([p]) => p) as [Permission, ...Permission[]];

const granted = (role: Role): readonly Permission[] =>
  role === 'admin' ? PERMISSIONS : GRANTS.filter(([, roles]) => roles.includes(role)).map(([p]) => p);

export const ROLE_PERMISSIONS = {} as Record<Role, readonly Permission[]>;
for (const role of ROLES) ROLE_PERMISSIONS[role] = granted(role);

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
