import type { DataSource } from 'typeorm';

/**
 * Refuses to run as a role that row-level security would not hold: a superuser, a BYPASSRLS role,
 * or one that owns tables (owners skip RLS unless FORCE is set; we want no such doubt).
 */
export async function assertAppRoleIsWalled(ds: DataSource): Promise<void> {
  const [role]: Array<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: string }> = await ds.query(
    `SELECT r.rolname, r.rolsuper, r.rolbypassrls,
            (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r','p'))::text AS owned
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (role.rolsuper || role.rolbypassrls || role.owned !== '0') {
    throw new Error(
      `DATABASE_URL connects as "${role.rolname}", which row-level security does not hold ` +
        `(superuser=${role.rolsuper}, bypassrls=${role.rolbypassrls}, owns ${role.owned} tables). ` +
        'Connect as the app role caselink_app (tools/scripts/provision.sh creates it).',
    );
  }
}
