import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { ACCESS_POLICY } from '@caselink/domain';
import { routeOperation } from './access-policy';

/** Every GraphQL root field (queries, mutations, subscriptions) of a schema. */
export function rootFields(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) => (t ? Object.keys(t.getFields()) : []));
}

const joinPath = (...parts: string[]): string => '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');

/**
 * Refuses to start an api whose operations and access table differ: an operation without a rule would be
 * closed for everyone (the guard refuses unknown names), and a rule without an operation is a stale line.
 */
@Injectable()
export class AccessPolicyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** The REST routes of every controller, named as the access table names them. */
  routes(): string[] {
    const found: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance ?? {}) as object;
      if (!wrapper.metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = (proto as Record<string, unknown>)[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[];
        for (const p of Array.isArray(path) ? path : [path]) found.push(routeOperation(RequestMethod[method], joinPath(base, p)));
      }
    }
    return found;
  }

  operations(): string[] {
    return [...rootFields(this.schemaHost.schema), ...this.routes()];
  }

  onApplicationBootstrap(): void {
    const operations = this.operations();
    const unruled = operations.filter((o) => !Object.prototype.hasOwnProperty.call(ACCESS_POLICY, o));
    const stale = Object.keys(ACCESS_POLICY).filter((o) => !operations.includes(o));
    if (unruled.length > 0 || stale.length > 0) {
      throw new Error(
        `The access table (libs/domain/src/access-policy.ts) and the api differ. Operations without a rule: ${unruled.join(', ') || 'none'}; ` +
          `rules without an operation: ${stale.join(', ') || 'none'}`,
      );
    }
  }
}
