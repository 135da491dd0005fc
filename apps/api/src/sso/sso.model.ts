import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An agency offering single sign-on, as the log-in page lists it' })
export class SsoAgency {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() nameEn: string;
}

@ObjectType({ description: "An agency's OpenID Connect settings; the client secret is write-only" })
export class AgencySso {
  @Field(() => ID) agencyId: string;
  @Field() issuer: string;
  @Field() clientId: string;
  @Field({ description: 'Users sign in with e-mails of exactly this domain (lower case, no @)' }) emailDomain: string;
  @Field({ description: 'The ID token (or userinfo) claim that lists the roles' }) rolesClaim: string;
  @Field({ description: 'Refuse sign-ins without a second factor at the provider (amr/acr)' }) requireMfa: boolean;
  @Field() enabled: boolean;
  @Field() updatedAt: Date;
  @Field({ description: 'What to register at the provider as the redirect URI' }) redirectUri: string;
}
