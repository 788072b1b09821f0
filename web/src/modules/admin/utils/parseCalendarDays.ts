import type { CalendarDay } from '@shared/api/calendar.ts';

/** One line per moved day, "2026-02-16 holiday 春节" or "2026-02-14 workday": the editor's text. */
export function calendarDaysText(days: readonly CalendarDay[]): string {
  return days.map((d) => [d.day, d.kind, d.name ?? ''].join(' ').trim()).join('\n');
}

/** The editor's lines back as days; the lines that do not read are returned by number. */
export function parseCalendarDays(text: string): {
  days: { day: string; kind: CalendarDay['kind']; name: string | null }[];
  badLines: number[];
} {
  const days: { day: string; kind: CalendarDay['kind']; name: string | null }[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const match = /^(\d{4}-\d{2}-\d{2})\s+(holiday|workday)(?:\s+(.+))?$/.exec(trimmed);
    if (!match?.[1] || !match[2]) {
      badLines.push(index + 1);
      return;
    }
    days.push({
      day: match[1],
      kind: match[2] as CalendarDay['kind'],
      name: match[3]?.trim() || null,
    });
  });
  return { days, badLines };
}
