import type { DataSource } from 'typeorm';

/**
 * Refuses to run as a role that row-level security would not hold: a superuser, a BYPASSRLS role,
 * or one that owns tables (owners skip RLS unless FORCE is set; we want no such doubt). `variable`
 * and `expected` name the setting and the role it should use, for the message.
 */
export async function assertRoleIsWalled(ds: DataSource, variable = 'DATABASE_URL', expected = 'caselink_app'): Promise<void> {
  const [role]: Array<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: string }> = await ds.query(
    `SELECT r.rolname, r.rolsuper, r.rolbypassrls,
            (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r','p'))::text AS owned
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (role.rolsuper || role.rolbypassrls || role.owned !== '0') {
    throw new Error(
      `${variable} connects as "${role.rolname}", which row-level security does not hold ` +
        `(superuser=${role.rolsuper}, bypassrls=${role.rolbypassrls}, owns ${role.owned} tables). ` +
        `Connect as ${expected} (npm start / npm test create it).`,
    );
  }
}
