import { z } from 'zod';
import { rawText, wholeNumberParam } from './fields.ts';

export const calendarDayKinds = ['holiday', 'workday'] as const;

export const calendarDaySchema = z
  .object({
    day: z.string().meta({ description: 'YYYY-MM-DD' }),
    kind: z.enum(calendarDayKinds).meta({
      description: 'holiday: a weekday off; workday: a weekend day worked in lieu (调休上班).',
    }),
    name: z.string().nullable(),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarYearSchema = z
  .object({ year: z.number().int(), source: z.string(), updatedAt: z.string() })
  .meta({ id: 'CalendarYear' });

export const calendarQuerySchema = z.object({
  year: wholeNumberParam(z.number().int().min(1900).max(2200))
    .optional()
    .meta({ description: 'The year whose moved days to list, e.g. 2026.' }),
});

export const calendarSchema = z
  .object({
    years: z.array(calendarYearSchema).meta({ description: 'The years covered, oldest first.' }),
    year: z.number().int().nullable(),
    days: z.array(calendarDaySchema).meta({ description: 'The moved days of `year`.' }),
  })
  .meta({ id: 'WorkingCalendar' });
export type CalendarAnswer = z.infer<typeof calendarSchema>;

export const calendarYearParamsSchema = z.object({
  year: wholeNumberParam(z.number().int().min(1900).max(2200)),
});

export const setCalendarYearRequestSchema = z
  .object({
    source: rawText(200)
      .min(1)
      .meta({ description: 'Where the days come from, e.g. 国办发明电〔2026〕1号.' }),
    days: z
      .array(
        z
          .object({
            day: z.string().max(10),
            kind: z.enum(calendarDayKinds),
            name: rawText(64).nullable().optional(),
          })
          .strict(),
      )
      .min(1, 'needs at least one day: a year without moved days would clear its official holidays')
      .max(366),
  })
  .strict()
  .meta({ id: 'SetCalendarYearRequest' });
export type SetCalendarYearRequest = z.infer<typeof setCalendarYearRequestSchema>;

export const setCalendarYearResponseSchema = z
  .object({
    year: z.number().int(),
    days: z.number().int().meta({ description: 'The moved days now held for the year.' }),
    problemsRecounted: z
      .number()
      .int()
      .meta({ description: 'Open problems whose clock was recounted.' }),
    problemsMoved: z
      .number()
      .int()
      .meta({ description: 'Open problems whose due date (or its beyond-calendar flag) changed.' }),
  })
  .meta({ id: 'SetCalendarYearResponse' });
export type SetCalendarYearResponse = z.infer<typeof setCalendarYearResponseSchema>;
