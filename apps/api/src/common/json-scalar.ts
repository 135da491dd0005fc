import { GraphQLScalarType, Kind, ValueNode } from 'graphql';

/** Free-form JSON for figures whose shape is informational (relink statistics); never for input. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value (output only)',
  serialize: (v) => v,
  parseValue: () => {
    throw new TypeError('JSON is an output-only scalar');
  },
  parseLiteral: (_: ValueNode) => {
    if (_.kind !== Kind.NULL) throw new TypeError('JSON is an output-only scalar');
    return null;
  },
});
