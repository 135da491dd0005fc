import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BANK_PREFIX_MAX_LENGTH, BANK_PREFIX_MIN_LENGTH } from '@caselink/domain';

/** How many prefixes one call registers at most (a bank's whole BIN table fits in a few calls). */
export const MAX_PREFIXES_PER_CALL = 500;

@InputType({ description: 'Card BINs or account-number prefixes your bank issues (bank admins)' })
export class AddBankPrefixesInput {
  @Field(() => [String], {
    description: `1 to ${MAX_PREFIXES_PER_CALL} prefixes, digits only, ${BANK_PREFIX_MIN_LENGTH} to ${BANK_PREFIX_MAX_LENGTH} digits each (a 6-digit card BIN, or a longer account range). ` +
      'All are registered or none: a prefix another bank registered is a CONFLICT naming that bank; one your bank has already is kept as it is',
  })
  @IsArray() @ArrayMinSize(1, { message: 'must name at least one prefix' }) @ArrayMaxSize(MAX_PREFIXES_PER_CALL) @IsString({ each: true }) @MaxLength(32, { each: true })
  prefixes: string[];

  @Field(() => String, { nullable: true, description: 'What they stand for (a card product, an account range), up to 200 characters, shown with them' })
  @IsOptional() @IsString() @MaxLength(200) label?: string | null;
}

@ArgsType()
export class BankPrefixesArgs {
  @Field(() => ID, { nullable: true, description: "One bank's prefixes (an agency of kind BANK); every bank's when left out" })
  @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) bankAgencyId?: string | null;
}
