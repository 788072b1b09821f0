import { z } from 'zod';
import { ERROR_CODES } from '../error-codes.ts';
import { MAX_INT32, paramIdSchema, wholeNumberParam } from './fields.ts';

/**
 * What every upload body says about the order of its parts: the server reads the form as it
 * streams in, so it knows only the fields sent before the file.
 */
export const UPLOAD_FIELD_ORDER =
  'Read as it streams in: send every other field before the part "file" (FormData: append the ' +
  'file last). A field after the file is refused with 400 VALIDATION_FAILED naming it.';

/** The body of every error answer. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z
        .string()
        .optional()
        .meta({ description: 'On a 500: the id the server logged the failure under.' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const bilingualSchema = z
  .object({ zh: z.string(), en: z.string() })
  .meta({ id: 'Bilingual' });

export const pageQuerySchema = z.object({
  page: wholeNumberParam(z.number().int().min(1).max(MAX_INT32))
    .default(1)
    .meta({ description: 'Page number, from 1.' }),
  pageSize: wholeNumberParam(z.number().int().min(1).max(500))
    .default(20)
    .meta({ description: 'Items per page, at most 500.' }),
});

/** Lists answer `{ items, total }`, total counting every match, not just this page. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const idParamSchema = z.object({ id: paramIdSchema });
