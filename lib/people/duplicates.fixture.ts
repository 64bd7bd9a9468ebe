// Known duplicates and known non-duplicates for the duplicate matcher
// (lib/people/duplicates.ts), written from the ways the same person is
// really registered twice: another transliteration, accents dropped, family
// name first or last, a hyphen or space in a Korean given name, a new alias,
// a birth year off by one. The non-duplicates are the hard cases: relatives
// sharing a family name, namesakes born years apart, the same name in
// another nationality. `duplicates.integration.test.ts` reports precision
// and recall on it.

export type FixturePerson = {
  key: string;
  latinName: string;
  nativeName?: string;
  aliases?: string[];
  birthYear?: number;
  nationality: string;
  unhcrNumber?: string;
  documentNumber?: string;
};

/** Already registered. */
export const REGISTERED: FixturePerson[] = [
  { key: "kim-jongun", latinName: "Kim Jong-un", nativeName: "김정은", birthYear: 1988, nationality: "KP" },
  { key: "lee-sunhee", latinName: "Lee Sun-hee", nativeName: "이순희", birthYear: 1979, nationality: "KP" },
  { key: "park-myongchol", latinName: "Park Myong-chol", birthYear: 1992, nationality: "KP" },
  { key: "choi-eunjung", latinName: "Choi Eun-jung", nativeName: "최은정", birthYear: 1985, nationality: "KP" },
  { key: "jung-kyonghee", latinName: "Jung Kyong-hee", birthYear: 1990, nationality: "KP" },
  { key: "ri-chunhwa", latinName: "Ri Chun-hwa", nativeName: "리춘화", birthYear: 1971, nationality: "KP" },
  { key: "kang-songmi", latinName: "Kang Song-mi", birthYear: 2001, nationality: "KP" },
  { key: "han-yongsu", latinName: "Han Yong-su", birthYear: 1966, nationality: "KP" },
  { key: "yoon-hyejin", latinName: "Yoon Hye-jin", birthYear: 1995, nationality: "KP" },
  { key: "jang-gwangho", latinName: "Jang Gwang-ho", birthYear: 1983, nationality: "KP" },
  { key: "oh-geumsun", latinName: "Oh Geum-sun", birthYear: 1975, nationality: "KP" },
  { key: "seo-jiwon", latinName: "Seo Ji-won", birthYear: 2004, nationality: "KP" },
  { key: "kim-ryonhui", latinName: "Kim Ryon-hui", birthYear: 1999, nationality: "KP" },
  { key: "kim-kyonghui", latinName: "Kim Kyong-hui", birthYear: 1970, nationality: "KP" },
  { key: "nguyen-vanminh", latinName: "Nguyễn Văn Minh", birthYear: 1984, nationality: "VN", unhcrNumber: "811-16C01234" },
  { key: "tran-thihoa", latinName: "Trần Thị Hoa", birthYear: 1991, nationality: "VN" },
  { key: "le-quangdung", latinName: "Lê Quang Dũng", birthYear: 1978, nationality: "VN" },
  { key: "pham-ducthang", latinName: "Phạm Đức Thắng", birthYear: 1987, nationality: "VN" },
  { key: "dang-ngocanh", latinName: "Đặng Ngọc Ánh", birthYear: 1996, nationality: "VN", documentNumber: "C1234567" },
  { key: "vu-huuhung", latinName: "Vũ Hữu Hùng", birthYear: 1969, nationality: "VN" },
  { key: "hoang-thimai", latinName: "Hoàng Thị Mai", birthYear: 1982, nationality: "VN" },
  { key: "bui-thanhtung", latinName: "Bùi Thanh Tùng", birthYear: 1993, nationality: "VN" },
  { key: "ksor-yblim", latinName: "Y Blim Ksor", aliases: ["Ksor Blim"], birthYear: 1980, nationality: "VN" },
  { key: "nie-hbia", latinName: "H'Bia Niê", birthYear: 1989, nationality: "VN" },
  { key: "rmah-ydhun", latinName: "Y Dhun Rmah", birthYear: 1976, nationality: "VN" },
  { key: "siu-hnguyet", latinName: "H'Nguyet Siu", birthYear: 1998, nationality: "VN" },
  { key: "vang-pao", latinName: "Pao Vang", birthYear: 1974, nationality: "LA" },
  { key: "xiong-mai", latinName: "Mai Xiong", birthYear: 1990, nationality: "LA", unhcrNumber: "811-19C00777" },
  { key: "lor-chue", latinName: "Chue Lor", birthYear: 1985, nationality: "LA" },
  { key: "yang-neng", latinName: "Neng Yang", birthYear: 1968, nationality: "LA" },
  { key: "moua-kia", latinName: "Kia Moua", birthYear: 2000, nationality: "LA" },
  { key: "thao-see", latinName: "See Thao", birthYear: 1983, nationality: "LA" },
  { key: "sok-dara", latinName: "Sok Dara", birthYear: 1981, nationality: "KH" },
  { key: "aung-kyaw", latinName: "Aung Kyaw Moe", birthYear: 1979, nationality: "MM" },
  { key: "zhang-wei", latinName: "Zhang Wei", nativeName: "张伟", birthYear: 1986, nationality: "CN" },
  { key: "li-ming", latinName: "Li Ming", birthYear: 1990, nationality: "CN" },
];

export type Probe = FixturePerson & {
  /** The registered person this is, or null: a different person. */
  expected: string | null;
  why: string;
};

const variant = (expected: string, why: string, person: Omit<FixturePerson, "key">): Probe => ({ key: `${expected}?${why}`, expected, why, ...person });
const other = (why: string, person: Omit<FixturePerson, "key">): Probe => ({ key: `none?${why}`, expected: null, why, ...person });

/** Someone arriving at intake. */
export const PROBES: Probe[] = [
  // Romanised Korean: surname spellings, hyphens and spaces, vowel spellings.
  variant("kim-jongun", "same spelling", { latinName: "Kim Jong-un", birthYear: 1988, nationality: "KP" }),
  variant("kim-jongun", "no hyphen", { latinName: "Kim Jong Un", birthYear: 1988, nationality: "KP" }),
  variant("kim-jongun", "run together", { latinName: "Kim Jongun", birthYear: 1988, nationality: "KP" }),
  variant("kim-jongun", "Revised Romanisation", { latinName: "Gim Jeong-eun", birthYear: 1988, nationality: "KP" }),
  variant("kim-jongun", "family name last", { latinName: "Jong Un Kim", birthYear: 1988, nationality: "KP" }),
  variant("kim-jongun", "Hangul only", { latinName: "Kim J.", nativeName: "김정은", birthYear: 1988, nationality: "KP" }),
  variant("kim-jongun", "birth year off by one", { latinName: "Kim Jong-un", birthYear: 1989, nationality: "KP" }),
  variant("lee-sunhee", "Yi", { latinName: "Yi Sun-hui", birthYear: 1979, nationality: "KP" }),
  variant("lee-sunhee", "Rhee", { latinName: "Rhee Soon Hee", birthYear: 1979, nationality: "KP" }),
  variant("lee-sunhee", "Ri, no birth year", { latinName: "Ri Sun-hi", nationality: "KP" }),
  variant("park-myongchol", "Pak", { latinName: "Pak Myong Chol", birthYear: 1992, nationality: "KP" }),
  variant("park-myongchol", "Bak, Revised", { latinName: "Bak Myeong-cheol", birthYear: 1992, nationality: "KP" }),
  variant("choi-eunjung", "Choe", { latinName: "Choe Un-jong", birthYear: 1985, nationality: "KP" }),
  variant("choi-eunjung", "spaces", { latinName: "Choi Eun Jung", birthYear: 1985, nationality: "KP" }),
  variant("jung-kyonghee", "Jeong Gyeong-hui", { latinName: "Jeong Gyeong-hui", birthYear: 1990, nationality: "KP" }),
  variant("jung-kyonghee", "Chung Kyung-hee", { latinName: "Chung Kyung Hee", birthYear: 1990, nationality: "KP" }),
  variant("ri-chunhwa", "Lee", { latinName: "Lee Chun-hwa", birthYear: 1971, nationality: "KP" }),
  variant("ri-chunhwa", "Hangul", { latinName: "Ri C.", nativeName: "리춘화", birthYear: 1971, nationality: "KP" }),
  variant("kang-songmi", "Gang Seong-mi", { latinName: "Gang Seong-mi", birthYear: 2001, nationality: "KP" }),
  variant("han-yongsu", "typo", { latinName: "Han Yongsoo", birthYear: 1966, nationality: "KP" }),
  variant("yoon-hyejin", "Yun", { latinName: "Yun Hye Jin", birthYear: 1995, nationality: "KP" }),
  variant("jang-gwangho", "Chang Kwang-ho", { latinName: "Chang Kwang-ho", birthYear: 1983, nationality: "KP" }),
  variant("oh-geumsun", "O Kum-son", { latinName: "O Kum-sun", birthYear: 1975, nationality: "KP" }),
  variant("seo-jiwon", "Suh", { latinName: "Suh Ji Won", birthYear: 2004, nationality: "KP" }),
  variant("kim-ryonhui", "Kim Yeon-hee (South Korean spelling)", { latinName: "Kim Ryeon-hee", birthYear: 1999, nationality: "KP" }),
  // Vietnamese: accents dropped or garbled, family name last, typos.
  variant("nguyen-vanminh", "no accents", { latinName: "Nguyen Van Minh", birthYear: 1984, nationality: "VN" }),
  variant("nguyen-vanminh", "family name last", { latinName: "Minh Van Nguyen", birthYear: 1984, nationality: "VN" }),
  variant("nguyen-vanminh", "typo Ngyuen", { latinName: "Ngyuen Van Minh", birthYear: 1984, nationality: "VN" }),
  variant("nguyen-vanminh", "UNHCR number only match", { latinName: "Minh N.", nationality: "VN", unhcrNumber: "811-16C01234" }),
  variant("nguyen-vanminh", "no middle name", { latinName: "Nguyen Minh", birthYear: 1984, nationality: "VN" }),
  variant("tran-thihoa", "no accents", { latinName: "Tran Thi Hoa", birthYear: 1991, nationality: "VN" }),
  variant("tran-thihoa", "birth year off by one", { latinName: "Trần Thị Hoa", birthYear: 1990, nationality: "VN" }),
  variant("le-quangdung", "Dung without tilde", { latinName: "Le Quang Dung", birthYear: 1978, nationality: "VN" }),
  variant("pham-ducthang", "Duc with plain D", { latinName: "Pham Duc Thang", birthYear: 1987, nationality: "VN" }),
  variant("pham-ducthang", "family name last", { latinName: "Thang Duc Pham", birthYear: 1987, nationality: "VN" }),
  variant("dang-ngocanh", "passport number", { latinName: "Anh Dang", nationality: "VN", documentNumber: "C1234567" }),
  variant("dang-ngocanh", "no accents", { latinName: "Dang Ngoc Anh", birthYear: 1996, nationality: "VN" }),
  variant("vu-huuhung", "Vu Huu Hung", { latinName: "Vu Huu Hung", birthYear: 1969, nationality: "VN" }),
  variant("hoang-thimai", "Huynh is not Hoang: but here Hoang Mai", { latinName: "Hoang Thi Mai", birthYear: 1982, nationality: "VN" }),
  variant("bui-thanhtung", "Bui Thanh Tung", { latinName: "Bui Thanh Tung", birthYear: 1993, nationality: "VN" }),
  // Montagnard (Jarai, Rhade) names: Y/H' prefixes, order, apostrophes.
  variant("ksor-yblim", "family name first", { latinName: "Ksor Y Blim", birthYear: 1980, nationality: "VN" }),
  variant("ksor-yblim", "Y run into the name", { latinName: "Yblim Ksor", birthYear: 1980, nationality: "VN" }),
  variant("nie-hbia", "no apostrophe or accent", { latinName: "H Bia Nie", birthYear: 1989, nationality: "VN" }),
  variant("nie-hbia", "Nie first", { latinName: "Niê H'Bia", birthYear: 1989, nationality: "VN" }),
  variant("rmah-ydhun", "Rmah first", { latinName: "Rmah Y Dhun", birthYear: 1976, nationality: "VN" }),
  variant("siu-hnguyet", "no apostrophe", { latinName: "HNguyet Siu", birthYear: 1998, nationality: "VN" }),
  // Hmong: family name first or last, White/Green Hmong spellings.
  variant("vang-pao", "family name first", { latinName: "Vang Pao", birthYear: 1974, nationality: "LA" }),
  variant("xiong-mai", "UNHCR number", { latinName: "Mai X.", nationality: "LA", unhcrNumber: "811-19C00777" }),
  variant("xiong-mai", "family name first", { latinName: "Xiong Mai", birthYear: 1990, nationality: "LA" }),
  variant("lor-chue", "Lo for Lor", { latinName: "Chue Lo", birthYear: 1985, nationality: "LA" }),
  variant("yang-neng", "same name, year unknown", { latinName: "Neng Yang", nationality: "LA" }),
  variant("moua-kia", "Mua for Moua", { latinName: "Kia Mua", birthYear: 2000, nationality: "LA" }),
  variant("thao-see", "family name first", { latinName: "Thao See", birthYear: 1983, nationality: "LA" }),
  variant("sok-dara", "order", { latinName: "Dara Sok", birthYear: 1981, nationality: "KH" }),
  variant("aung-kyaw", "spacing", { latinName: "Aung Kyawmoe", birthYear: 1979, nationality: "MM" }),
  variant("zhang-wei", "Chinese characters", { latinName: "Wei Z.", nativeName: "张伟", birthYear: 1986, nationality: "CN" }),
  variant("zhang-wei", "family name last", { latinName: "Wei Zhang", birthYear: 1986, nationality: "CN" }),
  variant("li-ming", "same", { latinName: "Li Ming", birthYear: 1990, nationality: "CN" }),
  variant("kim-kyonghui", "Gyeong-hui", { latinName: "Kim Gyeong-hui", birthYear: 1970, nationality: "KP" }),
  variant("han-yongsu", "Han Yong Su, year unknown", { latinName: "Han Yong Su", nationality: "KP" }),

  // Different people: relatives sharing a family name, namesakes born years
  // apart, another given name, another nationality.
  other("sister of Kim Jong-un", { latinName: "Kim Yo-jong", birthYear: 1990, nationality: "KP" }),
  other("Kim Jong-un's namesake born 1960", { latinName: "Kim Jong Un", birthYear: 1960, nationality: "KP" }),
  other("Kim Jong-il", { latinName: "Kim Jong-il", birthYear: 1988, nationality: "KP" }),
  other("Kim Jong-nam", { latinName: "Kim Jong-nam", birthYear: 1971, nationality: "KP" }),
  other("Lee Sun-ok", { latinName: "Lee Sun-ok", birthYear: 1979, nationality: "KP" }),
  other("Park Myong-su", { latinName: "Park Myong-su", birthYear: 1992, nationality: "KP" }),
  other("Choi Eun-hee", { latinName: "Choi Eun-hee", birthYear: 1955, nationality: "KP" }),
  other("Jung Kyong-ho", { latinName: "Jung Kyong-ho", birthYear: 1958, nationality: "KP" }),
  other("Kang Song-ho", { latinName: "Kang Song-ho", birthYear: 1972, nationality: "KP" }),
  other("Han Yong-chol", { latinName: "Han Yong-chol", birthYear: 1990, nationality: "KP" }),
  other("Yoon Hye-ok", { latinName: "Yoon Hye-ok", birthYear: 1961, nationality: "KP" }),
  other("Jang Song-thaek", { latinName: "Jang Song-thaek", birthYear: 1946, nationality: "KP" }),
  other("Oh Geum-chol", { latinName: "Oh Geum-chol", birthYear: 1975, nationality: "KP" }),
  other("Kim Ryon-hui's namesake", { latinName: "Kim Ryon-hui", birthYear: 1962, nationality: "KP" }),
  other("Kim Kyong-hui's daughter", { latinName: "Kim Kyong-ok", birthYear: 1995, nationality: "KP" }),
  other("Nguyen Van Nam", { latinName: "Nguyễn Văn Nam", birthYear: 1984, nationality: "VN" }),
  other("Nguyen Van Minh born 1962", { latinName: "Nguyen Van Minh", birthYear: 1962, nationality: "VN" }),
  other("Nguyen Thi Minh", { latinName: "Nguyễn Thị Minh", birthYear: 2010, nationality: "VN" }),
  other("Tran Thi Hong", { latinName: "Trần Thị Hồng", birthYear: 1991, nationality: "VN" }),
  other("Tran Van Hoa", { latinName: "Trần Văn Hòa", birthYear: 1960, nationality: "VN" }),
  other("Le Quang Huy", { latinName: "Lê Quang Huy", birthYear: 1978, nationality: "VN" }),
  other("Pham Duc Anh", { latinName: "Phạm Đức Anh", birthYear: 2005, nationality: "VN" }),
  other("Dang Ngoc Lan", { latinName: "Đặng Ngọc Lan", birthYear: 1996, nationality: "VN" }),
  other("Hoang Van Mai", { latinName: "Hoàng Văn Mạnh", birthYear: 1982, nationality: "VN" }),
  other("Bui Thanh Hai", { latinName: "Bùi Thanh Hải", birthYear: 1993, nationality: "VN" }),
  other("Y Blim Nie", { latinName: "Y Blim Niê", birthYear: 1950, nationality: "VN" }),
  other("H'Bia Ksor", { latinName: "H'Bia Ksor", birthYear: 2002, nationality: "VN" }),
  other("Y Dhun Nie", { latinName: "Y Dhun Niê", birthYear: 1999, nationality: "VN" }),
  other("Pao Xiong", { latinName: "Pao Xiong", birthYear: 1974, nationality: "LA" }),
  other("Mai Vang", { latinName: "Mai Vang", birthYear: 1990, nationality: "LA" }),
  other("Chue Vang", { latinName: "Chue Vang", birthYear: 1985, nationality: "LA" }),
  other("Neng Thao", { latinName: "Neng Thao", birthYear: 1968, nationality: "LA" }),
  other("Kia Yang", { latinName: "Kia Yang", birthYear: 2000, nationality: "LA" }),
  other("See Moua", { latinName: "See Moua", birthYear: 1983, nationality: "LA" }),
  other("Sok Dara's namesake born 1950", { latinName: "Sok Dara", birthYear: 1950, nationality: "KH" }),
  other("Aung Kyaw Min", { latinName: "Aung Kyaw Min", birthYear: 1979, nationality: "MM" }),
  other("Zhang Wei of another year", { latinName: "Zhang Wei", birthYear: 1961, nationality: "CN" }),
  other("Li Ming of North Korea", { latinName: "Li Ming", birthYear: 1970, nationality: "KP" }),
  other("Nguyen Van Minh with another UNHCR number", { latinName: "Nguyen Van Minh", birthYear: 1984, nationality: "VN", unhcrNumber: "811-20C09999" }),
  other("unrelated name", { latinName: "Somchai Jaidee", birthYear: 1984, nationality: "TH" }),
];
