import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserModel } from '../users/user.model';

@InputType()
export class LoginInput {
  @Field() @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email: string;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(256) password: string;
}

@ObjectType()
export class AuthPayload {
  @Field() accessToken: string;
  @Field() expiresAt: Date;
  @Field(() => UserModel) user: UserModel;
}
