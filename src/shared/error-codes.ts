/** Every error code the API and CLI can report; clients branch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'ROUTE_NOT_FOUND',
  'CHAIN_NOT_FOUND',
  'ENTERPRISE_NOT_FOUND',
  'PARK_NOT_FOUND',
  'REGION_NOT_FOUND',
  'USER_NOT_FOUND',
  'DUPLICATE_NOT_FOUND',
  'IMPORT_NOT_FOUND',
  'STATS_NOT_FOUND',
  'USER_EXISTS',
  'TEMPLATE_INVALID',
  'DB_UNREACHABLE',
  'DB_MIGRATION_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
