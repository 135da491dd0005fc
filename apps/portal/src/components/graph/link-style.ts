import { IdentifierKind } from '@caselink/domain';

/** Cytoscape shape and colour per kind of clue: the legend and the graph read the same table. */
export const KIND_LOOK: Record<IdentifierKind, { shape: string; color: string }> = {
  [IdentifierKind.BANK_CARD]: { shape: 'diamond', color: '#0f766e' },
  [IdentifierKind.BANK_ACCOUNT]: { shape: 'round-diamond', color: '#15803d' },
  [IdentifierKind.PHONE]: { shape: 'ellipse', color: '#7c3aed' },
  [IdentifierKind.IMEI]: { shape: 'octagon', color: '#6d28d9' },
  [IdentifierKind.IP]: { shape: 'hexagon', color: '#0369a1' },
  [IdentifierKind.URL]: { shape: 'tag', color: '#b45309' },
  [IdentifierKind.DOMAIN]: { shape: 'round-tag', color: '#c2410c' },
  [IdentifierKind.CRYPTO_WALLET]: { shape: 'pentagon', color: '#a16207' },
  [IdentifierKind.SOCIAL_ACCOUNT]: { shape: 'triangle', color: '#db2777' },
  [IdentifierKind.APP]: { shape: 'barrel', color: '#4338ca' },
  [IdentifierKind.ID_NUMBER]: { shape: 'vee', color: '#9f1239' },
};

/** Agencies get colours in the order they first appear (the root case's agency first), so colours stay put as the graph grows. */
export const AGENCY_PALETTE = ['#1d4ed8', '#c2410c', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#a16207', '#1e3a8a', '#86198f'];

export const CASE_SHAPE = 'round-rectangle';
export const SERIES_LOOK = { shape: 'star', color: '#f5c542', border: '#0f2a4a' };
export const HIDDEN_LOOK = { shape: 'ellipse', color: '#d1d5db', border: '#6b7280' };
export const ROOT_BORDER = '#f5c542';

/** SVG points (in a 20×20 box) that resemble each cytoscape shape, for the legend. */
const POLYGONS: Record<string, string> = {
  diamond: '10,1 19,10 10,19 1,10',
  'round-diamond': '10,2 18,10 10,18 2,10',
  octagon: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6',
  hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
  tag: '1,4 13,4 19,10 13,16 1,16',
  'round-tag': '2,5 13,5 18,10 13,15 2,15',
  pentagon: '10,1 19,8 15,19 5,19 1,8',
  triangle: '10,2 19,18 1,18',
  vee: '1,3 10,9 19,3 10,19',
  star: '10,1 12.6,7.2 19,7.6 14,11.8 15.6,18.4 10,14.8 4.4,18.4 6,11.8 1,7.6 7.4,7.2',
};

export function shapeSvg(shape: string): { kind: 'polygon'; points: string } | { kind: 'ellipse' } | { kind: 'rect'; rx: number } {
  if (shape === 'ellipse') return { kind: 'ellipse' };
  if (shape === 'round-rectangle' || shape === 'barrel') return { kind: 'rect', rx: shape === 'barrel' ? 6 : 4 };
  return { kind: 'polygon', points: POLYGONS[shape] ?? POLYGONS.diamond };
}
