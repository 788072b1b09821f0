import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { appUser } from '../db/schema.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { FirmAccountsResult } from '../shared/api/users.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

function csvForm(text: string): FormData {
  const form = new FormData();
  form.set('file', new File([text], 'accounts.csv', { type: 'text/csv' }));
  return form;
}

describe(`firm accounts in bulk (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let office: ApiClient;
  const ids: number[] = [];

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp(async ({ db }) => {
      ids.push(
        ...(await insertEnterprises(db, [
          makeEnterprise({ regionCode: '320214', name: '甲生物有限公司', uscc: null }),
          makeEnterprise({ regionCode: '320214', name: '乙医疗器械有限公司', uscc: null }),
          makeEnterprise({ regionCode: '320214', name: '同名公司', uscc: null }),
          makeEnterprise({ regionCode: '320206', name: '同名公司', uscc: null }),
        ])),
      );
    }));
    office = await signInNewUser(app, admin, 'office1', 'office');
  });
  afterAll(async () => {
    await database.close();
  });

  it('checks every row first and opens nothing when one is bad', async () => {
    const before = await database.db.$count(appUser);
    const answer = await office.json<ErrorResponse>(
      'POST',
      '/api/users/firm-accounts',
      csvForm(
        [
          'enterprise,username,displayName',
          '甲生物有限公司,jia,张三',
          '没有这家公司,,',
          '同名公司,,',
          `${ids[1]},jia,`,
          ',Bad Name,',
          'office1-fake,office1,',
        ].join('\n'),
      ),
    );
    expect(answer.status).toBe(400);
    const details = answer.body.error.details as { row: number; column: string; code: string }[];
    expect(details.map((d) => [d.row, d.column, d.code])).toEqual([
      [3, 'enterprise', 'ENTERPRISE_UNKNOWN'],
      [4, 'enterprise', 'ENTERPRISE_AMBIGUOUS'],
      [5, 'username', 'USERNAME_REPEATED'],
      [6, 'enterprise', 'ENTERPRISE_REQUIRED'],
      [6, 'username', 'USERNAME_INVALID'],
      [7, 'enterprise', 'ENTERPRISE_UNKNOWN'],
    ]);
    expect(await database.db.$count(appUser)).toBe(before);
  });

  it('opens firm accounts with one-time passwords that must be changed first', async () => {
    const answer = await office.json<FirmAccountsResult>(
      'POST',
      '/api/users/firm-accounts',
      csvForm(
        ['enterprise,username,displayName', '甲生物有限公司,jia,张三', `${ids[1]},,`].join('\n'),
      ),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.created.map((a) => [a.username, a.enterpriseName, a.displayName])).toEqual([
      ['jia', '甲生物有限公司', '张三'],
      [`f${ids[1]}`, '乙医疗器械有限公司', null],
    ]);
    const [first] = answer.body.created;
    const firm = new ApiClient(app);
    await firm.login('jia', first?.password ?? '');
    const refused = await firm.json<ErrorResponse>('GET', '/api/notifications');
    expect(refused.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = await firm.json<{ role: string; enterpriseId: number; mustChangePassword: boolean }>(
      'GET',
      '/api/auth/me',
    );
    expect(me.body).toMatchObject({ role: 'firm', enterpriseId: ids[0], mustChangePassword: true });

    const again = await office.json<ErrorResponse>(
      'POST',
      '/api/users/firm-accounts',
      csvForm('enterprise\n甲生物有限公司\n'),
    );
    expect(again.status).toBe(201);
    const taken = await office.json<ErrorResponse>(
      'POST',
      '/api/users/firm-accounts',
      csvForm('enterprise\n甲生物有限公司\n'),
    );
    expect((taken.body.error.details as { code: string }[])[0]?.code).toBe('USERNAME_TAKEN');
  });

  it('answers CSV when asked, and refuses a file without an enterprise column', async () => {
    const csv = await office.request(
      'POST',
      '/api/users/firm-accounts?format=csv',
      csvForm(`enterprise,username\n${ids[1]},yi2\n`),
    );
    expect(csv.status).toBe(201);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(
      /^\uFEFF?username,password,displayName,enterpriseId,enterprise\nyi2,/,
    );
    const noColumn = await office.json<ErrorResponse>(
      'POST',
      '/api/users/firm-accounts',
      csvForm('name\nx\n'),
    );
    expect([noColumn.status, noColumn.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    // The web says it from the details: the file and what its first row holds.
    expect(noColumn.body.error.details).toMatchObject({
      reason: 'COLUMNS_MISSING',
      file: expect.any(String) as string,
      headers: 'name',
    });
    const headersOnly = await office.json<ErrorResponse>(
      'POST',
      '/api/users/firm-accounts',
      csvForm('enterprise,username\n'),
    );
    expect(headersOnly.body.error.details).toMatchObject({ reason: 'FILE_NO_ROWS' });
    const viewer = await signInNewUser(app, admin, 'viewer1', 'viewer');
    expect(
      (await viewer.request('POST', '/api/users/firm-accounts', csvForm('enterprise\n1\n'))).status,
    ).toBe(403);
  });
});
