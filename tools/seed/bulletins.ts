import { AgencyKind, FraudType, IdentifierKind, normalizeWatchList } from '@caselink/domain';
import { createDataSource, recordBulletin } from '@caselink/db';

/**
 * Demo bulletins (joint publicity), written by the api's own code. The second watches the Guangdong
 * ring's mule card. They are left unprocessed: when the worker starts, its sweep matches them against
 * the demo cases' postings (under the linker's lock, as the linker links the seeded cases) and tells
 * the recipients.
 */
interface DemoBulletin {
  publisherEmail: string;
  title: string;
  body: string;
  fraudType: FraudType;
  handling: { mayPassOn: boolean; mayUseInCourt: boolean; mustAskBeforeActing: boolean };
  kinds: AgencyKind[];
  agencyNames: string[];
  identifiers: Array<{ kind: IdentifierKind; value: string }>;
  hoursAgo: number;
}

const DEMO_BULLETINS: DemoBulletin[] = [
  {
    publisherEmail: 'supervisor@gd.demo',
    title: '冒充电商客服“退款理赔”诈骗预警',
    body: '近期多地出现冒充电商平台客服，以商品质量问题“三倍赔偿”为由，诱导受害人开通“备用金”、下载屏幕共享软件并转账的案件。\n\n请各地警方留意同类报案；电信企业对下列号码加强外呼监测。',
    fraudType: FraudType.FAKE_CUSTOMER_SERVICE,
    handling: { mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true },
    kinds: [AgencyKind.TELECOM],
    agencyNames: ['福建省公安厅', '浙江省公安厅'],
    identifiers: [{ kind: IdentifierKind.PHONE, value: '17012345678' }],
    hoursAgo: 30,
  },
  {
    publisherEmail: 'supervisor@national.demo',
    title: '警惕“汇金理财”APP高收益投资诈骗',
    body: '诈骗团伙通过社交平台以“投资导师”身份拉人进“稳赚群”，诱导下载虚假理财APP“汇金理财”，以充值、缴纳“解冻保证金”等名义多次骗取资金，受害人账户显示盈利但无法提现。\n\n已发现广东、北京、福建等多地受害人向同一收款卡转账。请各银行对下列账户开展风险排查并及时止付；各地警方发现相关线索请与发布单位联系。',
    fraudType: FraudType.INVESTMENT,
    handling: { mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true },
    kinds: [AgencyKind.BANK, AgencyKind.POLICE],
    agencyNames: [],
    identifiers: [
      { kind: IdentifierKind.BANK_CARD, value: '6217002430001234567' },
      { kind: IdentifierKind.DOMAIN, value: 'hjlc-vip.com' },
    ],
    hoursAgo: 2,
  },
];

/** Idempotent: a bulletin with the same publisher agency and title is left alone. */
export async function seedDemoBulletins(ownerUrl: string): Promise<number> {
  const ds = await createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'caselink-seed' }).initialize();
  try {
    let created = 0;
    for (const demo of DEMO_BULLETINS) {
      await ds.transaction(async (m) => {
        const [publisher] = (await m.query('SELECT id, agency_id FROM users WHERE email = $1', [demo.publisherEmail])) as Array<{ id: string; agency_id: string }>;
        if (!publisher) return;
        const exists = (await m.query('SELECT 1 FROM bulletins WHERE publisher_agency_id = $1 AND title = $2', [publisher.agency_id, demo.title])) as unknown[];
        if (exists.length > 0) return;
        const watch = normalizeWatchList(demo.identifiers);
        if (!watch.ok) throw new Error(`demo bulletin "${demo.title}" identifier ${watch.index}: ${watch.reason}`);
        const named = (await m.query('SELECT id FROM agencies WHERE name = ANY($1)', [demo.agencyNames])) as Array<{ id: string }>;
        await recordBulletin(m, {
          publisherAgencyId: publisher.agency_id, publishedBy: publisher.id, title: demo.title, body: demo.body, fraudType: demo.fraudType,
          handling: demo.handling, agencyIds: named.map((a) => a.id), kinds: demo.kinds, identifiers: watch.identifiers,
          publishedAt: new Date(Date.now() - demo.hoursAgo * 3_600_000),
        });
        created++;
      });
    }
    return created;
  } finally {
    await ds.destroy();
  }
}
