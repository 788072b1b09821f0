// The toy regional statistics the statistics tests share: two regions (A, B), two traded industries
// (x, y), 2020 and 2022. Nationally 100 → 125 (gN 0.25); x 40 → 60 (gi 0.5); A's x 8 → 14.

export const TOY_STATS_HEADER =
  'region_code,region_name,scheme,industry_code,industry_name,industry_type,year,employment,establishments,payroll,output';

export const TOY_STATS = [
  TOY_STATS_HEADER,
  'A,Alpha,toy,x,Gadgets,traded,2020,8,2,,',
  'A,Alpha,toy,y,Widgets,traded,2020,32,4,,',
  'B,Beta,toy,x,Gadgets,traded,2020,32,3,,',
  'B,Beta,toy,y,Widgets,traded,2020,28,5,,',
  'A,Alpha,toy,x,Gadgets,traded,2022,14,2,,',
  'A,Alpha,toy,y,Widgets,traded,2022,36,4,,',
  'B,Beta,toy,x,Gadgets,traded,2022,46,3,,',
  'B,Beta,toy,y,Widgets,traded,2022,29,5,,',
].join('\n');

/** A's x from 2020 to 2022, split three ways: E0 = 8, gN = 0.25, gi = 0.5, gir = 0.75. */
export const TOY_SHIFT_SHARE_A_X = {
  base: 8,
  end: 14,
  change: 6,
  nationalShare: 2,
  industryMix: 2,
  regionalShare: 2,
};
