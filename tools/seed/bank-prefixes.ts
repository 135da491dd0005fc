import type { Client } from 'pg';
import { bankPrefixProblem } from '@caselink/domain';

/**
 * The demo banks' card BINs and account-number prefixes (issue 16): what each bank's admin would register on its
 * bank-routing page, so that every freeze of the demo finds the bank that issues its account (an account goes to the
 * bank of its longest registered prefix). Real BINs of the four banks the demo's payment trails name, covering every
 * demo account at these banks (demo-cases.ts, demo-ring.ts): ABC 622848… (the Guangdong case's emergency stop),
 * CCB 621700… (the ring's mule card), ICBC 622202…/621226…, CMB 621483…/622588…, and ABC's company accounts 1030….
 * Victims' own cards at other banks (BOC, PSBC, Bank of Communications …) stay unregistered: no such bank in the demo.
 */
export const DEMO_BANK_PREFIXES: Array<{ bankKey: string; label: string; prefixes: string[] }> = [
  { bankKey: 'icbc', label: '牡丹灵通卡（借记卡）ICBC Peony debit cards', prefixes: ['622202', '622208', '621226', '621225', '622200'] },
  { bankKey: 'abc', label: '金穗借记卡 ABC Golden Harvest debit cards', prefixes: ['622848', '622845', '622846', '622849'] },
  { bankKey: 'abc', label: '单位结算账户 ABC company accounts', prefixes: ['1030'] },
  { bankKey: 'ccb', label: '龙卡储蓄卡 CCB Dragon debit cards', prefixes: ['621700', '622700', '436742', '622280'] },
  { bankKey: 'cmb', label: '一卡通（借记卡）CMB All-in-One debit cards', prefixes: ['621483', '621485', '621486', '622588', '622580'] },
  // The demo's case "冒充电商客服" names 招商银行 for this account range (demo-cases.ts): a longer prefix than any BIN.
  { bankKey: 'cmb', label: '一卡通（演示账户段）CMB demo account range', prefixes: ['6217856'] },
];

/**
 * Registers the demo prefixes, idempotently, as the owner role (like the rest of the seed), each added by its bank's
 * admin (or, without one, its first user). Runs before the demo's requests are written: PostgreSQL then checks that
 * each demo freeze goes to the bank that issues its account.
 */
export async function seedDemoBankPrefixes(db: Client, agencyIds: Map<string, string>): Promise<number> {
  let added = 0;
  for (const { bankKey, label, prefixes } of DEMO_BANK_PREFIXES) {
    const agencyId = agencyIds.get(bankKey);
    if (!agencyId) throw new Error(`demo bank ${bankKey} is not among the demo agencies`);
    for (const p of prefixes) {
      const problem = bankPrefixProblem(p);
      if (problem) throw new Error(`demo prefix ${p}: ${problem}`);
    }
    const { rowCount } = await db.query(
      `INSERT INTO bank_prefixes (prefix, agency_id, label, added_by)
       SELECT p, $1, $2, (SELECT u.id FROM users u WHERE u.agency_id = $1 ORDER BY 'ADMIN' = ANY (u.roles) DESC, u.created_at LIMIT 1)
       FROM unnest($3::text[]) AS p
       ON CONFLICT (prefix) DO NOTHING`,
      [agencyId, label, prefixes],
    );
    added += rowCount ?? 0;
  }
  return added;
}
