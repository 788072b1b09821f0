import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnterpriseById } from '../db/enterprise.repository.ts';
import { auditLog, problem } from '../db/schema.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ProblemImportResult } from '../shared/api/problem-import.ts';
import type { ProblemList } from '../shared/api/problems.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { startProblemWorld, type ProblemWorld } from '../test-support/problem-fixture.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

type RowError = { row: number; column: string; value: string; reason: string; code: string };

function upload(bytes: Uint8Array | string, name: string, dryRun = false): FormData {
  const form = new FormData();
  if (dryRun) form.set('dryRun', 'true');
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  form.set('file', new File([data], name));
  return form;
}

describe(`importing problems over the API (${testDatabaseKind()})`, () => {
  let world: ProblemWorld;
  let uscc: string;
  const count = async () => (await world.database.db.select().from(problem)).length;
  const post = (client: ApiClient, form: FormData) =>
    client.request('POST', '/api/problems/import', form);

  beforeAll(async () => {
    world = await startProblemWorld();
    const found = await findEnterpriseById(world.database.db, world.enterpriseId);
    uscc = found?.enterprise.uscc ?? '';
  }, 120_000);
  afterAll(async () => {
    await world.database.close();
  });

  const HOTLINE_CSV = [
    '企业,标题,内容,类别,渠道,受理时间,责任部门,责任人,联系电话,外部编号',
    // Friday 26 Sep 2025 18:30: the clock starts Sunday 28 Sep (worked in lieu); 融资 has 10
    // working days, with the National Day holidays between: due Friday 17 Oct.
    '无锡测试生物有限公司,贷款贴息未到账,企业反映贴息迟迟未到,融资,12345 热线转办,2025-09-26 18:30,市发改委,王五,13900000000,GD2025-0001',
    // Monday 3 Mar 2025 (a date alone is that morning): 用地/厂房, 15 working days: 24 Mar.
    '无锡另一家企业有限公司,厂房漏水,租用厂房屋顶漏水,land,,2025-03-03,,,,GD2025-0002',
  ].join('\n');

  it('records good rows from a CSV with the right stage, channel and due date, once', async () => {
    const before = await count();
    const dry = await post(world.office, upload(HOTLINE_CSV, '12345.csv', true));
    expect(dry.status).toBe(200);
    expect((await dry.json()) as ProblemImportResult).toMatchObject({
      dryRun: true,
      rows: 2,
      imported: 2,
      skipped: 0,
    });
    expect(await count()).toBe(before);

    const done = await post(world.office, upload(HOTLINE_CSV, '12345.csv'));
    const body = (await done.json()) as ProblemImportResult;
    expect(done.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ dryRun: false, rows: 2, imported: 2, skipped: 0, errors: [] });
    expect(await count()).toBe(before + 2);
    const list = await world.admin.json<ProblemList>('GET', '/api/problems?q=贷款贴息');
    const loan = list.body.items[0];
    expect(loan).toMatchObject({
      channel: 'hotline',
      stage: 'assigned',
      department: { id: world.departmentA },
      assigneeName: '王五',
      dueOn: '2025-10-17',
      receivedAt: '2025-09-26T10:30:00.000Z',
      category: { code: 'finance' },
    });
    const detail = await world.admin.json<{ description: string; contactPhone: string }>(
      'GET',
      `/api/problems/${loan?.id ?? 0}`,
    );
    expect(detail.body.description).toBe('[12345 工单 GD2025-0001] 企业反映贴息迟迟未到');
    expect(detail.body.contactPhone).toBe('13900000000');
    const leak = (await world.admin.json<ProblemList>('GET', '/api/problems?q=厂房漏水')).body;
    expect(leak.items[0]).toMatchObject({
      stage: 'accepted',
      department: null,
      channel: 'hotline',
      dueOn: '2025-03-24',
      enterprise: { id: world.otherEnterpriseId },
    });
    const audit = await world.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'problem.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorName).toBe('office1');

    // The same file again: both tickets are there already.
    const again = await post(world.office, upload(HOTLINE_CSV, '12345.csv'));
    expect((await again.json()) as ProblemImportResult).toMatchObject({
      imported: 0,
      skipped: 2,
    });
    expect(await count()).toBe(before + 2);
  });

  it('reads an XLSX with English headers, a USCC and date cells', async () => {
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    const sheet = workbook.addWorksheet('工单');
    sheet.addRow(['enterprise', 'title', 'description', 'category', 'channel', 'receivedAt']);
    sheet.addRow([
      uscc,
      '人才公寓申请',
      '三名博士的住房',
      'talent',
      'visit',
      new Date(Date.UTC(2025, 8, 26, 18, 30)),
    ]);
    sheet.addRow([
      uscc,
      '订单对接',
      '希望对接医院采购',
      '市场/订单',
      '走访',
      new Date(Date.UTC(2025, 2, 3)),
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const response = await post(world.office, upload(bytes, 'visits.xlsx'));
    const body = (await response.json()) as ProblemImportResult;
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ rows: 2, imported: 2, skipped: 0 });
    const talent = (await world.admin.json<ProblemList>('GET', '/api/problems?q=人才公寓申请'))
      .body;
    expect(talent.items[0]).toMatchObject({
      channel: 'visit',
      stage: 'accepted',
      dueOn: '2025-10-17',
      enterprise: { id: world.enterpriseId },
    });
    const market = (await world.admin.json<ProblemList>('GET', '/api/problems?q=订单对接')).body;
    expect(market.items[0]).toMatchObject({ category: { code: 'market' }, dueOn: '2025-03-24' });
  });

  it('writes nothing when a row is bad, and names every bad row, column and reason', async () => {
    const before = await count();
    const long = 'x'.repeat(201);
    const csv = [
      '企业,标题,内容,类别,受理时间,责任部门,联系电话',
      '无锡测试生物有限公司,好的一行,内容,融资,2025-06-02 09:00,,0510-85123456转8001',
      '无锡测试生物有限公司,类别不对,内容,没有这个类别,2025-06-02,',
      '不存在的公司,企业不对,内容,融资,2025-06-02,',
      '无锡测试生物有限公司,日期不对,内容,融资,2025-02-30,',
      '无锡测试生物有限公司,未来,内容,融资,2999-01-01 10:00,',
      '无锡测试生物有限公司,,内容,融资,2025-06-02,',
      `无锡测试生物有限公司,${long},内容,融资,2025-06-02,`,
      '无锡测试生物有限公司,NUL,内\u0000容,融资,2025-06-02,',
      '无锡测试生物有限公司,部门不对,内容,融资,2025-06-02,市不存在局',
      '无锡测试生物有限公司,时间不对,内容,融资,2025-06-02 25:10,',
      '无锡测试生物有限公司,电话不对,内容,融资,2025-06-02,,找张三',
    ].join('\n');
    const response = await post(world.office, upload(csv, 'bad.csv'));
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorResponse).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^10 errors in bad\.csv, so nothing was imported: row 3, 类别/);
    const details = error.details as RowError[];
    expect(details.map((d) => `${d.row}:${d.column}:${d.code}`)).toEqual([
      '3:类别:PROBLEM_CATEGORY_UNKNOWN',
      '4:企业:PROBLEM_ENTERPRISE_UNKNOWN',
      '5:受理时间:NO_SUCH_DATE',
      '6:受理时间:DATE_IN_FUTURE',
      '7:标题:VALUE_REQUIRED',
      '8:标题:TEXT_TOO_LONG',
      '9:内容:TEXT_HAS_NUL',
      '10:责任部门:PROBLEM_DEPARTMENT_UNKNOWN',
      '11:受理时间:TIME_INVALID',
      '12:联系电话:PHONE_INVALID',
    ]);
    expect(details[0]).toMatchObject({
      value: '没有这个类别',
      reason: expect.stringMatching(/^not a problem category; use /) as string,
    });
    expect(await count()).toBe(before);

    const missing = await post(
      world.office,
      upload('企业,标题\n无锡测试生物有限公司,x', 'few.csv'),
    );
    expect(missing.status).toBe(400);
    const columns = (((await missing.json()) as ErrorResponse).error.details as RowError[]).map(
      (d) => `${d.row}:${d.column}:${d.code}`,
    );
    expect(columns).toEqual([
      '1:内容:PROBLEM_COLUMN_MISSING',
      '1:类别:PROBLEM_COLUMN_MISSING',
      '1:受理时间:PROBLEM_COLUMN_MISSING',
    ]);
  });

  it('skips a row without a ticket number when the same problem is recorded already', async () => {
    const csv = [
      '企业名称,诉求标题,诉求内容,诉求类别,受理时间',
      '无锡测试生物有限公司,水电增容,申请增加用电容量,其他,2025-07-01 09:00',
      '无锡测试生物有限公司,水电增容,同一天又来电,其他,2025-07-02 09:00',
    ].join('\n');
    const first = (await (
      await post(world.office, upload(csv, '无编号.csv'))
    ).json()) as ProblemImportResult;
    expect(first).toMatchObject({ imported: 2, skipped: 0 });
    const before = await count();
    const again = (await (
      await post(world.office, upload(csv, '无编号.csv'))
    ).json()) as ProblemImportResult;
    expect(again).toMatchObject({ imported: 0, skipped: 2 });
    expect(await count()).toBe(before);
  });

  it('reads a GB18030 CSV with Chinese headers and refuses a department user', async () => {
    const csv = [
      '企业名称,诉求标题,诉求内容,诉求类别,来电时间,工单编号',
      // The registered name written with a space and a full-width legal form: the same firm.
      '无锡测试生物 有限公司,环评咨询,想了解环评流程,其他,2025/6/3 10:15,GD2025-0100',
    ].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(csv, 'gb18030'));
    const response = await post(world.office, upload(bytes, '12345导出.csv'));
    const body = (await response.json()) as ProblemImportResult;
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ imported: 1, skipped: 0 });
    const found = (await world.admin.json<ProblemList>('GET', '/api/problems?q=环评咨询')).body;
    expect(found.items[0]).toMatchObject({
      channel: 'hotline',
      category: { code: 'other' },
      receivedAt: '2025-06-03T02:15:00.000Z',
    });

    const before = await count();
    const refused = await post(world.department, upload(bytes, '12345导出.csv'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorResponse).error.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });
});
