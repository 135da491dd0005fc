import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyKind } from '@caselink/domain';
import { AgencyRef } from './case.model';

const TTL_MS = 60_000;

/**
 * Names, kinds and regions of all agencies (agency_directory(), the one directory fact that crosses
 * the wall), cached briefly: agencies are created rarely and every case page names several.
 */
@Injectable()
export class AgencyDirectory {
  private cache: { at: number; byId: Map<string, AgencyRef> } | undefined;

  constructor(private readonly ds: DataSource) {}

  async all(): Promise<Map<string, AgencyRef>> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return this.cache.byId;
    const rows: Array<{ id: string; name: string; name_en: string; kind: AgencyKind; region: string }> = await this.ds.query('SELECT * FROM agency_directory()');
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, nameEn: r.name_en, kind: r.kind, region: r.region }]));
    this.cache = { at: Date.now(), byId };
    return byId;
  }

  async get(id: string): Promise<AgencyRef> {
    let ref = (await this.all()).get(id);
    if (!ref) {
      this.cache = undefined; // created since the last load
      ref = (await this.all()).get(id);
    }
    if (!ref) throw new Error(`Agency ${id} is not in the directory`);
    return ref;
  }

  async police(): Promise<AgencyRef[]> {
    return [...(await this.all()).values()].filter((a) => a.kind === AgencyKind.POLICE);
  }
}
