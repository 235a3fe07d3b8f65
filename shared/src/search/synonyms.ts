/**
 * Từ đồng nghĩa cho tìm kiếm — Search synonyms.
 *
 * Applied when the site is built (site/scripts/search-index.ts), never in the browser: a page whose text
 * holds one side of an entry is also indexed under the words of the other side, so a citizen who types
 * "tiền nuôi con" finds the answers that say "cấp dưỡng", and "THADS" finds "thi hành án dân sự".
 * The added words are hidden metadata: they are never shown, and excerpts only come from the page's text.
 *
 * HOW TO ADD ONE (editors, by pull request — keep the list short and reviewed):
 *  - `{ same: ['a', 'b', …] }`: the terms mean the same thing; a page that says any one of them is found by
 *    every other one. Use it for abbreviations and spelling variants ("THADS" ↔ "thi hành án dân sự").
 *  - `{ when: ['legal term', …], add: ['everyday words', …] }`: one way only. A page that says a `when` term
 *    is also found by the `add` words, but a page that only says the everyday words does not get the legal
 *    term. Use it for the words people type for a legal notion ("trừ lương" for "khấu trừ thu nhập").
 *  - Write terms as people write them, with diacritics; matching ignores case, diacritics and "đ"/"d",
 *    and a term only matches whole words ("THA" matches "Phòng THA" but not "THAHC").
 *  - Add only what a real citizen types, never words to make one page win one query. Never join two
 *    different legal notions: "án phí" (court fee, paid to the State under the judgment) is NOT "phí thi hành
 *    án" (the enforcement fee on money received), and "tiền phạt" is neither.
 *  - Search matches every word of a query, in any order, so one entry is enough for a phrase: "nuôi con"
 *    already serves "tiền nuôi con hàng tháng" as long as the page has "tháng".
 *  - `npx vitest run --project unit` checks the list (shared/src/search/synonyms.test.ts);
 *    `npm run bench:search` measures the effect on relevance.
 */
export type SynonymEntry =
  | { same: string[]; note?: string }
  | { when: string[]; add: string[]; note?: string };

export const SYNONYMS: SynonymEntry[] = [
  // — Viết tắt: abbreviations used in the agency's own texts and by people who deal with it —
  { same: ['thi hành án dân sự', 'THADS'] },
  { same: ['thi hành án hành chính', 'THAHC'] },
  { same: ['thi hành án', 'THA'] },
  { same: ['chấp hành viên', 'CHV'] },
  { same: ['Tòa án nhân dân', 'TAND'] },
  { same: ['Viện kiểm sát nhân dân', 'VKSND'] },
  { same: ['Ủy ban nhân dân', 'UBND'] },
  { same: ['Hội đồng nhân dân', 'HĐND'] },
  { same: ['quyền sử dụng đất', 'QSDĐ'] },
  { same: ['Bộ luật Dân sự', 'BLDS'] },
  { same: ['Bộ luật Tố tụng dân sự', 'BLTTDS'] },
  { same: ['Bộ luật Hình sự', 'BLHS'] },
  { same: ['nghị định', 'NĐ', 'NĐ-CP'] },
  { same: ['thông tư', 'TT'] },
  { same: ['Bộ Tài chính', 'BTC'] },
  { same: ['Quốc hội', 'QH'] },
  { same: ['kế hoạch', 'KH'] },
  { same: ['cơ quan thi hành án', 'CQTHA'] },
  { same: ['giải quyết khiếu nại, tố cáo', 'GQKNTC'] },
  { same: ['thông cáo báo chí', 'TCBC'] },
  { same: ['điện thoại', 'ĐT', 'SĐT'] },
  // Spelling variants (i/y) people still type.
  { same: ['ly hôn', 'li hôn', 'ly dị'] },

  // — Everyday words for legal notions (one way: the page uses the legal term) —
  { when: ['cấp dưỡng'], add: ['tiền nuôi con', 'nuôi con', 'trợ cấp nuôi con'] },
  { when: ['khấu trừ thu nhập', 'khấu trừ tiền lương', 'khấu trừ lương'], add: ['trừ lương', 'trừ tiền lương', 'cắt lương', 'trừ vào lương'] },
  { when: ['lương hưu'], add: ['tiền hưu', 'hưu trí'] },
  {
    when: ['kê biên', 'cưỡng chế'],
    add: ['siết nhà', 'xiết nhà', 'siết nợ', 'xiết nợ', 'tịch thu'],
    note: 'People say "siết/xiết nhà" (both spellings) for the seizure of a house to pay a debt.',
  },
  { when: ['cưỡng chế giao nhà', 'giao nhà'], add: ['đuổi nhà', 'lấy lại nhà'] },
  { when: ['đấu giá tài sản', 'bán đấu giá'], add: ['bán đấu giá nhà', 'đấu giá nhà', 'mua nhà đấu giá', 'phát mại'] },
  { when: ['định giá'], add: ['thẩm định giá', 'định giá lại'] },
  { when: ['phong tỏa tài khoản', 'tài khoản ngân hàng bị phong tỏa'], add: ['giữ tiền trong ngân hàng', 'khóa tài khoản', 'đóng băng tài khoản'] },
  { when: ['quyền sử dụng đất'], add: ['sổ đỏ', 'sổ hồng', 'đất đai'] },
  { when: ['người phải thi hành án'], add: ['người bị thi hành án', 'con nợ', 'người thua kiện'] },
  { when: ['người được thi hành án'], add: ['chủ nợ', 'người thắng kiện'] },
  { when: ['yêu cầu thi hành án'], add: ['đòi nợ'] },
  { when: ['thời hiệu'], add: ['thời hạn yêu cầu', 'quá hạn', 'hết hạn'] },
  { when: ['hoãn thi hành án', 'tạm đình chỉ'], add: ['tạm dừng thi hành án', 'lùi thi hành án'] },
  { when: ['miễn giảm', 'xét miễn'], add: ['xin miễn', 'xóa nợ'] },
  { when: ['đề nghị', 'làm đơn'], add: ['xin'], note: 'People "xin" (ask for) what the texts call "đề nghị": xin hoãn, xin giảm.' },
  { when: ['trả góp', 'thỏa thuận trả dần'], add: ['trả dần', 'góp hàng tháng'] },
  { when: ['tố cáo'], add: ['tố giác', 'phản ánh sai phạm'] },
  { when: ['nhũng nhiễu'], add: ['hối lộ', 'vòi tiền', 'tiêu cực'] },
  { when: ['tiếp công dân'], add: ['tiếp dân', 'lịch tiếp dân', 'gặp lãnh đạo'] },
  { when: ['địa chỉ', 'trụ sở'], add: ['ở đâu', 'liên hệ'] },
  { when: ['qua đời'], add: ['chết', 'từ trần'] },
  { when: ['bệnh'], add: ['ốm', 'ốm đau', 'nằm viện'], note: '"Ốm" is the everyday (northern) word for being ill.' },
  { when: ['bao nhiêu ngày', 'thời hạn'], add: ['bao lâu'], note: 'A time limit is asked as "bao lâu" (how long).' },
  { when: ['lao động ở nước ngoài', 'làm việc ở nước ngoài'], add: ['xuất khẩu lao động'] },
  { same: ['doanh nghiệp', 'công ty'] },
  { when: ['mất việc'], add: ['thất nghiệp', 'nghỉ việc'] },
  { when: ['phá sản'], add: ['vỡ nợ'] },
  { when: ['bị hại'], add: ['nạn nhân'] },
  { when: ['tuyển dụng'], add: ['tuyển người', 'việc làm', 'thi tuyển'] },
  { when: ['đương sự'], add: ['người liên quan'] },
  { when: ['xe máy'], add: ['xe gắn máy', 'mô tô'] },
  { when: ['hộ nghèo'], add: ['nhà nghèo', 'gia đình nghèo'] },
  { when: ['giám đốc thẩm'], add: ['kháng nghị', 'xét lại bản án'] },
  { when: ['xuất cảnh'], add: ['đi nước ngoài', 'ra nước ngoài'], note: 'Leaving the country is "đi nước ngoài" in everyday words.' },
  { when: ['tiền đặt trước', 'khoản đặt trước'], add: ['đặt cọc', 'tiền cọc'], note: 'The auction deposit ("tiền đặt trước") is called "tiền cọc" by buyers.' },
  { when: ['ngày nghỉ'], add: ['chủ nhật', 'thứ bảy', 'cuối tuần'], note: 'The weekly days off.' },
  { when: ['hình phạt tù', 'phạm nhân', 'trại giam'], add: ['ngồi tù', 'đi tù', 'ở tù'] },
  { when: ['chuyển nhượng', 'tặng cho'], add: ['sang tên'] },
  { when: ['sung quỹ nhà nước'], add: ['sung công'] },
  { when: ['ô tô'], add: ['xe hơi'] },
];
