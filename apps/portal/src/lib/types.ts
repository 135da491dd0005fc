/**
 * The portal's names for the schema's enums: the generated types (apps/portal/src/gql, `npm run codegen`), so a
 * renamed or dropped value fails the type check. Response shapes are not written here: each component types its
 * props with the fragment it asks for (CaseSummary in app/cases/CaseList.tsx, ...), each query its result.
 */
export type {
  AccessRequestStatus,
  CaseAccess as CaseAccessName,
  CaseStatus as CaseStatusName,
  CooperationKind as CooperationKindName,
  DeadlineColour as DeadlineColourName,
  FraudType as FraudTypeName,
  FreezeKind as FreezeKindName,
  HubDecision,
  ImportStatus,
  JobState,
  LegalBasis as LegalBasisName,
  LinkTermState,
  RequestDirection,
  RequestState as RequestStateName,
  RequestType as RequestTypeName,
  Sensitivity as SensitivityName,
  TelecomKind as TelecomKindName,
  Urgency as UrgencyName,
  ViewerAccess,
} from '../gql/graphql';

/** A cursor page as the generic list hooks read it (lib/paged-list.ts); every generated connection result fits. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  /** The count stopped at a cap (the case list: CASE_COUNT_CAP): at least totalCount rows match. */
  totalCountCapped?: boolean;
}

/** Cursor pages without a total (seriesList, warninglist). */
export type UncountedConnection<T> = Omit<Connection<T>, 'totalCount'>;
