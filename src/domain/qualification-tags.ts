import { splitTags } from './import-values.ts';

// Qualifications arrive in many spellings (高新技术企业, 国家高新, 高企; 专精特新"小巨人"…). The
// known ones become the registry's tag codes so that `tag=high_tech` finds them; wording that says
// more than the code (a level, 小巨人) is kept beside it, and anything unknown (瞪羚企业, 独角兽) is
// kept as typed: readable, never dropped.

const QUOTES = /['"‘’“”「」『』《》〈〉()（）\s]/g;

interface TagRule {
  code: string;
  /** The text names this qualification. */
  matches: RegExp;
  /** The text says nothing more than the code: keep the code alone. */
  plain: RegExp;
}

const RULES: readonly TagRule[] = [
  {
    code: 'high_tech',
    matches: /^(国家级?)?高新(技术)?(企业)?$|^高企$|^high[-_ ]?tech$/i,
    plain: /./,
  },
  {
    code: 'specialized_new',
    matches: /专精特新|^specialized[-_ ]?new$/i,
    plain: /^(专精特新(中小)?(企业)?|specialized[-_ ]?new)$/i,
  },
  { code: 'listed', matches: /^(A股|港股|美股)?上市(公司|企业)?$|^listed$/i, plain: /./ },
  { code: 'chain_master', matches: /^链主(企业)?$|^chain[-_ ]?master$/i, plain: /./ },
  // The demo's mark, as the web app and a spreadsheet export name it.
  { code: 'illustrative', matches: /^数据示意$|^illustrative$/i, plain: /./ },
  {
    code: 'foreign_invested',
    matches: /^外(商投资|资)(企业)?$|^foreign[-_ ]?invested$/i,
    plain: /./,
  },
];

/** The tags of a 标签/资质 cell: known qualifications as tag codes, the rest kept as typed. */
export function qualificationTags(text: string): string[] {
  const tags: string[] = [];
  const add = (tag: string) => {
    if (!tags.includes(tag)) tags.push(tag);
  };
  for (const item of splitTags(text)) {
    const bare = item.replace(QUOTES, '');
    const rule = RULES.find((r) => r.matches.test(bare));
    if (!rule) {
      add(item);
      continue;
    }
    add(rule.code);
    if (!rule.plain.test(bare)) add(bare);
  }
  return tags;
}
