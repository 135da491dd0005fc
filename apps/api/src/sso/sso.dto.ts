import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, registerDecorator, ValidationOptions } from 'class-validator';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** https://…, or http:// on this machine (the service refuses that too in production). No query, no fragment. */
export function isIssuerUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname));
}

function IsIssuerUrl(options: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({ name: 'isIssuerUrl', target: target.constructor, propertyName: String(property), options, validator: { validate: isIssuerUrl } });
}

export const EMAIL_DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
export const ROLES_CLAIM = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

@InputType({ description: "An agency's OpenID Connect settings" })
export class SetAgencySsoInput {
  @Field(() => ID, { description: 'Agency id' }) @IsUUID('all', { message: 'must be an agency id · 必须是机构编号' }) agencyId: string;

  @Field({ description: 'The provider\'s issuer URL (its discovery document is at <issuer>/.well-known/openid-configuration)' })
  @IsIssuerUrl({ message: 'must be an https:// URL (http:// only on localhost outside production) · 必须是 https:// 地址（仅非生产环境的本机可用 http://）' })
  @MaxLength(300, { message: 'must be at most 300 characters · 不得超过 300 个字符' })
  issuer: string;

  @Field({ description: "CaseLink's client id at the provider" })
  @IsString()
  @MinLength(1, { message: 'must not be empty · 不能为空' })
  @MaxLength(255, { message: 'must be at most 255 characters · 不得超过 255 个字符' })
  @Matches(/^\S+$/, { message: 'must not contain spaces · 不能包含空格' })
  clientId: string;

  @Field(() => String, { nullable: true, description: 'Write-only; leave out to keep the stored secret' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty · 不能为空' })
  @MaxLength(512, { message: 'must be at most 512 characters · 不得超过 512 个字符' })
  clientSecret?: string | null;

  @Field({ description: 'e.g. icbc.example (no @)' })
  @Matches(EMAIL_DOMAIN, { message: 'must be a domain such as bank.example, without @ · 必须是域名（如 bank.example），不含 @' })
  @MaxLength(253, { message: 'must be at most 253 characters · 不得超过 253 个字符' })
  emailDomain: string;

  @Field(() => String, { nullable: true, defaultValue: 'roles', description: 'The claim that lists the roles ("roles" when left out)' })
  @Matches(ROLES_CLAIM, { message: 'must be a simple claim name such as roles · 必须是简单的声明名称（如 roles）' })
  rolesClaim = 'roles';

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Refuse sign-ins without a second factor at the provider (false when left out; always on when the agency requires a second factor)' }) @IsBoolean({ message: 'must be true or false · 必须是布尔值' }) requireMfa = false;
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Users may sign in through the provider (true when left out)' }) @IsBoolean({ message: 'must be true or false · 必须是布尔值' }) enabled = true;
}
