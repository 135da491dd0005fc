import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyKind, FraudType, IdentifierKind } from '@caselink/domain';
import { connectionType } from '../common/pagination';
import { AgencyRef, HandlingCodeModel } from '../cases/case.model';

@ObjectType('BulletinIdentifier', { description: 'A value the bulletin asks readers to watch for' })
export class BulletinIdentifierModel {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'As the publisher entered it' }) value: string;
  @Field({ description: 'Normalised, as matched against cases' }) canonical: string;
}

@ObjectType('BulletinRecipients', { description: 'Whom a bulletin is addressed to' })
export class BulletinRecipientsModel {
  @Field(() => [AgencyKind], { description: 'Every agency of these kinds' }) kinds: AgencyKind[];
  @Field(() => [AgencyRef], { description: 'These agencies by name' }) agencies: AgencyRef[];
}

@ObjectType('BulletinCaseMatch', { description: 'A case the viewer may open that holds a watched value' })
export class BulletinCaseMatchModel {
  @Field(() => ID, { description: 'The case' }) caseId: string;
  @Field({ description: 'Its number' }) caseNumber: string;
  @Field({ description: 'Its title' }) caseTitle: string;
  @Field(() => AgencyRef, { description: 'The agency that owns it' }) owner: AgencyRef;
  @Field(() => [BulletinIdentifierModel], { description: 'The watched values it holds (value = canonical)' }) values: BulletinIdentifierModel[];
  @Field({ description: 'When the match was found' }) matchedAt: Date;
}

@ObjectType('Bulletin', { description: 'A warning about a fraud pattern, published to chosen agencies or kinds of agency' })
export class BulletinModel {
  @Field(() => ID, { description: 'Bulletin id' }) id: string;
  @Field({ description: 'Title (1–200 characters)' }) title: string;
  @Field({ description: 'The warning itself' }) body: string;
  @Field(() => FraudType, { description: 'The fraud type it warns of' }) fraudType: FraudType;
  @Field(() => AgencyRef, { description: 'The police agency that published it' }) publisher: AgencyRef;
  @Field({ description: 'When it was published' }) publishedAt: Date;
  @Field(() => HandlingCodeModel, { description: 'What readers may do with it: pass on, use in court, act without asking' }) handling: HandlingCodeModel;
  @Field(() => BulletinRecipientsModel, { description: 'Whom it is addressed to' }) recipients: BulletinRecipientsModel;
  @Field(() => [BulletinIdentifierModel], { description: 'The identifiers to watch for' }) identifiers: BulletinIdentifierModel[];
  @Field({ description: 'The viewer has opened it' }) read: boolean;
  @Field({ description: "The viewer's agency published it" }) isPublisher: boolean;
  @Field({ description: 'The worker has matched it against every case and told its recipients' }) processed: boolean;
  @Field(() => Int, { nullable: true, description: 'Publisher only: how many cases you may read hold a watched value; null for others' })
  matchedCaseCount: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Publisher only: at least 3 cases you may not read hold a watched value (never how many or which); null for others' })
  matchedElsewhere: boolean | null;
  // Resolved field: matchingCases (batched per request).
}

@ObjectType({ description: 'A page of bulletins' })
export class BulletinConnection extends connectionType(BulletinModel, 'Bulletin') {}

@ObjectType('CaseBulletinHit', { description: 'A bulletin the viewer may read whose watched values this case holds' })
export class CaseBulletinHitModel {
  @Field(() => BulletinModel, { description: 'The bulletin' }) bulletin: BulletinModel;
  @Field(() => [BulletinIdentifierModel], { description: 'The watched values the case holds (value = canonical)' }) values: BulletinIdentifierModel[];
  @Field({ description: 'When the match was found' }) matchedAt: Date;
}
