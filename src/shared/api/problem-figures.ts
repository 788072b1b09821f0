import { z } from 'zod';
import {
  datesInOrder,
  isoDateSchema,
  rawText,
  wholeNumberParam,
  regionCodeParam,
} from './fields.ts';
import { bilingualSchema } from './common.ts';

// The figures of the enterprise-problem loop (docs/problems.md, "Figures") and the 问题清单
// export: one query shape (chain, region prefix, a period as a year or two dates).

const calendarDate = isoDateSchema.meta({ description: 'A date, YYYY-MM-DD (Asia/Shanghai).' });

const figuresQueryFields = {
  chain: rawText(64).default('biomed').meta({ description: 'Chain code; default biomed.' }),
  region: regionCodeParam.meta({
    description: 'Region code (a prefix: 3202 is Wuxi and its districts).',
    example: '3202',
  }),
  year: wholeNumberParam(z.number().int().min(2000).max(2100))
    .optional()
    .meta({ description: '1 Jan–31 Dec of this year; default the current year (Asia/Shanghai).' }),
  from: calendarDate.optional().meta({ description: 'First day of the period (with `to`).' }),
  to: calendarDate.optional().meta({ description: 'Last day of the period, included.' }),
};

type PeriodFields = {
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** A period is a year, or from and to together, never both; from ≤ to. */
function checkPeriod(query: PeriodFields, ctx: z.RefinementCtx): void {
  if (query.year !== undefined && (query.from !== undefined || query.to !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'give a year or from/to, not both' });
  }
  if ((query.from === undefined) !== (query.to === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [query.from === undefined ? 'from' : 'to'],
      message: 'from and to go together',
    });
  }
  toAfterFrom(query, ctx);
}

const toAfterFrom = datesInOrder(['from', 'to']);

export const problemFiguresQuerySchema = z
  .object(figuresQueryFields)
  .strict()
  .superRefine(checkPeriod);
export type ProblemFiguresQuery = z.infer<typeof problemFiguresQuerySchema>;

export const PROBLEM_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ProblemExportFormat = (typeof PROBLEM_EXPORT_FORMATS)[number];

export const problemExportQuerySchema = z
  .object({
    ...figuresQueryFields,
    format: z.enum(PROBLEM_EXPORT_FORMATS).default('xlsx'),
    lang: z.enum(['zh', 'en']).optional().meta({
      description:
        'Header language; without it the sheet has Chinese headers with an English second row.',
    }),
    includePersonalData: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .meta({
        description:
          'Contacts whole instead of masked (张** / 138****5678); only for roles that see them ' +
          'whole (admin, office, department, firm), and recorded in the audit log.',
      }),
  })
  .strict()
  .superRefine(checkPeriod);
export type ProblemExportQuery = z.infer<typeof problemExportQuerySchema>;

export const problemFiguresSchema = z
  .object({
    received: z.number().int().meta({ description: 'Received in the period (受理).' }),
    closed: z.number().int().meta({ description: 'First closed in the period (办结).' }),
    receivedAndClosed: z
      .number()
      .int()
      .meta({ description: "Of those received in the period, first closed by the period's end." }),
    closeRate: z.number().nullable().meta({ description: '办结率: receivedAndClosed / received.' }),
    closedOnTime: z.number().int(),
    onTimeRate: z.number().nullable().meta({ description: '按期办结率: closedOnTime / closed.' }),
    ratings: z.number().int().meta({ description: 'Ratings given in the period.' }),
    satisfiedRatings: z.number().int().meta({ description: 'Of them, 满意 or 基本满意.' }),
    satisfactionRate: z.number().nullable().meta({ description: '满意率.' }),
    openNow: z.number().int().meta({ description: "Received by the period's end, open today." }),
    overdueNow: z.number().int().meta({ description: 'Of them, past due today, not suspended.' }),
    averageWorkingDaysToClose: z.number().nullable(),
    reopened: z.number().int().meta({ description: 'Reopens in the period.' }),
  })
  .meta({ id: 'ProblemFigures' });
export type ProblemFiguresView = z.infer<typeof problemFiguresSchema>;

const departmentRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  nameEn: z.string().nullable(),
});

export const problemSummarySchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    region: z.object({ code: z.string(), name: z.string() }),
    period: z.object({ from: z.string(), to: z.string() }),
    asOf: z
      .string()
      .meta({ description: 'Today (Asia/Shanghai): the day open and overdue count.' }),
    calendarYearsCovered: z.array(z.number().int()).meta({
      description:
        "The period's years the working-day calendar covers (others use the weekday rule).",
    }),
    beyondCalendar: z.boolean().meta({
      description: 'Some year of the period is not in the working-day calendar.',
    }),
    overall: problemFiguresSchema,
    byDepartment: z.array(
      z.object({
        department: departmentRefSchema.nullable().meta({ description: 'Null: not assigned.' }),
        figures: problemFiguresSchema,
      }),
    ),
    byCategory: z.array(
      z.object({
        category: z.object({ code: z.string(), name: bilingualSchema }),
        figures: problemFiguresSchema,
      }),
    ),
    byNode: z.array(
      z.object({
        node: z
          .object({ code: z.string(), name: bilingualSchema })
          .nullable()
          .meta({ description: 'Null: no chain node given.' }),
        figures: problemFiguresSchema,
      }),
    ),
  })
  .meta({ id: 'ProblemFiguresSummary' });
export type ProblemSummary = z.infer<typeof problemSummarySchema>;
