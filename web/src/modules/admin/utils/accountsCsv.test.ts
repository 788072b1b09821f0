import { describe, expect, it } from 'vitest';
import { accountsCsv } from './accountsCsv.ts';

describe('accountsCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas, like the server exports', () => {
    const text = accountsCsv([
      {
        username: 'firm-1',
        password: 'abcd-EFGH-2345-jkmn',
        displayName: "=cmd|' /C calc'!A0",
        enterpriseId: 7,
        enterpriseName: '@SUM(A1)',
      },
      {
        username: 'firm-2',
        password: 'pqrs-TUVW-6789-xyza',
        displayName: null,
        enterpriseId: 8,
        enterpriseName: '+86 "无锡" 药业',
      },
    ]);
    expect(text).toBe(
      '\uFEFFusername,password,displayName,enterpriseId,enterprise\r\n' +
        "firm-1,abcd-EFGH-2345-jkmn,'=cmd|' /C calc'!A0,7,'@SUM(A1)\r\n" +
        'firm-2,pqrs-TUVW-6789-xyza,,8,"\'+86 ""无锡"" 药业"\r\n',
    );
  });

  it('leaves tab and carriage-return starts neutralised too', () => {
    const text = accountsCsv([
      {
        username: 'firm-3',
        password: 'p',
        displayName: '\t=1',
        enterpriseId: 9,
        enterpriseName: '\r=2',
      },
    ]);
    expect(text.split('\r\n')[1]).toBe('firm-3,p,\'\t=1,9,"\'\r=2"');
  });
});
