import { MATCH_REASON_CODES, parseMatchReason } from '../shared/match-reasons.ts';
import { describe, expect, it } from 'vitest';
import {
  MATCH_THRESHOLDS,
  addressSimilarity,
  blockingKeys,
  decideMatch,
  nameSimilarity,
  normalizeEnterpriseName,
  recordsNamed,
  scoreMatch,
  type MatchRecord,
} from './entity-matching.ts';
import { buildUscc } from './uscc.ts';

const decide = (a: MatchRecord, b: MatchRecord) => decideMatch(scoreMatch(a, b).score);

describe('normalizeEnterpriseName', () => {
  it('treats full-width and half-width brackets alike and drops a bracketed place', () => {
    const fullWidth = normalizeEnterpriseName('阿斯利康（无锡）贸易有限公司');
    expect(fullWidth).toBe(normalizeEnterpriseName('阿斯利康(无锡)贸易有限公司'));
    expect(fullWidth).toBe('阿斯利康贸易');
    expect(normalizeEnterpriseName('ＡＢＣ　Ｐｈａｒｍａ　Ｃｏ．，Ｌｔｄ．')).toBe('abcpharma');
  });

  it('keeps bracketed words that are not places', () => {
    expect(normalizeEnterpriseName('Brandix ASL (Lingerie)')).toBe('brandixasllingerie');
    expect(normalizeEnterpriseName('江苏恒瑞医药(集团)有限公司')).toBe('江苏恒瑞医药集团');
  });

  it('folds traditional characters into simplified ones', () => {
    expect(normalizeEnterpriseName('無錫藥明康德新藥開發股份有限公司')).toBe(
      normalizeEnterpriseName('无锡药明康德新药开发股份有限公司'),
    );
    expect(normalizeEnterpriseName('台灣積體電路製造股份有限公司')).toBe('台湾积体电路制造');
  });

  it('strips Chinese and Latin legal forms', () => {
    const forms = ['有限公司', '股份有限公司', '有限责任公司', '股份公司'];
    for (const form of forms)
      expect(normalizeEnterpriseName(`无锡药明康德${form}`)).toBe('无锡药明康德');
    const latin = [
      'WuXi AppTec Co., Ltd.',
      'WuXi AppTec Co. Ltd',
      'WUXI APPTEC LIMITED',
      'WuXi AppTec Inc.',
      'WuXi AppTec Corp.',
      'WuXi AppTec GmbH',
      'WuXi AppTec (Pvt) Ltd',
      'WuXi AppTec S.A. de C.V.',
      'WuXi AppTec Sdn Bhd',
    ];
    for (const name of latin) expect(normalizeEnterpriseName(name), name).toBe('wuxiapptec');
  });

  it('keeps 集团, which tells a group parent from its operating company', () => {
    expect(normalizeEnterpriseName('华润医药集团有限公司')).toBe('华润医药集团');
    expect(normalizeEnterpriseName('华润医药集团有限公司')).not.toBe(
      normalizeEnterpriseName('华润医药有限公司'),
    );
  });

  it('removes branch markers with the branch place', () => {
    const head = normalizeEnterpriseName('无锡药明康德新药开发股份有限公司');
    expect(normalizeEnterpriseName('无锡药明康德新药开发股份有限公司上海分公司')).toBe(head);
    expect(normalizeEnterpriseName('无锡药明康德新药开发股份有限公司第一分厂')).not.toBe('');
    expect(normalizeEnterpriseName('中国银行无锡分行')).toBe('中国银行');
    expect(normalizeEnterpriseName('Reha Tekstil A.S. Tokat Branch')).toBe('rehatekstil');
    expect(normalizeEnterpriseName('Roo Hsing Garment Co. Ltd Branch #2')).toBe('roohsinggarment');
  });

  it('keeps a leading place, which tells firms apart, without the 省 or 市 names often omit', () => {
    expect(normalizeEnterpriseName('无锡药明康德新药开发股份有限公司')).toBe(
      '无锡药明康德新药开发',
    );
    expect(normalizeEnterpriseName('江苏省无锡市华瑞制药有限公司')).toBe('江苏无锡华瑞制药');
    expect(normalizeEnterpriseName('无锡市第二人民医院')).toBe('无锡第二人民医院');
  });

  it('rejoins names broken into single letters', () => {
    expect(normalizeEnterpriseName('m e r c u r y apparel')).toBe('mercuryapparel');
  });

  it('does not empty a name that is only a legal form', () => {
    expect(normalizeEnterpriseName('有限公司')).toBe('有限公司');
    expect(normalizeEnterpriseName('Ltd.')).toBe('ltd');
  });
});

describe('scoreMatch', () => {
  it('matches traditional and simplified spellings of one name', () => {
    const result = scoreMatch(
      { name: '無錫藥明康德新藥開發股份有限公司', regionCode: '320214' },
      { name: '无锡药明康德新药开发股份有限公司', regionCode: '320214' },
    );
    expect(result.score).toBeGreaterThanOrEqual(0.95);
    expect(result.reasons).toContain('same normalised name in region 320214');
    expect(decideMatch(result.score)).toBe('match');
  });

  it('matches legal-form variants and an English name given as nameEn', () => {
    expect(decide({ name: 'WuXi AppTec Co., Ltd.' }, { name: 'WUXI APPTEC LIMITED' })).toBe(
      'match',
    );
    expect(decide({ name: '恒瑞医药有限公司' }, { name: '恒瑞医药股份有限公司' })).toBe('match');
    const cn = { name: '无锡药明康德新药开发股份有限公司', nameEn: 'WuXi AppTec Co., Ltd.' };
    const result = scoreMatch(cn, { name: 'Wuxi Apptec Co Ltd' });
    expect(result.reasons).toContain('same normalised name (English)');
    expect(decideMatch(result.score)).toBe('match');
  });

  it('sends a branch and its head office to review, never merges them, and keeps branches apart', () => {
    const branch = { name: '无锡药明康德新药开发股份有限公司上海分公司' };
    const head = { name: '无锡药明康德新药开发股份有限公司' };
    expect(decide(branch, head)).toBe('possible');
    expect(scoreMatch(branch, head).reasons).toContain('a branch and its head office');
    expect(decide(branch, { name: '无锡药明康德新药开发股份有限公司北京分公司' })).toBe('distinct');
    expect(decide(branch, { name: '無錫藥明康德新藥開發股份有限公司上海分公司' })).toBe('match');
    expect(decide({ name: 'Ozanteks Tekstil Tokat Subesi' }, { name: 'Ozanteks Tekstil' })).toBe(
      'possible',
    );
  });

  it('keeps numbered sites of one firm apart (Unit 6 / Unit 10, #2)', () => {
    const unit10 = { name: 'Soorty Enterprises (Pvt) Ltd . Unit10' };
    expect(decide(unit10, { name: 'Soorty Enterprises (Pvt.) Ltd. Unit 6' })).toBe('distinct');
    expect(decide(unit10, { name: 'Soorty Enterprises (Pvt) Ltd. (Unit No. 10)' })).toBe('match');
    expect(decide({ name: 'Diamant SRL' }, { name: 'Diamant SRL #2' })).toBe('possible');
  });

  it('keeps names alike but for their numbers apart (测试1 / 测试10), not one with a number and one without', () => {
    const wuxi = { regionCode: '320214' };
    const one = { ...wuxi, name: '测试1有限公司' };
    expect(decide(one, { ...wuxi, name: '测试10有限公司' })).toBe('distinct');
    expect(scoreMatch(one, { ...wuxi, name: '测试10有限公司' }).reasons).toContain(
      'different numbers in the names',
    );
    expect(decide({ name: 'ABC 1 Ltd' }, { name: 'ABC 10 Ltd' })).toBe('distinct');
    expect(decide({ name: '苏州3D打印科技有限公司' }, { name: '苏州4D打印科技有限公司' })).toBe(
      'distinct',
    );
    // The same numbers, however written (full-width digits), still match.
    expect(decide(one, { ...wuxi, name: '测试１有限公司' })).toBe('match');
    expect(
      decide({ ...wuxi, name: '无锡3M医疗器械有限公司' }, { ...wuxi, name: '无锡3M医疗器械公司' }),
    ).toBe('match');
  });

  it('sends a short name that abbreviates a registered name to review, never merges it', () => {
    const full = { name: '上海浦东发展银行股份有限公司' };
    expect(decide({ name: '浦发银行' }, full)).toBe('possible');
    expect(scoreMatch({ name: '浦发银行' }, full).reasons).toContain(
      'one name abbreviates the other',
    );
    expect(decide({ name: '菜百股份' }, { name: '北京菜市口百货股份有限公司' })).toBe('possible');
    // The characters must stand in order in the trade name.
    expect(decide({ name: '发浦银行' }, full)).toBe('distinct');
  });

  it('scores a name that differs only by a leading place high when the regions agree', () => {
    const result = scoreMatch(
      { name: '无锡药明康德新药开发有限公司', regionCode: '320214' },
      { name: '药明康德新药开发有限公司', regionCode: '320211' },
    );
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLDS.merge);
    expect(result.reasons[0]).toMatch(/leading place 无锡/);
    const apart = scoreMatch(
      { name: '无锡药明康德新药开发有限公司', regionCode: '320214' },
      { name: '药明康德新药开发有限公司', regionCode: '310115' },
    );
    expect(decideMatch(apart.score)).toBe('distinct');
  });

  it('keeps names that open with different cities apart when no region code says otherwise', () => {
    const wuxi = { name: '无锡药明康德新药开发有限公司' };
    expect(decide(wuxi, { name: '苏州药明康德新药开发有限公司' })).toBe('distinct');
    expect(decide(wuxi, { name: '苏州药明康德生物科技有限公司' })).toBe('distinct');
    // A province and a city in it do not contradict each other; neither do 无锡市 and 无锡.
    expect(
      decide({ name: '江苏恒瑞医药股份有限公司' }, { name: '连云港恒瑞医药股份有限公司' }),
    ).toBe('possible');
    const city = scoreMatch({ name: '无锡市华瑞制药有限公司' }, { name: '无锡华瑞制药有限公司' });
    expect(city.reasons).toContain('same normalised name');
  });

  it('treats the same name in a different city as at most possible', () => {
    const wuxi = { name: '阿斯利康（无锡）贸易有限公司', regionCode: '320214' };
    const shanghai = { name: '阿斯利康贸易(上海)有限公司', regionCode: '310115' };
    const result = scoreMatch(wuxi, shanghai);
    expect(result.score).toBeLessThan(MATCH_THRESHOLDS.merge);
    expect(['possible', 'distinct']).toContain(decideMatch(result.score));
    expect(result.reasons).toContain('same normalised name in different cities');
    // Same province, other city: still apart.
    expect(decide(wuxi, { ...shanghai, regionCode: '320506' })).not.toBe('match');
  });

  it('keeps records with different valid USCCs apart, even with equal names', () => {
    const a = {
      name: '华润医药商业有限公司',
      regionCode: '320214',
      uscc: buildUscc('320214', '12345678'),
    };
    const b = { ...a, uscc: buildUscc('320214', '87654321') };
    const result = scoreMatch(a, b);
    expect(result.score).toBeLessThanOrEqual(0.2);
    expect(result.reasons[0]).toBe('different USCC');
    expect(decideMatch(result.score)).toBe('distinct');
  });

  it('matches records with the same USCC, whatever their names', () => {
    const uscc = buildUscc('320214', 'MA1XYW12');
    const result = scoreMatch(
      { name: '无锡某某生物科技有限公司', uscc },
      { name: 'Some Other Name Ltd', uscc: uscc.toLowerCase() },
    );
    expect(result).toEqual({ score: 1, reasons: ['same USCC'] });
  });

  it('ignores an invalid USCC rather than calling the records different', () => {
    const a = { name: '恒瑞医药股份有限公司', uscc: buildUscc('320700', '12345678') };
    const b = { name: '恒瑞医药股份有限公司', uscc: 'not-a-uscc' };
    expect(decideMatch(scoreMatch(a, b).score)).toBe('match');
  });

  it('scores unrelated firms low', () => {
    const pairs: [string, string][] = [
      ['无锡药明康德新药开发股份有限公司', '江苏恒瑞医药股份有限公司'],
      ['阿斯利康制药有限公司', '无锡华瑞制药有限公司'],
      ['Trinity Handbags Co. Ltd.', 'Peninsula Apparel International Limited'],
      ['Starline Garment Manufacturing Co. Ltd.', 'Ipekyolu Garment Manufacturing Co. Ltd.'],
    ];
    for (const [a, b] of pairs) {
      const { score } = scoreMatch({ name: a }, { name: b });
      expect(score, `${a} / ${b}`).toBeLessThan(MATCH_THRESHOLDS.review);
    }
  });

  it('lowers the score for a very different address; a missing one changes nothing', () => {
    const name = 'Ozanteks Tekstil San. ve Tic. A.S.';
    const other = 'Ozanteks Tekstil';
    const bare = scoreMatch({ name }, { name: other }).score;
    const oneAddress = scoreMatch(
      { name, address: 'Bozburun Mah. 7042 Sokak No.6 Denizli' },
      {
        name: other,
      },
    ).score;
    const near = scoreMatch(
      { name, address: 'Bozburun Mah. 7042 Sokak No.6 Denizli Turkey' },
      { name: other, address: 'bozburun mahallesi 7042 sokak no 6' },
    ).score;
    const far = scoreMatch(
      { name, address: 'Bozburun Mah. 7042 Sokak No.6 Denizli Turkey' },
      { name: other, address: 'Via Venezia 99, 59013 Montemurlo, Italy' },
    ).score;
    expect(oneAddress).toBe(bare);
    expect(near).toBeGreaterThan(bare);
    expect(far).toBeLessThan(bare);
  });

  it('gives only reasons the web app can say in either language', () => {
    const records = [
      {
        name: '无锡药明康德新药开发股份有限公司',
        regionCode: '320214',
        address: '无锡市新吴区马山五号桥',
      },
      { name: '無錫藥明康德新藥開發股份有限公司', regionCode: '320214' },
      { name: '药明康德新药开发股份有限公司', regionCode: '320214', address: '无锡市滨湖区' },
      { name: '苏州药明康德新药开发有限公司', regionCode: '320505' },
      { name: '药明康德', nameEn: 'WuXi AppTec' },
      { name: '无锡药明康德新药开发股份有限公司上海分公司' },
      { name: '无锡药明康德新药开发股份有限公司北京分公司' },
      { name: '测试1有限公司', uscc: buildUscc('320214', '12345678') },
      { name: '测试10有限公司', uscc: buildUscc('320214', '87654321') },
      { name: '测试1', uscc: buildUscc('320214', '12345678') },
      { name: 'X', nameEn: 'WuXi AppTec Co., Ltd.' },
      { name: '无锡药明康德新药开发股份有限公司', regionCode: '310115' },
      {
        name: '无锡药明生物技术股份有限公司',
        regionCode: '320214',
        address: '无锡市新吴区马山五号桥',
      },
      { name: '药明生物技术有限公司', regionCode: '310115' },
      { name: '上海浦东发展银行股份有限公司' },
      { name: '浦发银行' },
    ];
    const seen = new Set<string>();
    for (const a of records) {
      for (const b of records) {
        for (const reason of scoreMatch(a, b).reasons) {
          expect(parseMatchReason(reason), reason).not.toBeNull();
          seen.add(parseMatchReason(reason)?.code ?? '');
        }
      }
    }
    expect([...seen].sort()).toEqual(
      [...MATCH_REASON_CODES].filter((c) => c !== 'ROW_WITHOUT_USCC').sort(),
    );
  });

  it('scores a pair the same in either order', () => {
    const records: MatchRecord[] = [
      {
        name: '无锡药明康德新药开发有限公司',
        regionCode: '320214',
        address: '无锡市新吴区长江路7号',
      },
      { name: '药明康德新药开发有限公司', regionCode: '320211' },
      { name: 'Sang Woo (Cambodia) Co Ltd', address: 'National Road 4, Kampong Speu' },
      { name: 'SangWoo Cambodia Co. Ltd.', address: 'Trapangkong commune, Kampongspeu' },
    ];
    for (const a of records) {
      for (const b of records) expect(scoreMatch(a, b).score).toBe(scoreMatch(b, a).score);
    }
  });

  it('gives short reasons with the name and address similarity', () => {
    const { reasons } = scoreMatch(
      {
        name: 'Jerash Garments & Fashions Manufacturing Co. Ltd',
        address: 'Al-Tajamouat Estate, Sahab',
      },
      {
        name: 'Jerash Garment & Fashions Manufacturing Co.',
        address: 'Altajamouat Industrial Estate',
      },
    );
    expect(reasons[0]).toMatch(/^name similarity 0\.\d\d$/);
    expect(reasons[1]).toMatch(/^address similarity 0\.\d\d$/);
  });
});

describe('similarities', () => {
  it('lets industry words count for less than the trade name', () => {
    const sameTrade = nameSimilarity(
      'Mercury Apparel Seethawaka',
      'Hirdaramani Mercury Seethawaka',
    );
    const sameIndustry = nameSimilarity('Starline Konfeksiyon Tekstil', 'Nova Konfeksiyon Tekstil');
    expect(sameTrade).toBeGreaterThan(sameIndustry);
  });

  it('unifies address abbreviations', () => {
    expect(addressSimilarity('No. 12 Xinhua Road', '#12 Xinhua Rd.')).toBe(1);
    expect(addressSimilarity('江蘇省無錫市新吳區長江路7號', '江苏省无锡市新吴区长江路7号')).toBe(1);
    expect(addressSimilarity('Lot 14 Export Processing Zone', 'Via Venezia 99')).toBeLessThan(0.3);
  });
});

describe('decideMatch', () => {
  it('cuts at the merge and review thresholds', () => {
    expect(decideMatch(MATCH_THRESHOLDS.merge)).toBe('match');
    expect(decideMatch(MATCH_THRESHOLDS.merge - 0.001)).toBe('possible');
    expect(decideMatch(MATCH_THRESHOLDS.review)).toBe('possible');
    expect(decideMatch(MATCH_THRESHOLDS.review - 0.001)).toBe('distinct');
  });
});

describe('blockingKeys', () => {
  const shareKey = (a: MatchRecord, b: MatchRecord) =>
    blockingKeys(a).some((key) => blockingKeys(b).includes(key));

  it('gives true variants a common key', () => {
    const variants: [string, string][] = [
      ['無錫藥明康德新藥開發股份有限公司', '无锡药明康德新药开发股份有限公司'],
      ['无锡药明康德新药开发有限公司', '药明康德新药开发有限公司'],
      ['阿斯利康（无锡）贸易有限公司', '阿斯利康(无锡)贸易有限公司'],
      ['无锡药明康德新药开发股份有限公司上海分公司', '无锡药明康德新药开发股份有限公司'],
      ['WuXi AppTec Co., Ltd.', 'WUXI APPTEC LIMITED'],
      ['Hirdaramani Mercury Seethawaka', 'm e r c u r y appar e l se e th awaka'],
    ];
    for (const [a, b] of variants)
      expect(shareKey({ name: a }, { name: b }), `${a} / ${b}`).toBe(true);
  });

  it('keys on the USCC and the English name', () => {
    const uscc = buildUscc('320214', 'MA1XYW12');
    expect(blockingKeys({ name: '某某', uscc })).toContain(`u:${uscc}`);
    expect(shareKey({ name: '药明康德', nameEn: 'WuXi AppTec' }, { name: 'Wuxi Apptec Ltd' })).toBe(
      true,
    );
  });

  it('does not key on industry words or places alone', () => {
    const a = { name: 'Wuxi Textile Garment Co. Ltd' };
    expect(blockingKeys(a).some((key) => key === 't:wuxi' || key === 't:textile')).toBe(false);
    expect(
      shareKey({ name: '江苏恒瑞医药股份有限公司' }, { name: '无锡药明康德新药开发股份有限公司' }),
    ).toBe(false);
  });
});

describe('recordsNamed', () => {
  const registry = [
    { id: 1, name: '第一测试药业(无锡)有限公司' },
    { id: 2, name: '无锡康泰医疗器械有限公司滨湖分公司' },
    { id: 3, name: '无锡康泰医疗器械有限公司新吴分公司' },
    { id: 4, name: '无锡同名科技有限公司' },
    { id: 5, name: '无锡同名科技股份有限公司' },
  ];
  const ids = (written: string) => recordsNamed(written, registry).map((r) => r.id);

  it('finds a name written with other brackets, spaces or characters', () => {
    expect(ids('第一测试药业(无锡)有限公司')).toEqual([1]);
    expect(ids('第一测试药业（无锡）有限公司')).toEqual([1]);
    expect(ids('第一测试药业 (无锡) 有限公司')).toEqual([1]);
  });

  it('keeps branches apart and reports a name two records share', () => {
    expect(ids('无锡康泰医疗器械有限公司滨湖分公司')).toEqual([2]);
    expect(ids('无锡康泰医疗器械有限公司')).toEqual([]);
    expect(ids('无锡同名科技有限公司')).toEqual([4]);
    expect(ids('无锡同名科技（有限公司）')).toEqual([4, 5]);
    expect(ids('无锡别的科技有限公司')).toEqual([]);
  });
});
