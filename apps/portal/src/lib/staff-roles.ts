/**
 * The staff workspaces, one per role (portal.md's "Who sees what"). The portal only chooses what to
 * show from the session's roles; every service refuses a call that the caller's role may not make.
 */
export const STAFF_WORKSPACES = [
  { role: 'admin', path: '/staff/admin', key: 'admin' },
  { role: 'verifier', path: '/staff/verifier', key: 'verifier' },
  { role: 'skb-officer', path: '/staff/skb', key: 'skb' },
  { role: 'panelist', path: '/staff/panelist', key: 'panel' },
  { role: 'placement-officer', path: '/staff/placement', key: 'placement' },
] as const;

export type StaffRole = (typeof STAFF_WORKSPACES)[number]['role'];

export function workspacesOf(roles: readonly string[]) {
  return STAFF_WORKSPACES.filter((w) => roles.includes(w.role));
}

export function isStaff(roles: readonly string[]): boolean {
  return workspacesOf(roles).length > 0;
}

/** Where a person lands after sign-in: their one workspace, the chooser when they have several, else the applicant's pages. */
export function homeFor(roles: readonly string[]): string {
  const workspaces = workspacesOf(roles);
  if (workspaces.length === 1) return workspaces[0].path;
  return workspaces.length > 1 ? '/staff' : '/applications';
}
