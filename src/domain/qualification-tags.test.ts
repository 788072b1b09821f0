import { describe, expect, it } from 'vitest';
import { qualificationTags } from './qualification-tags.ts';

describe('qualificationTags', () => {
  it.each([
    ['高新技术企业', ['high_tech']],
    ['国家高新技术企业', ['high_tech']],
    ['国家高新', ['high_tech']],
    ['高企', ['high_tech']],
    ['专精特新', ['specialized_new']],
    ["专精特新'小巨人'", ['specialized_new', '专精特新小巨人']],
    ['专精特新“小巨人”企业', ['specialized_new', '专精特新小巨人企业']],
    ['国家级专精特新小巨人', ['specialized_new', '国家级专精特新小巨人']],
    ['省级专精特新', ['specialized_new', '省级专精特新']],
    ['上市公司；链主企业；外商投资企业', ['listed', 'chain_master', 'foreign_invested']],
    ['瞪羚企业、独角兽', ['瞪羚企业', '独角兽']],
    ['high_tech；高新技术企业', ['high_tech']],
  ])('reads %s', (text, tags) => {
    expect(qualificationTags(text)).toEqual(tags);
  });
});
