import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import { badInput } from './errors';

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

/** class-validator on every GraphQL input, failing with BAD_USER_INPUT that names the first bad field. */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, { metatype, data }: ArgumentMetadata): Promise<unknown> {
    if (!metatype || PRIMITIVES.includes(metatype) || value === null || typeof value !== 'object') return value;
    // Only inputs carry validation rules; parents and context objects of field resolvers pass through.
    if (getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).length === 0) return value;
    const instance = plainToInstance(metatype as new () => object, value);
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      const { path, message } = firstProblem(errors[0], typeof data === 'string' ? [data] : []);
      throw badInput(path, message);
    }
    return instance;
  }
}

function firstProblem(error: ValidationError, prefix: string[]): { path: string; message: string } {
  const path = [...prefix, error.property];
  if (error.constraints) {
    return { path: path.join('.'), message: Object.values(error.constraints)[0] };
  }
  const child = error.children?.[0];
  return child ? firstProblem(child, path) : { path: path.join('.'), message: 'is invalid' };
}
