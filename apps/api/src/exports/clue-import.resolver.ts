import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { ClueImportInput, ClueImportPreviewModel, ClueImportResultModel, ImportCluesInput } from './clue-import.model';
import { ClueImportService } from './clue-import.service';

/** Clues from STIX 2.1 bundles and MISP events: a preview, then the import (OWNER or CONTRIBUTE access to the case). */
@Resolver()
export class ClueImportResolver {
  constructor(private readonly imports: ClueImportService) {}

  @Mutation(() => ClueImportPreviewModel, {
    description: 'Read a STIX 2.1 bundle or MISP event for a case and say what importing it would do: the clues it would add, those the case already holds, '
      + 'the objects refused and why, those that are not observables. Writes nothing. OWNER or CONTRIBUTE access (a READ share is FORBIDDEN)',
  })
  previewClueImport(@CurrentActor() actor: Actor, @Args('input', { description: 'The case and the document' }) input: ClueImportInput): Promise<ClueImportPreviewModel> {
    return this.imports.preview(actor, input);
  }

  @Mutation(() => ClueImportResultModel, {
    description: 'Add the clues of a STIX 2.1 bundle or MISP event to a case in one transaction (all new ones, or those chosen by key from the preview), '
      + 'as manual clues of the caller\'s agency noting the document; the case is then linked. Each added clue is audited. OWNER or CONTRIBUTE access',
  })
  importClues(@CurrentActor() actor: Actor, @Args('input', { description: 'The case, the document and the clues chosen' }) input: ImportCluesInput, @GqlCtx() ctx: GqlContext): Promise<ClueImportResultModel> {
    return this.imports.commit(actor, input, clientAddress(ctx.req));
  }
}
