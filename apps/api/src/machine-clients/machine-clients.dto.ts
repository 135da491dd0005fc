import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, MaxLength } from 'class-validator';
import { MACHINE_CLIENT_POLICY, Role } from '@caselink/domain';

@InputType({ description: "A machine client of the admin's own agency" })
export class CreateMachineClientInput {
  @Field({ description: `What the system is, e.g. "核心银行系统 core banking" (1–${MACHINE_CLIENT_POLICY.maxNameLength} characters)` })
  @IsString()
  @MaxLength(MACHINE_CLIENT_POLICY.maxNameLength, { message: `must be at most ${MACHINE_CLIENT_POLICY.maxNameLength} characters · 不得超过 ${MACHINE_CLIENT_POLICY.maxNameLength} 个字符` })
  name: string;

  @Field(() => [Role], { description: "Roles it acts with: those the access table allows the agency's kind, except ADMIN (a bank: LIAISON, ANALYST, AUDITOR)" })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one role · 至少选择一个角色' })
  @ArrayMaxSize(6)
  @IsEnum(Role, { each: true, message: 'must be roles · 必须是角色' })
  roles: Role[];
}
