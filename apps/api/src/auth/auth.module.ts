import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { API_CONFIG, ApiConfig } from '../config/config';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SecondFactors } from './factors/second-factors';
import { Tokens } from './tokens';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      // A key object, not the string: jsonwebtoken otherwise tries (and fails) to parse the string as a
      // public key on every verification, ~9 % of the api's CPU under load (bench:requests profile).
      useFactory: (config: ApiConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET)) }),
    }),
  ],
  providers: [Tokens, SecondFactors, AuthService, AuthResolver],
  exports: [Tokens, SecondFactors, AuthService],
})
export class AuthModule {}
