import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badInput } from './errors';

/** Refuses an id argument that is not a UUID, naming the argument. */
@Injectable()
class UuidArgPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!isUUID(value)) throw badInput(this.field, 'must be a UUID');
    return value;
  }
}

export const uuidArg = (field: string): PipeTransform<string, string> => new UuidArgPipe(field);
