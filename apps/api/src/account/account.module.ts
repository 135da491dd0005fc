import { Module } from '@nestjs/common';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';

/** The signed-in user's own sign-in settings (issue 12). */
@Module({ providers: [AccountService, AccountResolver] })
export class AccountModule {}
