/**
 * Where an agency is, read from its own settings (site-setting), never written in code: the province in
 * running text ("tỉnh Lạng Sơn", "thành phố Cần Thơ") and the bare place name a document is issued at
 * ("Lạng Sơn, ngày … tháng … năm …").
 */
const PROVINCE = /((?:tỉnh|thành phố)\s+[^,.;]+?)\s*$/iu;

/**
 * The province of an agency: the end of its name ("Thi hành án dân sự tỉnh Lạng Sơn" → "tỉnh Lạng Sơn"),
 * else the last part of its postal address; "" when neither names one.
 */
export function agencyProvince(agencyName: string | null | undefined, address?: string | null): string {
  const fromName = PROVINCE.exec((agencyName ?? '').trim())?.[1];
  if (fromName) return fromName.trim();
  const last = (address ?? '').split(',').at(-1)?.trim() ?? '';
  return PROVINCE.exec(last)?.[1]?.trim() ?? '';
}

/** The province without "tỉnh" or "thành phố" ("tỉnh Lạng Sơn" → "Lạng Sơn"): a document's place of issue. */
export function provincePlace(province: string): string {
  return province.replace(/^(?:tỉnh|thành phố)\s+/iu, '').trim();
}
