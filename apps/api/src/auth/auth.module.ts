import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { API_CONFIG, ApiConfig } from '../config/config';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { Tokens } from './tokens';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({ secret: config.JWT_SECRET }),
    }),
  ],
  providers: [Tokens, AuthService, AuthResolver],
  exports: [Tokens],
})
export class AuthModule {}
