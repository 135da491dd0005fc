import { Module } from '@nestjs/common';
import { SsoController } from './sso.controller';
import { SsoResolver } from './sso.resolver';
import { SsoService } from './sso.service';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSignIn } from './sso-sign-in';

/** Single sign-on by OpenID Connect, per agency (issue 12). */
@Module({
  controllers: [SsoController],
  providers: [SsoService, SsoSettingsService, SsoSignIn, SsoResolver],
})
export class SsoModule {}
