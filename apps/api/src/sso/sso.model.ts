import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An agency offering single sign-on, as the log-in page lists it' })
export class SsoAgency {
  @Field(() => ID, { description: 'Agency id (the log-in page starts single sign-on with it)' }) id: string;
  @Field({ description: 'Name in Chinese' }) name: string;
  @Field({ description: 'Name in English' }) nameEn: string;
}

@ObjectType({ description: "An agency's OpenID Connect settings; the client secret is write-only" })
export class AgencySso {
  @Field(() => ID, { description: 'Agency id' }) agencyId: string;
  @Field({ description: "The OpenID provider's issuer URL" }) issuer: string;
  @Field({ description: "CaseLink's client id at the provider" }) clientId: string;
  @Field({ description: 'Users sign in with e-mails of exactly this domain (lower case, no @)' }) emailDomain: string;
  @Field({ description: 'The ID token (or userinfo) claim that lists the roles' }) rolesClaim: string;
  @Field({ description: 'Refuse sign-ins without a second factor at the provider (amr/acr)' }) requireMfa: boolean;
  @Field({ description: 'Users may sign in through the provider now' }) enabled: boolean;
  @Field({ description: 'Last change' }) updatedAt: Date;
  @Field({ description: 'What to register at the provider as the redirect URI' }) redirectUri: string;
}
