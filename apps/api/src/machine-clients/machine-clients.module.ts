import { Module } from '@nestjs/common';
import { MachineClientsResolver } from './machine-clients.resolver';
import { MachineClientsService } from './machine-clients.service';
import { OAuthTokenController } from './oauth-token.controller';
import { OAuthTokenService } from './oauth-token.service';

/**
 * Machine clients (issue 16 part 3): agencies' own systems as OAuth 2.0 clients. Admins manage them over GraphQL;
 * the systems get tokens at POST /oauth/token and then use GraphQL and its subscriptions like the portal does.
 */
@Module({
  controllers: [OAuthTokenController],
  providers: [MachineClientsService, MachineClientsResolver, OAuthTokenService],
})
export class MachineClientsModule {}
