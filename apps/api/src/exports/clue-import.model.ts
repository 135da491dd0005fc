import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CLUE_IMPORT_LIMITS, ClueImportRefusalReason, IdentifierKind } from '@caselink/domain';
import { HandlingCodeModel, IdentifierModel, IdentifierSourceEnum } from '../cases/case.model';

export enum ClueImportFormatEnum {
  STIX = 'STIX',
  MISP = 'MISP',
}
registerEnumType(ClueImportFormatEnum, {
  name: 'ClueImportFormat',
  description: 'The kind of document a clue import reads',
  valuesMap: {
    STIX: { description: 'A STIX 2.1 bundle ({"type": "bundle", "objects": [...]}), as OpenCTI and CaseLink export them' },
    MISP: { description: 'A MISP event in the MISP core format ({"Event": {...}}), as MISP and CaseLink export them' },
  },
});

registerEnumType(ClueImportRefusalReason, {
  name: 'ClueImportRefusalReason',
  description: 'Why an object or attribute of an accepted document does not become a clue (translate by code)',
  valuesMap: {
    UNSUPPORTED_TYPE: { description: 'CaseLink has no clue kind for this STIX type or MISP attribute type (file hashes, free text without CaseLink\'s kind, custom objects)' },
    NO_EMAIL_KIND: { description: 'An e-mail address: CaseLink has no e-mail clue kind' },
    INVALID_VALUE: { description: "The value fails CaseLink's check for its kind (Luhn, IP syntax, wallet checksum ...); the message gives the reason" },
    MASKED_VALUE: { description: 'The value is masked (stars): a mask is not a clue' },
    MISSING_PROPERTY: { description: 'A property the clue needs is missing (a user account without its platform in account_type)' },
    UNSUPPORTED_PATTERN: { description: 'An indicator whose pattern is not a STIX pattern comparing one observable property with one value' },
  },
});

@InputType({ description: 'A STIX 2.1 bundle or MISP event to read into a case (previewClueImport): nothing is written' })
export class ClueImportInput {
  @Field(() => ID, { description: 'The case the clues would join (OWNER or CONTRIBUTE access)' }) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field(() => ClueImportFormatEnum, { nullable: true, description: 'STIX or MISP; detected from the document when left out (a document of the other format is refused with FORMAT_MISMATCH)' })
  @IsOptional() @IsEnum(ClueImportFormatEnum, { message: 'must be STIX or MISP' }) format?: ClueImportFormatEnum;
  @Field({
    description: `The document's JSON text, as the file holds it (UTF-8, at most ${CLUE_IMPORT_LIMITS.maxBytes} bytes: larger is PAYLOAD_TOO_LARGE on input.document). `
      + 'A document breaking the STIX 2.1 or MISP core format rules is BAD_USER_INPUT on input.document, with extensions.reason (the first problem\'s code) and '
      + 'extensions.problems: [{ code, pointer (JSON pointer), objectId, property, message }] (the first 20; extensions.problemCount counts them all)',
  })
  @IsString() document: string;
}

@InputType({ description: 'A STIX 2.1 bundle or MISP event whose clues to add to a case (importClues), as previewed' })
export class ImportCluesInput extends ClueImportInput {
  @Field(() => [String], {
    nullable: true,
    description: 'The keys (ClueImportItem.key) of the clues to add, as chosen from the preview; every new clue of the document when left out. A key the document does not bring is BAD_USER_INPUT on input.keys',
  })
  @IsOptional() @IsArray({ message: 'must be a list of clue keys (or left out)' }) @ArrayMinSize(1, { message: 'must choose at least one clue (or be left out)' })
  @ArrayMaxSize(CLUE_IMPORT_LIMITS.maxClues) @IsString({ each: true }) @MaxLength(2100, { each: true }) keys?: string[];
}

@ObjectType('ClueImportItem', { description: 'A clue the document brings, normalised like a clue typed by hand; the same value given several times is one item' })
export class ClueImportItemModel {
  @Field({ description: 'KIND:canonical, e.g. "BANK_CARD:6217002430001234567": what importClues takes in input.keys to choose among the items' }) key: string;
  @Field(() => IdentifierKind, { description: 'The clue kind it becomes' }) kind: IdentifierKind;
  @Field({ description: "CaseLink's canonical form: what linking compares" }) canonical: string;
  @Field({ description: 'The value as the document writes it (its first occurrence)' }) value: string;
  @Field(() => [String], { description: 'Where the document gives it: "objects[3] payment-card--<uuid>" (STIX) or "Attribute[2] <uuid>", "Object[0].Attribute[1] <uuid>" (MISP)' }) sources: string[];
  @Field(() => [String], { description: 'The STIX types ("payment-card", "indicator payment-card:card_number") or MISP attribute types ("cc-number") it was read from' }) documentTypes: string[];
  @Field(() => [IdentifierSourceEnum], { description: 'For a clue the case already holds: where the existing clues came from (statement, transfer, manual ...); empty for a new one' })
  heldAs: IdentifierSourceEnum[];
}

@ObjectType('ClueImportRefusal', { description: 'An object or attribute of the document that does not become a clue, and why' })
export class ClueImportRefusalModel {
  @Field({ description: 'Where in the document: "objects[3] file--<uuid>" (STIX) or "Attribute[2] <uuid>" (MISP)' }) source: string;
  @Field({ description: 'Its STIX type or MISP attribute type' }) type: string;
  @Field(() => String, { nullable: true, description: 'The value, when it has one that can be shown' }) value: string | null;
  @Field(() => ClueImportRefusalReason, { description: 'Why, as a code to translate' }) reason: ClueImportRefusalReason;
  @Field({ description: 'Why, in words: "English · 中文" (an invalid value names the check it fails)' }) message: string;
}

@ObjectType('ClueImportIgnored', { description: 'Objects of the document that are not observables (identities, groupings, relationships, markings ...), by type' })
export class ClueImportIgnoredModel {
  @Field({ description: 'STIX type or MISP attribute type' }) type: string;
  @Field(() => Int, { description: 'How many of them' }) count: number;
  @Field({ description: 'Why they bring no clue: "English · 中文"' }) why: string;
}

@ObjectType({ isAbstract: true })
export abstract class ClueImportDocumentModel {
  @Field(() => ID, { description: 'The case' }) caseId: string;
  @Field(() => ClueImportFormatEnum, { description: 'The format read (chosen or detected)' }) format: ClueImportFormatEnum;
  @Field({ description: "The bundle's id (bundle--<uuid>) or the MISP event's uuid" }) documentId: string;
  @Field(() => String, { nullable: true, description: "The MISP event's info, or the name of the bundle's first grouping or report" }) title: string | null;
  @Field(() => String, { nullable: true, description: "Who made it: the bundle's creating identity, or the MISP event's Orgc" }) producer: string | null;
  @Field(() => String, { nullable: true, description: 'The strictest TLP marking in the document: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED; null when unmarked' }) tlp: string | null;
  @Field(() => HandlingCodeModel, { nullable: true, description: 'CaseLink\'s handling code when the document is a CaseLink export by an agency holding the case under a share; it is written into each clue\'s note' })
  handling: HandlingCodeModel | null;
  @Field(() => [String], { description: 'CaseLink case numbers the document names (CaseLink exports)' }) caseNumbers: string[];
  @Field(() => [ClueImportItemModel], { description: 'Clues the case already holds (from any source): not added again' }) alreadyThere: ClueImportItemModel[];
  @Field(() => [ClueImportRefusalModel], { description: 'Objects and attributes that do not become clues, with the reason' }) refused: ClueImportRefusalModel[];
  @Field(() => [ClueImportIgnoredModel], { description: 'Objects that are not observables, by type' }) ignored: ClueImportIgnoredModel[];
}

@ObjectType('ClueImportPreview', { description: 'What importing the document into the case would do; nothing is written' })
export class ClueImportPreviewModel extends ClueImportDocumentModel {
  @Field(() => [ClueImportItemModel], { description: 'New clues importClues would add (all, or those chosen by key)' }) toAdd: ClueImportItemModel[];
}

@ObjectType('ClueImportResult', { description: 'What importClues did, in one transaction: the clues added (the linker links them next), those the case already held, those left out' })
export class ClueImportResultModel extends ClueImportDocumentModel {
  @Field(() => [IdentifierModel], { description: 'The clues added: manual clues of the caller\'s agency (correct or remove them like any), with a note naming the document' }) added: IdentifierModel[];
  @Field(() => [ClueImportItemModel], { description: 'New clues of the document not chosen in input.keys' }) notChosen: ClueImportItemModel[];
}
