import { Module } from '@nestjs/common';
import { SignInPolicyResolver } from './sign-in-policy.resolver';
import { SignInPolicyService } from './sign-in-policy.service';

/** Agencies' and the national centre's sign-in rules, and switching agencies off (issue 12). */
@Module({ providers: [SignInPolicyService, SignInPolicyResolver] })
export class SignInPolicyModule {}
