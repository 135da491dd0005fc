import {
  GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType, lexicographicSortSchema,
  printSchema,
} from 'graphql';

/** schema.graphql at the repository root: the api's GraphQL schema, checked in (`npm run schema:graphql` writes it). */
export const SCHEMA_FILE = 'schema.graphql';

const HEADER = [
  '# CaseLink GraphQL API: the schema the api serves at /graphql, with its documentation (the descriptions).',
  '# Generated from the code-first models and resolvers in apps/api/src by `npm run schema:graphql`; do not edit.',
  '# `npm test` fails when the code and this file differ.',
].join('\n');

/** The schema as schema.graphql holds it: sorted by name, descriptions included, after a header. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${HEADER}\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

const blank = (description: string | null | undefined): boolean => !description?.trim();

/**
 * Everything of the schema without a description, as coordinates: `Type`, `Type.field`, `Type.field(argument)`,
 * `Enum.VALUE`, `Input.field` (the built-in scalars and introspection types excepted).
 */
export function undocumented(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(lexicographicSortSchema(schema).getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) out.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) out.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (blank(arg.description)) out.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (blank(value.description)) out.push(`${type.name}.${value.name}`);
  }
  return out;
}
