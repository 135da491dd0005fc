import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUUID } from 'class-validator';
import { ApiFoundResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { clientAddress } from '../common/actor';
import { REFRESH_COOKIE, Tokens } from '../auth/tokens';
import { SsoService } from './sso.service';
import { SignInLimits } from '../rate-limit/sign-in-limits';
import { ApiRoute } from '../openapi/rest-docs';

/** The state of the log-in this browser started (single sign-on must end in the browser that began it). */
const SSO_STATE_COOKIE = 'caselink_sso_state';

/**
 * The browser's side of single sign-on. The portal proxies /api/auth/sso/* here, so the refresh cookie set by the
 * callback lands on the portal's origin (as the log-in mutation's does through /graphql).
 */
@ApiTags('sso')
@Controller('auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly tokens: Tokens,
    private readonly limits: SignInLimits,
  ) {}

  @Get(':agencyId/start')
  @ApiRoute('GET /auth/sso/:agencyId/start', "Start single sign-on with an agency's identity provider",
    "A browser navigation, not an API call: always a 302. To the agency's OpenID Connect provider (authorization code with PKCE), setting the state cookie the callback checks; or, when the agency offers no sign-on, the provider is unreachable or the address has started too many log-ins (counted like log-ins), to the portal's log-in page with `?sso_error=<reason>`. The portal proxies /api/auth/sso/* here.")
  @ApiParam({ name: 'agencyId', description: 'The agency whose provider to use (anything but a UUID of an agency offering sign-on ends at the log-in page)', schema: { type: 'string' } })
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of the portal to land on after signing in (anything else is ignored)', schema: { type: 'string' } })
  @ApiFoundResponse({
    description: "To the identity provider, or to the portal's log-in page with sso_error (SSO_NOT_CONFIGURED, SSO_PROVIDER_UNAVAILABLE, RATE_LIMITED, AGENCY_INACTIVE, …)",
    headers: {
      Location: { description: 'Where the browser goes next', schema: { type: 'string', format: 'uri' } },
      'Set-Cookie': { description: 'caselink_sso_state (httpOnly, SameSite=Lax, 10 minutes) when the provider is next', schema: { type: 'string' } },
    },
  })
  async start(@Param('agencyId') agencyId: string, @Query('returnTo') returnTo: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Each start writes a state row and may fetch the provider's metadata: limited per address like a log-in.
    try {
      await this.limits.consume('login', req);
    } catch {
      return this.redirect(reply, this.sso.refusalLocation('RATE_LIMITED'));
    }
    const started = isUUID(agencyId) ? await this.sso.start(agencyId, returnTo, clientAddress(req)) : { location: this.sso.refusalLocation('SSO_NOT_CONFIGURED') };
    // Lax: the provider's redirect back is a top-level navigation from another site, which Lax cookies accompany.
    if (started.state) reply.setCookie(SSO_STATE_COOKIE, started.state, { ...this.stateCookie(), maxAge: 600 });
    await this.redirect(reply, started.location);
  }

  @Get('callback')
  @ApiRoute('GET /auth/sso/callback', 'Finish single sign-on (the identity provider redirects the browser here)',
    "A browser navigation, not an API call: always a 302. Checks that the browser holds the state it started with, exchanges the code, checks the ID token, the e-mail domain, the roles claim and the second-factor claims, and signs the user in: the refresh cookie is set exactly as the login mutation sets it, and the browser goes to the portal. A refusal goes to the portal's log-in page with `?sso_error=<reason>`; it is audited.")
  @ApiQuery({ name: 'code', required: false, description: "The provider's authorization code", schema: { type: 'string' } })
  @ApiQuery({ name: 'state', required: false, description: 'The state the start step sent (must match the caselink_sso_state cookie)', schema: { type: 'string' } })
  @ApiQuery({ name: 'iss', required: false, description: "The provider's issuer (RFC 9207), when it sends one", schema: { type: 'string' } })
  @ApiQuery({ name: 'error', required: false, description: "The provider's error instead of a code", schema: { type: 'string' } })
  @ApiQuery({ name: 'error_description', required: false, schema: { type: 'string' } })
  @ApiFoundResponse({
    description: "Signed in: to the portal (the returnTo path of the start step); refused: to the portal's log-in page with sso_error (SSO_STATE_INVALID, SSO_TOKEN_INVALID, SSO_DOMAIN_NOT_ALLOWED, SSO_NO_ROLES, SSO_MFA_REQUIRED, SSO_USER_OF_OTHER_AGENCY, ACCOUNT_INACTIVE, …)",
    headers: {
      Location: { description: 'Where the browser goes next', schema: { type: 'string', format: 'uri' } },
      'Set-Cookie': { description: 'Clears caselink_sso_state; when signed in, the httpOnly refresh cookie caselink_refresh', schema: { type: 'string' } },
    },
  })
  async callback(@Query() query: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const at = req.url.indexOf('?');
    const answer = await this.sso.callback(query, at >= 0 ? req.url.slice(at) : '', clientAddress(req), req.headers['user-agent'], req.cookies[SSO_STATE_COOKIE]);
    reply.clearCookie(SSO_STATE_COOKIE, this.stateCookie());
    // Exactly as the log-in mutation sets it (AuthResolver.answer).
    if (answer.signedIn) reply.setCookie(REFRESH_COOKIE, answer.signedIn.refresh.token, this.tokens.cookieOptions(answer.signedIn.refresh.expiresAt));
    await this.redirect(reply, answer.location);
  }

  private stateCookie() {
    return { httpOnly: true, secure: this.tokens.cookieOptions().secure, sameSite: 'lax' as const, path: '/' };
  }

  private async redirect(reply: FastifyReply, location: string): Promise<void> {
    // The code and state in the URL must not reach a third party through Referer, nor be cached.
    await reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(location, 302);
  }
}
