import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MACHINE_CLIENT_POLICY } from '@caselink/domain';
import { ApiRoute } from '../openapi/rest-docs';
import { OAuthTokenService } from './oauth-token.service';

/** The form of a token request (RFC 6749 §4.4.2, §2.3.1). */
class TokenRequestForm {
  @ApiProperty({ enum: ['client_credentials'], description: 'Always client_credentials' }) grant_type!: string;
  @ApiPropertyOptional({ description: 'Space-separated roles to act with, each one the client holds (e.g. LIAISON); all of its roles when left out' }) scope?: string;
  @ApiPropertyOptional({ description: 'client_secret_post: the client_id (leave out with Basic authentication)', example: 'mc_3f9a…' }) client_id?: string;
  @ApiPropertyOptional({ description: 'client_secret_post: the client_secret (leave out with Basic authentication)', example: 'mcs_…' }) client_secret?: string;
}

/** A token (RFC 6749 §5.1). */
class TokenJson {
  @ApiProperty({ description: "The api's access token (JWT): send it as `Authorization: Bearer …` to /graphql and in graphql-ws connection_init" }) access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type!: string;
  @ApiProperty({ description: `Seconds it is valid (${MACHINE_CLIENT_POLICY.accessTokenSeconds}); ask for a new one before, there is no refresh token`, example: MACHINE_CLIENT_POLICY.accessTokenSeconds }) expires_in!: number;
  @ApiProperty({ description: 'The roles granted, space-separated', example: 'LIAISON' }) scope!: string;
}

/** An error of the token endpoint (RFC 6749 §5.2), not the api's `{ errors }` body. */
class OAuthErrorJson {
  @ApiProperty({
    enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope', 'temporarily_unavailable', 'server_error'],
    description: 'The RFC 6749 §5.2 code (temporarily_unavailable with 429: too many requests; server_error with 503)',
  })
  error!: string;

  @ApiProperty({ description: 'For developers, in English (printable ASCII, as §5.2 requires)' }) error_description!: string;
}

const oauthError = (status: number, description: string, error: string, example: string): MethodDecorator =>
  ApiResponse({
    status, description, type: OAuthErrorJson,
    ...(status === 401 ? { headers: { 'WWW-Authenticate': { description: 'Basic realm="Service" (the client used Basic authentication)', schema: { type: 'string' } } } } : {}),
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds until the client may ask again', schema: { type: 'integer' } } } } : {}),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/OAuthErrorJson' }, example: { error, error_description: example } } },
  });

/**
 * The token endpoint of machine clients (docs/machine-clients.md). Public in the access table: the client authenticates
 * with its secret, which the OAuth library and OAuthTokenService check; every answer is `Cache-Control: no-store`.
 */
@ApiTags('oauth')
@Controller('oauth')
export class OAuthTokenController {
  constructor(private readonly service: OAuthTokenService) {}

  @Post('token')
  @ApiRoute('POST /oauth/token', 'Get an access token for a machine client (OAuth 2.0 client credentials)',
    'The client credentials grant of RFC 6749 §4.4, for the systems of banks, telecoms and partners that an agency admin registered ' +
    '(createMachineClient). The client authenticates with HTTP Basic (client_secret_basic: `Authorization: Basic base64(client_id:client_secret)`) ' +
    'or with client_id and client_secret in the form (client_secret_post). The token is the api\'s ordinary access token for an actor that ' +
    'is the client: its agency, its roles (or fewer, by scope), no session — the access table, row-level security and the audit trail apply ' +
    `as to a user holding those roles. It lasts ${MACHINE_CLIENT_POLICY.accessTokenSeconds / 60} minutes; there is no refresh token (ask again). ` +
    'Requests are counted in the sign-in limits per client and per address (429 with Retry-After when over). Issues and refusals are audited as ' +
    "the client's agency. Errors follow RFC 6749 §5.2 (`{ error, error_description }`), not the api's `{ errors }` body.")
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('application/json')
  @ApiBody({ type: TokenRequestForm, description: 'application/x-www-form-urlencoded' })
  @ApiHeader({ name: 'Authorization', required: false, description: 'client_secret_basic: `Basic base64(client_id:client_secret)`' })
  @ApiOkResponse({
    description: 'The token (RFC 6749 §5.1)', type: TokenJson,
    headers: { 'Cache-Control': { description: 'no-store', schema: { type: 'string' } }, Pragma: { description: 'no-cache', schema: { type: 'string' } } },
  })
  @oauthError(400, 'invalid_request (not a form, a parameter missing or twice), invalid_client (client_secret_post), unauthorized_client (another grant type), unsupported_grant_type or invalid_scope (a role the client does not hold)',
    'invalid_scope', 'Invalid scope: Requested scope is invalid')
  @oauthError(401, 'invalid_client with Basic authentication: unknown client, wrong secret, a secret rotated out, a revoked client or an agency switched off',
    'invalid_client', 'Client authentication failed')
  @oauthError(429, 'temporarily_unavailable: too many token requests for this client or from this address (the sign-in limits)',
    'temporarily_unavailable', 'Too many token requests for this client; try again in 540 s')
  async token(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const answer = await this.service.exchange(req);
    await reply.status(answer.status).headers({ ...answer.headers, 'cache-control': 'no-store', pragma: 'no-cache' }).send(answer.body);
  }
}
