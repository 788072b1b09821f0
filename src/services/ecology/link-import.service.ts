import { AppError } from '../../domain/app-error.ts';
import { textCellProblem } from '../../domain/cell-text.ts';
import { normalizeUscc, parseDate, parseMoney } from '../../domain/import-values.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import type { Db } from '../../db/connection.ts';
import {
  insertLinks,
  linkFingerprint,
  storedLinkFingerprints,
  type NewLinkRow,
} from '../../db/enterprise-link.repository.ts';
import { findEnterprisesByUsccOrName } from '../../db/problem-import.repository.ts';
import { LINK_PRODUCT_MAX, type LinkImportResult } from '../../shared/api/links.ts';
import { LINK_KIND_WORDS, type LinkKind } from '../../shared/link-kinds.ts';
import type { RowError } from '../tables/error-report.ts';
import { rowErrorsRefusal } from '../tables/table-common.ts';
import { openTable, tableSourceName, type TableSource } from '../tables/table-reader.ts';
import { linkProblems, lookUpParties, type LinkProblem } from './link-rules.ts';
import type { LinkUser } from './links.service.ts';
import { recordsNamed } from '../../domain/entity-matching.ts';

// Importing links from a spreadsheet (CSV or XLSX): every row checked as a request is, and the
// file written all at once or not at all.

export const MAX_LINK_IMPORT_ROWS = 20_000;

type Column = 'kind' | 'from' | 'to' | 'product' | 'share' | 'amount' | 'validFrom' | 'validTo';

/** Header spellings (lower-cased, spaces and brackets dropped) per column. */
const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  kind: ['kind', 'type', '类型', '关系类型', '关系'],
  from: ['from', 'supplier', '供方', '供应方', '供货方', '甲方', '发起方'],
  to: ['to', 'buyer', '需方', '采购方', '客户', '乙方', '对方'],
  product: ['product', 'products', '产品', '产品或服务', '内容'],
  share: ['share_percent', 'share', 'share%', '占比', '采购占比', '占比%'],
  amount: ['amount_wan_yuan', 'amount', '金额', '金额万元', '年采购额万元', '金额(万元)'],
  validFrom: ['valid_from', 'from_date', '起始日期', '开始日期', '起始'],
  validTo: ['valid_to', 'to_date', '截止日期', '结束日期', '截止'],
};

const LABELS: Readonly<Record<Column, string>> = {
  kind: 'kind',
  from: 'from',
  to: 'to',
  product: 'product',
  share: 'share_percent',
  amount: 'amount_wan_yuan',
  validFrom: 'valid_from',
  validTo: 'valid_to',
};

const fold = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s()（）]/g, '');

const USCC_SHAPE = /^[0-9A-Z]{18}$/;
/** Dates of a contract may lie ahead: only impossible dates are refused. */
const FAR_FUTURE = new Date('2100-12-31T00:00:00Z');

interface ParsedLink {
  row: number;
  values: Omit<NewLinkRow, 'regionCode' | 'source' | 'createdBy'>;
}

/**
 * Imports links from a spreadsheet: kind, from, to (enterprise id, USCC or registered name),
 * product, share_percent, amount_wan_yuan (万元), valid_from, valid_to. All or nothing: any bad
 * row and nothing is written, the error listing file, row, column and reason of every bad row.
 * Office and admin only. Throws FORBIDDEN, VALIDATION_FAILED.
 */
export async function importLinks(
  db: Db,
  user: LinkUser,
  file: TableSource,
  options: { dryRun?: boolean } = {},
): Promise<LinkImportResult> {
  if (user.role !== 'office' && user.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only the chain office or an admin imports links.');
  }
  const fileName = tableSourceName(file);
  const table = await openTable(file);
  const index = new Map<Column, number>();
  table.headers.forEach((header, at) => {
    const column = (Object.keys(HEADERS) as Column[]).find((c) =>
      HEADERS[c].map(fold).includes(fold(header)),
    );
    if (column && !index.has(column)) index.set(column, at);
  });
  const errors: RowError[] = [];
  const missing = (['kind', 'from', 'to'] as const).filter((c) => !index.has(c));
  // A column the import does not know would be dropped without a word (a misspelt 产品 column
  // loses every product): refused, naming the columns it takes. Blank headers are left alone.
  const known = new Set(Object.values(HEADERS).flatMap((spellings) => spellings.map(fold)));
  const unknown = table.headers.filter((h) => h.trim() !== '' && !known.has(fold(h)));
  const columnList = Object.values(LABELS).join(', ');
  const headerErrors: RowError[] = [
    ...missing.map((c) => ({
      row: 1,
      column: LABELS[c],
      value: '',
      reason: `the column ${LABELS[c]} is missing`,
      code: 'PROBLEM_COLUMN_MISSING' as const,
      params: { column: LABELS[c] },
    })),
    ...unknown.map((h) => ({
      row: 1,
      column: h,
      value: h,
      reason: `unknown column; use ${columnList}`,
      code: 'UNKNOWN_COLUMN' as const,
      params: { columns: Object.values(LABELS).join('、') },
    })),
  ];
  if (headerErrors.length > 0) {
    table.close();
    throw rowErrorsRefusal(
      headerErrors.map(({ row, column, reason }) => ({ row, column, reason })),
      fileName,
      'so nothing was imported',
      { file: fileName, errors: headerErrors },
    );
  }
  const raw: { row: number; cell: (c: Column) => string }[] = [];
  for await (const row of table.rows) {
    if (raw.length >= MAX_LINK_IMPORT_ROWS) {
      table.close();
      throw new AppError(
        'VALIDATION_FAILED',
        `${fileName} holds more than ${MAX_LINK_IMPORT_ROWS} rows; split it and import each part.`,
      );
    }
    const cells = row.cells;
    raw.push({
      row: row.rowNumber,
      cell: (c) => {
        const at = index.get(c);
        return at === undefined ? '' : (cells[at] ?? '').trim();
      },
    });
  }

  // Enterprises named by id, USCC or registered name, looked up once for the whole file.
  const refs = raw.flatMap((r) => [r.cell('from'), r.cell('to')]).filter(Boolean);
  const usccs = [...new Set(refs.map(normalizeUscc).filter((t) => USCC_SHAPE.test(t)))];
  const found = await findEnterprisesByUsccOrName(db, usccs, [...new Set(refs)]);
  const byKey = new Map<string, number[]>();
  for (const e of found) {
    if (e.uscc)
      byKey.set(`uscc:${e.uscc}`, [...new Set([...(byKey.get(`uscc:${e.uscc}`) ?? []), e.id])]);
  }
  for (const text of new Set(refs)) {
    byKey.set(`name:${text}`, [...new Set(recordsNamed(text, found).map((e) => e.id))]);
  }
  const header = (c: Column) => {
    const at = index.get(c);
    return at === undefined ? LABELS[c] : (table.headers[at] ?? LABELS[c]);
  };
  const refuse = (
    row: number,
    c: Column,
    value: string,
    reason: string,
    code: RowError['code'],
    params?: RowError['params'],
  ) => {
    errors.push({ row, column: header(c), value, reason, code, ...(params ? { params } : {}) });
  };
  const resolve = (row: number, c: 'from' | 'to', text: string): number | null => {
    if (text === '') {
      refuse(
        row,
        c,
        text,
        'an enterprise id, USCC or registered name is required',
        'ENTERPRISE_REQUIRED',
      );
      return null;
    }
    if (/^\d{1,10}$/.test(text)) return Number(text);
    const ids = byKey.get(`uscc:${normalizeUscc(text)}`) ?? byKey.get(`name:${text}`) ?? [];
    if (ids.length === 1) return ids[0] ?? null;
    if (ids.length > 1) {
      refuse(
        row,
        c,
        text,
        'several enterprises have this name; use the USCC or id',
        'ENTERPRISE_AMBIGUOUS',
      );
    } else {
      refuse(
        row,
        c,
        text,
        'no enterprise has this USCC, registered name or id',
        'ENTERPRISE_UNKNOWN',
      );
    }
    return null;
  };

  // Every row is checked whole: what the cells say, then what the link would be, so that one run
  // lists everything wrong with the file.
  const read = raw.map((r) => {
    const kindText = r.cell('kind');
    const kind: LinkKind | undefined = LINK_KIND_WORDS[kindText.toLowerCase()];
    if (!kind) {
      refuse(
        r.row,
        'kind',
        kindText,
        'the kind must be 供货/supplies, 服务/serves, 控股/owns or 合作/cooperates',
        'LINK_KIND_UNKNOWN',
      );
    }
    const fromId = resolve(r.row, 'from', r.cell('from'));
    const toId = resolve(r.row, 'to', r.cell('to'));
    let sharePercent: number | null = null;
    const shareText = r.cell('share').replace(/[%％]$/, '');
    if (shareText !== '') {
      const share = Number(shareText);
      if (!Number.isFinite(share))
        refuse(r.row, 'share', r.cell('share'), 'not a number', 'NOT_A_NUMBER');
      else sharePercent = share;
    }
    const money = parseMoney(r.cell('amount'), null, 'wan');
    if (!money.ok)
      refuse(r.row, 'amount', r.cell('amount'), money.reason, money.code, money.params);
    const dates = (['validFrom', 'validTo'] as const).map((c) => {
      const parsedDate = parseDate(r.cell(c), FAR_FUTURE);
      if (!parsedDate.ok) {
        refuse(r.row, c, r.cell(c), parsedDate.reason, parsedDate.code, parsedDate.params);
        return null;
      }
      return parsedDate.date;
    });
    const product = r.cell('product');
    const productProblem = textCellProblem(product, LINK_PRODUCT_MAX);
    if (productProblem)
      refuse(
        r.row,
        'product',
        productProblem.value,
        productProblem.reason,
        productProblem.code,
        productProblem.params,
      );
    return {
      row: r.row,
      cell: r.cell,
      kind,
      facts: {
        fromId,
        toId,
        product: product || null,
        sharePercent,
        amountYuan: money.ok ? money.yuan : null,
        validFrom: dates[0] ?? null,
        validTo: dates[1] ?? null,
      },
    };
  });

  const lookup = await lookUpParties(
    db,
    read.flatMap((r) => [r.facts.fromId, r.facts.toId]).filter((id) => id !== null),
  );
  const columnOf: Record<LinkProblem['field'], Column> = {
    fromId: 'from',
    toId: 'to',
    sharePercent: 'share',
    amountYuan: 'amount',
    validTo: 'validTo',
  };
  const rowsWithErrors = new Set(errors.map((e) => e.row));
  const parsed: ParsedLink[] = [];
  for (const r of read) {
    const problems = linkProblems(r.facts, lookup);
    for (const problem of problems) {
      const column = columnOf[problem.field];
      refuse(r.row, column, r.cell(column), problem.why, problem.reason, problem.params);
    }
    const { fromId, toId } = r.facts;
    if (problems.length > 0 || rowsWithErrors.has(r.row)) continue;
    if (!r.kind || fromId === null || toId === null) continue;
    parsed.push({ row: r.row, values: { ...r.facts, kind: r.kind, fromId, toId } });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw rowErrorsRefusal(errors, fileName, 'so nothing was imported', { file: fileName, errors });
  }
  // A link already stored (or repeated in the file) as the row says it is left as it is: importing
  // the same file again changes nothing.
  const seen = await storedLinkFingerprints(
    db,
    parsed.map((p) => p.values.fromId),
    parsed.map((p) => p.values.toId),
  );
  const fresh = parsed.filter((p) => {
    const fingerprint = linkFingerprint(p.values);
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
  const result: LinkImportResult = {
    dryRun: options.dryRun ?? false,
    rows: raw.length,
    imported: fresh.length,
    unchanged: parsed.length - fresh.length,
  };
  if (options.dryRun) return result;
  await db.transaction(async (tx) => {
    await insertLinks(
      tx,
      fresh.map((p) => ({
        ...p.values,
        regionCode: lookup.parties.get(p.values.toId)?.regionCode ?? '',
        source: 'import',
        createdBy: user.actor.name,
      })),
    );
    await recordAudit(tx, user.actor, {
      action: 'link.import',
      entityType: 'enterprise_link',
      after: {
        file: fileName,
        rows: result.rows,
        imported: result.imported,
        unchanged: result.unchanged,
      },
    });
  });
  return result;
}
