import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUUID } from 'class-validator';
import { clientAddress } from '../common/actor';
import { REFRESH_COOKIE, Tokens } from '../auth/tokens';
import { SsoService } from './sso.service';
import { SignInLimits } from '../rate-limit/sign-in-limits';

/** The state of the log-in this browser started (single sign-on must end in the browser that began it). */
const SSO_STATE_COOKIE = 'caselink_sso_state';

/**
 * The browser's side of single sign-on. The portal proxies /api/auth/sso/* here, so the refresh cookie set by the
 * callback lands on the portal's origin (as the log-in mutation's does through /graphql).
 */
@Controller('auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly tokens: Tokens,
    private readonly limits: SignInLimits,
  ) {}

  @Get(':agencyId/start')
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
