import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FieldNode, GraphQLResolveInfo, Kind, SelectionNode } from 'graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

/** The largest page anyone may ask for; larger `first` is refused, not silently clipped. */
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE, { message: `must not exceed ${MAX_PAGE_SIZE}` })
  first = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string | null;
}

@ObjectType({ description: 'Where a page of a list ends, and whether more follow' })
export class PageInfo {
  @Field({ description: 'More rows follow this page: ask again with after: endCursor' }) hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page (pass it as after); null on an empty page' }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Whether the GraphQL selection of this field asks for the field at `path` (e.g. 'totalCount', 'edges.node.statements'). */
export function selects(info: GraphQLResolveInfo, path: string): boolean {
  let level: readonly SelectionNode[] = info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []);
  for (const name of path.split('.')) {
    const fields = level.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
    if (fields.length === 0) return false;
    level = fields.flatMap((f) => f.selectionSet?.selections ?? []);
  }
  return true;
}

/** A Relay connection type for `node` (UserConnection, AgencyConnection, ...). */
export function connectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: 'One row of a list with its cursor' })
  class EdgeType {
    @Field({ description: 'Opaque position of this row, for after' }) cursor: string;
    @Field(() => node, { description: 'The row' }) node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The rows of this page, in the order of the list' }) edges: EdgeType[];
    @Field(() => PageInfo, { description: 'Where this page ends' }) pageInfo: PageInfo;
    @Field(() => Int, { description: 'All matching rows; computed only when selected' }) totalCount: number;
  }
  return ConnectionType as Type<Connection<T>>;
}

/**
 * Keyset pagination, newest first by (sort column, id). The cursor names a row; the database
 * compares that row's exact values, so microsecond timestamps never skip or repeat rows (cursor
 * libraries that encode JavaScript Dates lose the microseconds). A cursor of a row the caller
 * cannot see matches nothing, since the sub-select runs under the same row-level security.
 */
export async function paginate<E extends ObjectLiteral, T>(
  query: SelectQueryBuilder<E>,
  page: PageArgs,
  toNode: (row: E) => T,
  sort: { property: string; column: string } = { property: 'createdAt', column: 'created_at' },
  withCount = true,
): Promise<Connection<T>> {
  const a = query.alias;
  const table = query.expressionMap.mainAlias?.metadata.tableName;
  // Counting every visible row costs far more than a page on big tables: only when asked for.
  const totalCount = withCount ? await query.clone().getCount() : -1;
  const q = query.clone().orderBy(`${a}.${sort.property}`, 'DESC').addOrderBy(`${a}.id`, 'DESC').take(page.first + 1);
  if (page.after) {
    const id = decodeCursor(page.after);
    q.andWhere(`(${a}.${sort.column}, ${a}.id) < (SELECT c.${sort.column}, c.id FROM ${table} c WHERE c.id = :cursorId)`, { cursorId: id });
  }
  const rows = await q.getMany();
  const hasNextPage = rows.length > page.first;
  const edges = rows.slice(0, page.first).map((row) => ({ cursor: encodeCursor(row['id'] as string), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeCursor = (id: string): string => Buffer.from(`c:${id}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  const id = text.startsWith('c:') ? text.slice(2) : '';
  if (!UUID.test(id)) throw badInput('after', 'is not a cursor of this list');
  return id;
}
