// The roles (角色) a user can have; what each may do is granted in roles.ts and by each module (modules.ts).
export const ROLES = ['admin', 'hq', 'team_leader', 'team_member', 'town_staff', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who reads what every domain module shows (its lists, dashboards and exports). */
export const READERS: readonly Role[] = ['hq', 'team_leader', 'team_member', 'town_staff', 'viewer'];
