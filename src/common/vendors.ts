// The ways one equipment maker is written (issue 11 point 12): the register holds what was typed or
// imported — 华为, Huawei, HUAWEI, 华为技术有限公司 — and a search for any of them finds the others.
// Lower case, as the search compares them (search.ts); the first writing is the one to show.
export const VENDOR_WRITINGS: readonly (readonly string[])[] = [
  ['华为', 'huawei', '华为技术有限公司'],
  ['新华三', 'h3c', '华三', '新华三技术有限公司'],
  ['思科', 'cisco'],
  ['锐捷', 'ruijie', '锐捷网络'],
  ['中兴', 'zte'],
  ['深信服', 'sangfor'],
  ['天融信', 'topsec'],
  ['绿盟科技', 'nsfocus', '绿盟'],
  ['奇安信', 'qianxin', 'qi-anxin'],
  ['启明星辰', 'venustech'],
  ['山石网科', 'hillstone'],
  ['飞塔', 'fortinet'],
  ['浪潮', 'inspur'],
  ['联想', 'lenovo'],
  ['戴尔', 'dell'],
  ['惠普', 'hp', 'hpe', 'hewlett packard enterprise'],
  ['海康威视', 'hikvision', '海康'],
  ['大华', 'dahua'],
  ['宝利通', 'polycom', 'poly'],
  ['索尼', 'sony'],
  ['爱普生', 'epson'],
  ['雅马哈', 'yamaha'],
  ['利亚德', 'leyard'],
  ['小鱼易连', 'xylink'],
];

/**
 * Every writing of the makers a search term names: those with a writing that contains the term
 * (two Chinese characters or three letters at least, so 华 or hp alone names no maker), lower case.
 */
export function vendorWritings(term: string): string[] {
  const t = term.toLowerCase();
  if ([...t].length < (/[\u3400-\u9fff]/.test(t) ? 2 : 3)) return [];
  return VENDOR_WRITINGS.filter((g) => g.some((w) => w.includes(t))).flat();
}
