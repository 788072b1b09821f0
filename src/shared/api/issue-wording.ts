import type { z } from 'zod';

// What a failed schema check says to a person, in words rather than the validator's ("must be at
// most 100 characters", not "Too big: expected string to have <=100 characters"; "must be 2 to 6
// digits", not a regular expression). The API's 400s and the CLI's option errors both say it so.

/** Where a value came from: a query string repeats a parameter as a list. */
export type IssueSource = 'query' | 'param' | 'json' | 'form' | 'option';

/** Whether the message is the validator's own wording rather than one a schema gave. */
function isValidatorWording(message: string): boolean {
  return /^(Too big|Too small|Invalid|Unrecognized)/.test(message);
}

/** What the value must be, said from a schema issue: its own message when the schema gave one. */
export function issueWording(issue: z.core.$ZodIssue, source?: IssueSource): string {
  if (!isValidatorWording(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${String(issue.maximum)} characters`
        : issue.origin === 'array'
          ? `must hold at most ${String(issue.maximum)} items`
          : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)} characters`;
      }
      if (issue.origin === 'array') return `must hold at least ${String(issue.minimum)} items`;
      return issue.inclusive === false
        ? `must be more than ${String(issue.minimum)}`
        : `must be at least ${String(issue.minimum)}`;
    case 'invalid_type': {
      if (/received undefined$/.test(issue.message)) return 'is required';
      if (/received array$/.test(issue.message) && source === 'query') {
        return 'is given more than once: give it once';
      }
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'must be a number'
        : `must be ${issue.expected === 'string' ? 'text' : issue.expected}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? patternWanted((issue as { pattern?: string }).pattern, source)
        : `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `does not take ${issue.keys.join(', ')}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return issue.message.replace(/^Invalid input: /, '');
  }
}

/** What a pattern asks for, for the patterns requests use; else a general word. */
function patternWanted(pattern: string | undefined, source: IssueSource | undefined): string {
  const text = pattern ?? '';
  const digits = /^\/?\^\\d\{(\d+)(?:,(\d+))?\}\$\/?$/.exec(text);
  if (digits) {
    const [, least, most] = digits;
    return most === undefined ? `must be ${least} digits` : `must be ${least} to ${most} digits`;
  }
  if (text.includes(String.raw`\d{4}-\d{2}-\d{2}`)) return 'must be a date such as 2025-01-31';
  return source === 'option'
    ? 'is not in the expected form'
    : 'is not in the form this field takes (see its description in /api/openapi.json)';
}
