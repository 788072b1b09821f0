import { createReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { AppError } from '../../domain/app-error.ts';
import {
  fail,
  fileError,
  tableFromRecords,
  type Table,
  type TableBytes,
  type TableRow,
} from './table-common.ts';
import { spoolToTempFile } from './spool.ts';

interface WorkbookInternals {
  properties?: { model?: { date1904?: boolean } };
}

/** How often a workbook is read again when exceljs loses its last zip entry (see below). */
const XLSX_ATTEMPTS = 3;

export async function openXlsx(
  bytes: TableBytes,
  shown: string,
  wanted: string | undefined,
  path?: string,
): Promise<Table> {
  // exceljs takes half a second to load: only XLSX imports pay for it.
  const { default: excel } = await import('exceljs');
  // An XLSX is a zip whose directory sits at its end, and exceljs's one-pass streaming reader
  // sometimes ends before the last entry (xl/workbook.xml, which names the sheets) and then
  // fails with "reading 'sheets'" (exceljs issue 3064, a race). So the workbook is spooled to a
  // temporary file once (unless it is a file on disk already), read from there row by row, and
  // read again when that race strikes before any row came out. CSV and JSON Lines never touch
  // the disk.
  let spooled: Awaited<ReturnType<typeof spoolToTempFile>> | undefined;
  const removeSpool = () => {
    const spool = spooled;
    spooled = undefined;
    if (spool) void spool.remove();
  };
  let reader: InstanceType<typeof excel.stream.xlsx.WorkbookReader> | undefined;
  // exceljs reads the workbook's 1900/1904 date system but does not type it.
  const date1904 = (): boolean =>
    (reader as unknown as WorkbookInternals | undefined)?.properties?.model?.date1904 === true;
  let sheet: string | null = null;
  // The workbook file being read: progress counts its bytes once reading it began.
  let fileStream: ReturnType<typeof createReadStream> | undefined;

  async function* records(): AsyncGenerator<TableRow> {
    const names: string[] = [];
    try {
      let file = path;
      if (file === undefined) {
        spooled = await spoolToTempFile({ bytes: bytes.stream, name: 'workbook.xlsx' }, 'x.xlsx');
        file = spooled.file;
      } else {
        bytes.close();
      }
      for (let attempt = 1; ; attempt++) {
        names.length = 0;
        let yielded = false;
        fileStream = createReadStream(file);
        reader = new excel.stream.xlsx.WorkbookReader(fileStream, {
          worksheets: 'emit',
          // Shared strings are one table for the whole workbook; the streaming reader keeps it.
          sharedStrings: 'cache',
          hyperlinks: 'ignore',
          // Styles tell a date from a number.
          styles: 'cache',
          entries: 'ignore',
        });
        try {
          for await (const worksheet of reader) {
            const name = (worksheet as unknown as { name: string }).name;
            names.push(name);
            if (wanted !== undefined && name !== wanted) continue;
            sheet = name;
            for await (const row of worksheet) {
              const cells: string[] = [];
              row.eachCell({ includeEmpty: false }, (cell, column) => {
                cells[column - 1] = xlsxCellText(cell, date1904, shown, row.number);
              });
              yielded = true;
              yield { rowNumber: row.number, cells: Array.from(cells, (cell) => cell ?? '') };
            }
            return;
          }
          break;
        } catch (error) {
          const lostWorkbookEntry =
            error instanceof TypeError && /reading 'sheets'/.test(error.message);
          if (!lostWorkbookEntry || yielded || attempt >= XLSX_ATTEMPTS) throw error;
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw fail(
        shown,
        `cannot read the workbook (${reason}); open it in Excel or WPS and save it again as .xlsx`,
      );
    } finally {
      bytes.close();
      removeSpool();
    }
    if (wanted !== undefined)
      throw fail(
        shown,
        `has no sheet named "${wanted}"; its sheets are ${names.map((n) => `"${n}"`).join(', ')}`,
      );
  }

  // The sheet's name is known once its first row arrives, which is before tableFromRecords
  // reads `sheet`; hence the getter.
  return tableFromRecords(records(), {
    format: 'xlsx',
    encoding: 'utf8',
    get sheet() {
      return sheet;
    },
    shown,
    progress: () => ({
      bytesRead: fileStream?.bytesRead ?? bytes.bytesRead(),
      totalBytes: bytes.totalBytes,
    }),
    close: () => {
      bytes.close();
      removeSpool();
    },
    failure: (error) => fileError(error, shown),
  });
}

function xlsxCellText(
  cell: ExcelJS.Cell,
  date1904: () => boolean,
  shown: string,
  row: number,
): string {
  const value = cell.value;
  if (
    typeof value === 'object' &&
    value !== null &&
    ('formula' in value || 'sharedFormula' in value)
  ) {
    // cell.value drops falsy results (0, '', NaN); cell.result keeps them.
    const result = cell.result as ExcelJS.CellValue;
    if (result === undefined)
      throw fail(
        shown,
        `cell ${cell.address} is a formula with no saved result; open the file in Excel or WPS and save it again`,
        row,
        'ROW_FORMULA_NO_RESULT',
        { cell: cell.address },
      );
    // The streaming reader turns an error result (#DIV/0!, #N/A…) into NaN, losing which error.
    if (typeof result === 'number' && Number.isNaN(result)) return '#ERROR!';
    // Only plain values carry a date format; a formula's date result arrives as a serial number.
    if (typeof result === 'number' && isDateFormat(cell.numFmt))
      return isoDateTime(excelSerialToDate(result, date1904()));
    return valueText(result);
  }
  return valueText(value);
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // Excel shows 15 significant digits; its files sometimes store binary noise past them.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDateTime(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return valueText(value.text);
  if ('error' in value) return value.error;
  return '';
}

/** Excel's rule (as exceljs applies it): a number format with date or time letters is a date. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  // Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system starts 1462 days later.
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** 'YYYY-MM-DD', with the time of day only when there is one; exceljs dates are UTC wall times. */
function isoDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
