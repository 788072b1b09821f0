/**
 * Why a row of an imported file (enterprises, statistics, projects, problems) or a request was refused, as a
 * code with parameters. The English sentence stays beside it for the CLI and errors.csv; the web
 * app writes the reason in the reader's language from the code (web/src/modules/i18n).
 */
export const FILE_REASONS = [
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'FILE_NO_ROWS',
  'FILE_TOO_LARGE',
  'STATS_COLUMNS_MISSING',
  'STATS_COLUMNS_REPEATED',
  'FILE_OLD_EXCEL',
  'FILE_FORMAT_UNKNOWN',
  'FILE_NOT_XLSX',
  'FILE_IS_ZIP',
  'FILE_UTF16',
  'COLUMNS_MISSING',
  // A row the reader cannot take ({row}): later rows are not read
  'ROW_QUOTE_NOT_CLOSED',
  'ROW_QUOTE_NOT_DOUBLED',
  'ROW_VALUE_WITHOUT_HEADER',
  'ROW_FORMULA_NO_RESULT',
  'ROW_UNREADABLE',
] as const;

/** Why a whole file was refused; the web says it with the file's name (`{file}`). */
export type FileReason = (typeof FILE_REASONS)[number];

export const ROW_REASONS = [
  // Cells of any file
  'NOT_A_NUMBER',
  'NOT_NEGATIVE',
  'NOT_WHOLE_NUMBER',
  'TOO_LARGE',
  'CURRENCY_UNSUPPORTED',
  'UNIT_UNSUPPORTED',
  'HEADER_UNIT_UNSUPPORTED',
  'NOT_A_DATE',
  'NO_SUCH_DATE',
  'DATE_BEFORE_1900',
  'DATE_IN_FUTURE',
  'DATE_LOOKS_LIKE_YEAR',
  'NOT_A_YEAR',
  'YEAR_OUT_OF_RANGE',
  'INDUSTRY_CODE_FORMAT',
  'INDUSTRY_CODE_DIGITS',
  'INDUSTRY_CODE_DIVISION',
  'INDUSTRY_CODE_SECTION',
  // Enterprise rows
  'NAME_REQUIRED',
  'USCC_LENGTH',
  'USCC_CHARACTERS',
  'USCC_CHECK_CHARACTER',
  'REGION_CODE_FORMAT',
  'REGION_UNKNOWN',
  'REGION_MISSING',
  'YEAR_REQUIRED',
  // Statistics rows
  'VALUE_REQUIRED',
  'CODE_TOO_LONG',
  'CODE_CHARACTERS',
  'INDUSTRY_TYPE_FORMAT',
  'ROW_REPEATED',
  'INDUSTRY_TYPE_CONFLICT',
  'INDUSTRY_TYPE_STORED_CONFLICT',
  // Project rows
  'UNKNOWN_COLUMN',
  'NOT_A_PROJECT_ID',
  'NOT_AN_ENTERPRISE_ID',
  'PROJECT_NAME_REQUIRED',
  'PROJECT_REGION_REQUIRED',
  'PARK_UNKNOWN',
  'USER_UNKNOWN',
  'PROJECT_ID_UNKNOWN',
  'PROJECT_STAGE_CHANGED',
  'PROJECT_STATUS_READ_ONLY',
  'PROJECT_CAPITAL_READ_ONLY',
  'STAGE_UNKNOWN',
  'SPACE_NEED_FORMAT',
  'PROJECT_YEAR_RANGE',
  'VALUE_INVALID',
  // Firm account rows
  'ENTERPRISE_REQUIRED',
  'ENTERPRISE_UNKNOWN',
  'ENTERPRISE_AMBIGUOUS',
  'USERNAME_INVALID',
  'USERNAME_TAKEN',
  'USERNAME_REPEATED',
  'DISPLAY_NAME_TOO_LONG',
  // Problem rows (a 12345 hotline export, the office's list)
  'PROBLEM_COLUMN_MISSING',
  'PROBLEM_ENTERPRISE_UNKNOWN',
  'PROBLEM_ENTERPRISE_AMBIGUOUS',
  'PROBLEM_CATEGORY_UNKNOWN',
  'PROBLEM_CHANNEL_UNKNOWN',
  'PROBLEM_DEPARTMENT_UNKNOWN',
  'PROBLEM_CHAIN_UNKNOWN',
  'PROBLEM_CHAIN_REQUIRED',
  'PHONE_INVALID',
  'TEXT_TOO_LONG',
  'TEXT_INVISIBLE',
  'TEXT_HAS_NUL',
  'TIME_INVALID',
  'RECEIVED_BEFORE_2000',
  // Links between enterprises (rows of a link file, and requests)
  'LINK_SELF',
  'LINK_MERGED',
  'LINK_KIND_UNKNOWN',
  'SHARE_OUT_OF_RANGE',
  'DATES_REVERSED',
  // 督办 items (details.reason of VALIDATION_FAILED)
  'DEADLINE_BEFORE_SET',
  // Space reservations and edits (details.reason of SPACE_UNAVAILABLE)
  'SPACE_UNIT_TOO_SMALL',
  'SPACE_PARK_TOO_SMALL',
  'SPACE_PARK_TOO_SMALL_BY_DATE',
  'SPACE_AREA_BELOW_USE',
  'SPACE_KIND_RESERVED',
  'SPACE_RETIRE_RESERVED',
  // User accounts (details.reason of CONFLICT)
  'LAST_ADMIN',
  // Whole files refused before any row is read (details.reason of VALIDATION_FAILED)
  ...FILE_REASONS,
] as const;

export type RowReason = (typeof ROW_REASONS)[number];

/** The values a reason's sentence names (a row, an expected character, an area). */
export type ReasonParams = Record<string, string | number>;
