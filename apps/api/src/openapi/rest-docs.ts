import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { ACCESS_POLICY, AccessRule, AgencyKind, Operation } from '@caselink/domain';
import type { ErrorCode } from '../common/errors';

/**
 * What the REST routes' @nestjs/swagger decorators share: the JSON error body, the access table's "who may call" text
 * and the bearer scheme. Decorators only describe: nothing here changes what a route does. `npm run openapi` writes the
 * document (openapi.json); apps/api/src/openapi/openapi.int-spec.ts fails when it is stale.
 */

/** The bearer scheme's name in the document (DocumentBuilder.addBearerAuth). */
export const BEARER = 'bearer';

/** `extensions` of a REST error: the code clients switch on, the field a bad value came in, and whatever the code adds. */
export class RestErrorExtensions {
  @ApiProperty({
    description: 'Stable error code (the same codes as the GraphQL errors)',
    enum: ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'GONE', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'TIMEOUT', 'INTERNAL_SERVER_ERROR'],
  })
  code!: ErrorCode;

  @ApiPropertyOptional({ description: 'BAD_USER_INPUT and PAYLOAD_TOO_LARGE: the parameter or form field at fault (e.g. caseId, file)' })
  field?: string;
}

export class RestError {
  @ApiProperty({ description: 'What went wrong, for people (FORBIDDEN and some others in English and Chinese)' })
  message!: string;

  @ApiProperty({
    type: RestErrorExtensions,
    description: 'Further keys by code: reason, operation and roles (FORBIDDEN), entity and id (NOT_FOUND, GONE), purgedAt (GONE), maxBytes (PAYLOAD_TOO_LARGE), '
      + 'reason and timeoutSeconds (TIMEOUT)',
  })
  extensions!: RestErrorExtensions;
}

/** Every refusal of a REST route: `{ errors: [{ message, extensions: { code, field? } }] }`, as GraphQL errors look. */
export class RestErrorBody {
  @ApiProperty({ type: [RestError], minItems: 1, maxItems: 1 })
  errors!: RestError[];
}

const ERROR_CODES = {
  400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 410: 'GONE', 413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_SERVER_ERROR', 504: 'TIMEOUT',
} as const satisfies Record<number, ErrorCode>;
export type ErrorStatus = keyof typeof ERROR_CODES;

/**
 * One refusal a route really answers: the status, its code, when, and an example body. Always JSON, whatever the route
 * produces when it succeeds (a CSV, a file).
 */
export function ApiErrorResponse(status: ErrorStatus, when: string, example: { message: string; field?: string; [key: string]: unknown }): MethodDecorator & ClassDecorator {
  const { message, ...extensions } = example;
  return ApiResponse({
    status,
    description: `${ERROR_CODES[status]}: ${when}`,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/RestErrorBody' },
        example: { errors: [{ message, extensions: { code: ERROR_CODES[status], ...extensions } }] },
      },
    },
  });
}

/**
 * 401 and 403 as every signed-in route answers them (the one guard, before the route runs); `alsoForbidden` adds the
 * route's own FORBIDDEN (a READ share, a handling code). One response per status: a second @ApiResponse would replace it.
 */
export function ApiSignedInErrors(route: Operation, alsoForbidden?: string): MethodDecorator {
  return applyDecorators(
    ApiErrorResponse(401, 'no access token, or an invalid or expired one (`Authorization: Bearer …`), or the account is deactivated or the session has ended or is locked', {
      message: 'Your session has expired or the token is invalid', reason: 'INVALID_TOKEN',
    }),
    ApiErrorResponse(403, "the access table does not let the caller's agency kind and roles call this route (reason ACCESS_TABLE; roles: who may), " +
      `or the agency requires a second factor the caller has not enrolled yet (reason SECOND_FACTOR_ENROLMENT_REQUIRED)${alsoForbidden ? `; or ${alsoForbidden}` : ''}`, {
      message: `${route} needs one of the roles … · ${route} 需要以下角色之一：…`, reason: 'ACCESS_TABLE', operation: route, roles: ['…'],
    }),
  );
}

/**
 * 504 TIMEOUT: a statement ran past the api's statement timeout (DATABASE_STATEMENT_TIMEOUT_MS) and PostgreSQL stopped
 * it; nothing was changed. Every statement of a request is under that limit: this names it on the routes whose reads
 * can run long (a case's export, a table of figures), before anything of the answer is sent.
 */
export const ApiStatementTimeout = (): MethodDecorator =>
  ApiErrorResponse(504, "a database statement ran longer than the server's statement timeout (DATABASE_STATEMENT_TIMEOUT_MS, 30 s by default) and was stopped; "
    + 'nothing was changed. Sending the same request again would take as long: narrow it', {
    message: 'The query took longer than 30 s and was stopped; narrow the filter and try again · 查询超过 30 秒未完成，已被中止；请缩小筛选范围后重试',
    reason: 'STATEMENT_TIMEOUT', timeoutSeconds: 30,
  });

/** A path parameter that must be a UUID (a malformed one is BAD_USER_INPUT on that name). */
export const ApiUuidParam = (name: string, description: string): MethodDecorator =>
  ApiParam({ name, description, schema: { type: 'string', format: 'uuid' } });

const KIND_LABEL: Record<AgencyKind, string> = { POLICE: 'police', BANK: 'bank', TELECOM: 'telecom', FOREIGN_PARTNER: 'foreign partner' };

/** Who may call a route, in words, from the access table (libs/domain/src/access-policy.ts). */
export function whoMayCall(route: Operation): string {
  const rule: AccessRule = ACCESS_POLICY[route];
  const head = `Access table (\`${route}\`): `;
  switch (rule.kind) {
    case 'PUBLIC':
      return `${head}public, no sign-in.`;
    case 'SIGNED_IN':
      return `${head}any signed-in user.`;
    case 'NATIONAL_ADMIN':
      return `${head}only an ADMIN of the national coordinating centre.`;
    case 'ROLES': {
      const kinds = Object.values(AgencyKind).filter((k) => (rule.who[k] ?? []).length > 0);
      const list = kinds.map((k) => `${KIND_LABEL[k]} ${(rule.who[k] ?? []).join(', ')}`).join('; ');
      return `${head}${list}. Everyone else: 403 FORBIDDEN.`;
    }
  }
}

/** The access table's rule as data, for clients and the document's test (`x-caselink-access`). */
function accessExtension(route: Operation): Record<string, unknown> {
  const rule: AccessRule = ACCESS_POLICY[route];
  return rule.kind === 'ROLES' ? { route, rule: rule.kind, roles: rule.who } : { route, rule: rule.kind };
}

/**
 * The operation of one REST route: its summary, a description ending in who may call it (from the access table), the
 * rule as `x-caselink-access`, and the bearer scheme unless the route is public.
 */
export function ApiRoute(route: Operation, summary: string, description: string): MethodDecorator {
  const rule: AccessRule = ACCESS_POLICY[route];
  return applyDecorators(
    ApiOperation({ summary, description: `${description}\n\n${whoMayCall(route)}` }),
    ApiExtension('x-caselink-access', accessExtension(route)),
    ...(rule.kind === 'PUBLIC' ? [] : [ApiBearerAuth(BEARER)]),
  );
}

/** The 200 of a route that streams an evidence file (sendEvidenceFile). */
export const ApiEvidenceFileResponse = (): MethodDecorator =>
  applyDecorators(
    ApiProduces('*/*'),
    ApiOkResponse({
      description: "The file's bytes, in the content type it was uploaded with",
      schema: { type: 'string', format: 'binary' },
      headers: {
        'Content-Disposition': { description: "attachment; filename*=UTF-8''<file name>", schema: { type: 'string' } },
        'X-Content-SHA256': { description: 'Hex sha256 of the content', schema: { type: 'string' } },
      },
    }),
  );
