/**
 * PostgreSQL roles. The owner runs migrations and owns every table (and has BYPASSRLS so that the
 * few SECURITY DEFINER functions it owns can cross the agency wall); the app role owns nothing, has
 * no BYPASSRLS, and is what the api and worker connect as.
 */
export const OWNER_ROLE = 'caselink_owner';
export const APP_ROLE = 'caselink_app';
/**
 * The worker's linking role: reads every case's identifier values (and nothing else of a case), writes
 * postings, series and hub flags. No BYPASSRLS either: its reach is spelt out in policies TO this role.
 */
export const LINKER_ROLE = 'caselink_linker';
