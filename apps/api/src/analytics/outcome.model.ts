import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OutcomeBucket', { description: 'One category of a distribution over judgments' })
export class OutcomeBucketModel {
  @Field({ description: 'The category: an AgeBand, Education, Employment, SuspectRole, Charge or Penalty value' }) key: string;
  @Field(() => Int, { description: 'Judgments in the category' }) count: number;
  @Field(() => Float, { description: 'count / known, unrounded (0..1)' }) share: number;
  @Field(() => Float, {
    description: 'count / known in percent, one decimal; the buckets of a single-valued distribution add up to exactly 100.0 (largest remainder)',
  })
  percent: number;
  @Field(() => Int, { description: 'Of count, judgments with probation' }) probation: number;
  @Field(() => Int, { nullable: true, description: 'Age bands only: first whole year in the band' }) from: number | null;
  @Field(() => Int, { nullable: true, description: 'Age bands only: first whole year after the band; null for the open last band' }) to: number | null;
}

@ObjectType('OutcomeDistribution', { description: 'How judgments spread over the categories of one attribute' })
export class OutcomeDistributionModel {
  @Field(() => Int, { description: 'Judgments with the attribute recorded: the denominator of every share' }) known: number;
  @Field(() => Int, { description: 'Judgments without it (in no share)' }) unknown: number;
  @Field(() => [OutcomeBucketModel], { description: 'Every category in a fixed order, zero counts included' }) buckets: OutcomeBucketModel[];
}

@ObjectType('OutcomeYear', { description: 'Judgments with a verdict in one year' })
export class OutcomeYearModel {
  @Field(() => Int, { description: 'Verdict year' }) year: number;
  @Field(() => Int, { description: 'Judgments that year' }) count: number;
  @Field(() => Float, { description: 'count / total, unrounded' }) share: number;
  @Field(() => Float, { description: 'count / total in percent, one decimal; the years add up to 100.0' }) percent: number;
  @Field(() => Int, { description: 'Of those, with probation' }) probation: number;
  @Field(() => Float, { description: 'probation / count in percent, one decimal' }) probationPercent: number;
}

@ObjectType('OutcomeRate', { description: 'A count out of a denominator' })
export class OutcomeRateModel {
  @Field(() => Int, { description: 'The count' }) count: number;
  @Field(() => Int, { description: 'The denominator' }) of: number;
  @Field(() => Float, { description: 'count / of, unrounded' }) share: number;
  @Field(() => Float, { description: 'count / of in percent, one decimal' }) percent: number;
}

@ObjectType('OutcomeFines', { description: 'Fines imposed' })
export class OutcomeFinesModel {
  @Field(() => Int, { description: 'Judgments imposing a fine' }) fined: number;
  @Field({ description: 'Sum of the fines, exact decimal CNY' }) total: string;
}

@ObjectType('OutcomeAnalytics', {
  description:
    'Judgments on suspects of the cases the viewer may read (own cases, and cases shared with the viewer), as the judgment study reports them. ' +
    'Shares of a distribution are of the judgments where the attribute is known.',
})
export class OutcomeAnalyticsModel {
  @Field(() => Int, { description: 'Judgments in the filter' }) total: number;
  @Field(() => OutcomeDistributionModel, { description: 'Age at the offence: [0,20), [20,25), [25,30), [30,∞)' }) age: OutcomeDistributionModel;
  @Field(() => OutcomeDistributionModel, { description: 'Highest education completed' }) education: OutcomeDistributionModel;
  @Field(() => OutcomeDistributionModel, { description: 'Employment at the offence' }) employment: OutcomeDistributionModel;
  @Field(() => OutcomeDistributionModel, { description: 'Role in the fraud chain' }) roles: OutcomeDistributionModel;
  @Field(() => OutcomeDistributionModel, { description: 'A judgment may name several charges: shares are of all judgments and do not add up to 100' })
  charges: OutcomeDistributionModel;
  @Field(() => OutcomeDistributionModel, { description: 'Principal penalty' }) penalties: OutcomeDistributionModel;
  @Field(() => OutcomeRateModel, { description: 'Judgments with probation, of all judgments' }) probation: OutcomeRateModel;
  @Field(() => [OutcomeYearModel], {
    description: 'Judgments per verdict year, every year from filter.yearFrom (else the first year with judgments) to filter.yearTo (else the last), zeros included',
  })
  years: OutcomeYearModel[];
  @Field(() => Int, { nullable: true, description: 'Lower median of the sentences in months (fixed term, detention, surveillance)' }) medianSentenceMonths: number | null;
  @Field(() => OutcomeFinesModel, { description: 'Fines imposed' }) fines: OutcomeFinesModel;
}
