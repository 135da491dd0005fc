import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@caselink/domain';
import type { MachineClientRow } from '@caselink/db';
// Registers the Role enum (the users module describes it).
import '../users/user.model';

@ObjectType('MachineClientSecret', { description: "One of a machine client's secrets, as its admins see it: never the secret itself" })
export class MachineClientSecretModel {
  @Field(() => ID, { description: 'Secret id' }) id: string;
  @Field({ description: 'Its last 4 characters, to tell which secret a system holds' }) hint: string;
  @Field({ description: 'When it was issued' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'It stops working then (a rotation gave it a grace period, or the client was revoked); null: no end' })
  expiresAt: Date | null;
  @Field({ description: 'It still works now' }) current: boolean;
}

@ObjectType('MachineClient', {
  description: "An agency's own system signing in with OAuth 2.0 client credentials (POST /oauth/token): it acts for the agency with its roles, like a user " +
    'holding them. Only the agency\'s admins see it (docs/machine-clients.md)',
})
export class MachineClientModel {
  @Field(() => ID, { description: 'Id (also the author id of what the client writes, e.g. its answers in a request timeline)' }) id: string;
  @Field({ description: 'The OAuth client_id (mc_ and 24 hex digits); not secret' }) clientId: string;
  @Field({ description: 'Name given by the admin, shown as the author of its answers' }) name: string;
  @Field(() => [Role], { description: 'Roles it acts with (never ADMIN); a token may ask for fewer (scope)' }) roles: Role[];
  @Field({ description: 'False once revoked: no token, call or live connection works any more' }) active: boolean;
  @Field({ description: 'When it was created' }) createdAt: Date;
  @Field(() => String, { nullable: true, description: 'The admin who created it' }) createdByName: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while active' }) revokedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was last issued a token; null before the first' }) lastUsedAt: Date | null;
  @Field(() => [MachineClientSecretModel], { description: 'Its secrets, newest first (current and ended ones)' }) secrets: MachineClientSecretModel[];

  static from(r: MachineClientRow, now = new Date()): MachineClientModel {
    return Object.assign(new MachineClientModel(), {
      id: r.id, clientId: r.client_id, name: r.name, roles: r.roles, active: r.revoked_at === null, createdAt: r.created_at, createdByName: r.created_by_name,
      revokedAt: r.revoked_at, lastUsedAt: r.last_used_at,
      secrets: r.secrets.map((s) => ({ id: s.id, hint: s.hint, createdAt: s.created_at, expiresAt: s.expires_at, current: s.expires_at === null || s.expires_at > now })),
    });
  }
}

@ObjectType('MachineClientCredentials', { description: 'A client and its new secret: the only time the secret is shown (store it in the system now)' })
export class MachineClientCredentialsModel {
  @Field(() => MachineClientModel, { description: 'The client' }) client: MachineClientModel;
  @Field({ description: 'The client_secret (mcs_…), shown this once; CaseLink keeps only its hash' }) clientSecret: string;
  @Field({ description: 'Where the system asks for tokens (grant_type=client_credentials)' }) tokenPath: string;
  @Field(() => Date, { nullable: true, description: 'After a rotation: when the previous secrets stop working (null: at once, or no previous secret)' })
  previousSecretsUntil: Date | null;
}
