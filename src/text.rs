//! Text folding, synonym groups (`locales/synonyms.txt`) and the tokenizer
//! shared by parsers and the FAQ index. Works for Japanese without a
//! morphological dictionary: character bigrams for kana/kanji runs, words for
//! Latin text, and synonym groups folded into concept tokens.

use std::collections::HashSet;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// NFKC, lower case, trimmed: the form in which ids and choices are compared.
pub fn fold(s: &str) -> String {
    s.nfkc().collect::<String>().trim().to_lowercase()
}

/// What [`clean`] takes out or makes a space.
fn unclean(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}' | '\u{fe00}'..='\u{fe0f}')
}

/// Removes control, zero-width and bidi formatting characters a user may
/// paste (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the
/// marks U+200E, U+200F and U+061C: they can make a name read as another;
/// the variation selectors, which only choose how an emoji is drawn: ☀️),
/// turning newlines and tabs into spaces.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(
        s.chars()
            .map(|c| if c == '\n' || c == '\t' || c == '\r' { ' ' } else { c })
            .filter(|c| !unclean(*c)),
    );
    out
}

/// Katakana → hiragana (the prolonged sound mark stays).
fn kana_fold(c: char) -> char {
    match c {
        '\u{30a1}'..='\u{30f6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// The folded form of a question: NFKC, lower case, katakana as hiragana,
/// a dash between kana as the long vowel mark, control and zero-width
/// characters removed.
pub fn fold_question(s: &str) -> String {
    fold_with(s, kana_fold)
}

/// [`fold_question`] with katakana kept as katakana: byte for byte the
/// same length, and the same bytes wherever the folded form has no
/// hiragana folded from katakana.
pub fn fold_keeping_kana(s: &str) -> String {
    fold_with(s, |c| c)
}

fn fold_with(s: &str, kana: fn(char) -> char) -> String {
    // Most texts have nothing to clean.
    let cleaned;
    let s = if s.chars().any(unclean) {
        cleaned = clean(s);
        cleaned.as_str()
    } else {
        s
    };
    // NFKC a piece at a time: a piece begins at each character NFKC leaves
    // alone whatever surrounds it, so a piece of that character alone is
    // taken as it is and only the others (？, full-width letters, a kana
    // and its combining mark) are normalized. Normalizing whole texts was
    // most of folding, and folding half of the start-up.
    let mut folded = String::with_capacity(s.len());
    // Where the piece not yet written starts, and its one character while
    // it is a character NFKC leaves alone.
    let mut piece = 0;
    let mut alone: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(n) = nfkc_alone(c) {
            match alone {
                Some(a) => fold_char(a, kana, &mut folded),
                None => s[piece..i].nfkc().for_each(|n| fold_char(n, kana, &mut folded)),
            }
            piece = i;
            alone = Some(n);
        } else {
            alone = None;
        }
    }
    match alone {
        Some(a) => fold_char(a, kana, &mut folded),
        None => s[piece..].nfkc().for_each(|n| fold_char(n, kana, &mut folded)),
    }
    long_vowels(folded)
}

/// One character of a normalized text, folded: lower case, katakana as
/// `kana` writes it.
#[inline(always)]
fn fold_char(c: char, kana: fn(char) -> char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if is_cjk(c) {
        // Kana and kanji have no case (looking it up was a tenth of
        // tokenizing).
        out.push(kana(kanji_form(c)));
    } else {
        out.extend(c.to_lowercase().map(kana));
    }
}

/// Kanji typed in a traditional form (國, 證, 屆) or a simplified Chinese
/// form (证, 书, 请), as writers who learned those forms type our words,
/// with their Japanese forms; sorted. Simplified forms that are also
/// ordinary Japanese characters (机, 台, 号) are not among them.
const KANJI_FORMS: [(char, char); 528] = [
    ('专', '専'),
    ('业', '業'),
    ('东', '東'),
    ('为', '為'),
    ('义', '義'),
    ('习', '習'),
    ('书', '書'),
    ('亚', '亜'),
    ('们', '們'),
    ('价', '価'),
    ('众', '衆'),
    ('优', '優'),
    ('传', '伝'),
    ('伤', '傷'),
    ('來', '来'),
    ('侧', '側'),
    ('储', '儲'),
    ('傳', '伝'),
    ('價', '価'),
    ('儿', '児'),
    ('兒', '児'),
    ('关', '関'),
    ('养', '養'),
    ('剧', '劇'),
    ('办', '弁'),
    ('务', '務'),
    ('动', '動'),
    ('劳', '労'),
    ('势', '勢'),
    ('區', '区'),
    ('华', '華'),
    ('协', '協'),
    ('单', '単'),
    ('卖', '売'),
    ('卫', '衛'),
    ('厅', '庁'),
    ('历', '歴'),
    ('压', '圧'),
    ('县', '県'),
    ('发', '発'),
    ('变', '変'),
    ('叠', '畳'),
    ('吨', '噸'),
    ('听', '聴'),
    ('启', '啓'),
    ('员', '員'),
    ('响', '響'),
    ('單', '単'),
    ('园', '園'),
    ('围', '囲'),
    ('图', '図'),
    ('圆', '円'),
    ('國', '国'),
    ('圓', '円'),
    ('圖', '図'),
    ('團', '団'),
    ('圣', '聖'),
    ('场', '場'),
    ('坏', '壊'),
    ('块', '塊'),
    ('坚', '堅'),
    ('坛', '壇'),
    ('垒', '塁'),
    ('壓', '圧'),
    ('备', '備'),
    ('复', '復'),
    ('够', '夠'),
    ('头', '頭'),
    ('夹', '挟'),
    ('夺', '奪'),
    ('奋', '奮'),
    ('妇', '婦'),
    ('妈', '媽'),
    ('娱', '娯'),
    ('孙', '孫'),
    ('學', '学'),
    ('宠', '寵'),
    ('审', '審'),
    ('宪', '憲'),
    ('宫', '宮'),
    ('宽', '寛'),
    ('宾', '賓'),
    ('實', '実'),
    ('寫', '写'),
    ('对', '対'),
    ('寻', '尋'),
    ('导', '導'),
    ('尔', '爾'),
    ('尝', '嘗'),
    ('层', '層'),
    ('屆', '届'),
    ('屬', '属'),
    ('岁', '歳'),
    ('岛', '島'),
    ('币', '幣'),
    ('师', '師'),
    ('帐', '帳'),
    ('带', '帯'),
    ('帮', '幇'),
    ('广', '広'),
    ('庆', '慶'),
    ('库', '庫'),
    ('应', '応'),
    ('庙', '廟'),
    ('废', '廃'),
    ('廣', '広'),
    ('廳', '庁'),
    ('开', '開'),
    ('异', '異'),
    ('弃', '棄'),
    ('张', '張'),
    ('归', '帰'),
    ('彻', '徹'),
    ('從', '従'),
    ('忆', '憶'),
    ('怀', '懐'),
    ('态', '態'),
    ('总', '総'),
    ('恶', '悪'),
    ('恼', '悩'),
    ('惊', '驚'),
    ('惡', '悪'),
    ('惯', '慣'),
    ('愿', '願'),
    ('應', '応'),
    ('战', '戦'),
    ('戰', '戦'),
    ('戶', '戸'),
    ('户', '戸'),
    ('执', '執'),
    ('扩', '拡'),
    ('扫', '掃'),
    ('扬', '揚'),
    ('扰', '擾'),
    ('抚', '撫'),
    ('抛', '拋'),
    ('护', '護'),
    ('报', '報'),
    ('拂', '払'),
    ('拟', '擬'),
    ('拥', '擁'),
    ('择', '択'),
    ('挂', '掛'),
    ('挡', '擋'),
    ('挥', '揮'),
    ('损', '損'),
    ('换', '換'),
    ('掷', '擲'),
    ('搜', '捜'),
    ('摄', '摂'),
    ('摆', '擺'),
    ('擇', '択'),
    ('擔', '担'),
    ('敌', '敵'),
    ('數', '数'),
    ('斋', '斎'),
    ('无', '無'),
    ('时', '時'),
    ('显', '顕'),
    ('晓', '暁'),
    ('暂', '暫'),
    ('會', '会'),
    ('杀', '殺'),
    ('杂', '雑'),
    ('权', '権'),
    ('杨', '楊'),
    ('杰', '傑'),
    ('极', '極'),
    ('构', '構'),
    ('枪', '槍'),
    ('查', '査'),
    ('标', '標'),
    ('栈', '桟'),
    ('栋', '棟'),
    ('树', '樹'),
    ('样', '様'),
    ('桥', '橋'),
    ('條', '条'),
    ('检', '検'),
    ('樣', '様'),
    ('檢', '検'),
    ('欢', '歓'),
    ('歲', '歳'),
    ('歷', '歴'),
    ('歸', '帰'),
    ('歼', '殲'),
    ('毁', '毀'),
    ('毕', '畢'),
    ('气', '気'),
    ('氣', '気'),
    ('汉', '漢'),
    ('汤', '湯'),
    ('沟', '溝'),
    ('沪', '滬'),
    ('泪', '涙'),
    ('泽', '沢'),
    ('洁', '潔'),
    ('测', '測'),
    ('济', '済'),
    ('浓', '濃'),
    ('涂', '塗'),
    ('润', '潤'),
    ('涨', '漲'),
    ('淨', '浄'),
    ('渊', '淵'),
    ('滚', '滾'),
    ('满', '満'),
    ('濟', '済'),
    ('灭', '滅'),
    ('灵', '霊'),
    ('炼', '錬'),
    ('烂', '爛'),
    ('热', '熱'),
    ('營', '営'),
    ('爱', '愛'),
    ('爷', '爺'),
    ('牵', '牽'),
    ('犹', '猶'),
    ('狀', '状'),
    ('猎', '猟'),
    ('环', '環'),
    ('现', '現'),
    ('电', '電'),
    ('畅', '暢'),
    ('畫', '画'),
    ('當', '当'),
    ('疗', '療'),
    ('疯', '瘋'),
    ('發', '発'),
    ('盐', '塩'),
    ('监', '監'),
    ('盖', '蓋'),
    ('盘', '盤'),
    ('矿', '鉱'),
    ('码', '碼'),
    ('础', '礎'),
    ('确', '確'),
    ('禮', '礼'),
    ('离', '離'),
    ('种', '種'),
    ('积', '積'),
    ('稅', '税'),
    ('稳', '穏'),
    ('穷', '窮'),
    ('竞', '競'),
    ('笋', '筍'),
    ('笔', '筆'),
    ('签', '簽'),
    ('简', '簡'),
    ('类', '類'),
    ('粮', '糧'),
    ('紧', '緊'),
    ('經', '経'),
    ('縣', '県'),
    ('總', '総'),
    ('續', '続'),
    ('纔', '才'),
    ('纠', '糾'),
    ('红', '紅'),
    ('纤', '繊'),
    ('约', '約'),
    ('级', '級'),
    ('纪', '紀'),
    ('纯', '純'),
    ('纲', '綱'),
    ('纳', '納'),
    ('纵', '縦'),
    ('纷', '紛'),
    ('纸', '紙'),
    ('线', '線'),
    ('练', '練'),
    ('组', '組'),
    ('细', '細'),
    ('织', '織'),
    ('终', '終'),
    ('绍', '紹'),
    ('经', '経'),
    ('结', '結'),
    ('绕', '繞'),
    ('绘', '絵'),
    ('给', '給'),
    ('络', '絡'),
    ('绝', '絶'),
    ('统', '統'),
    ('继', '継'),
    ('绩', '績'),
    ('绪', '緒'),
    ('续', '続'),
    ('维', '維'),
    ('综', '綜'),
    ('绿', '緑'),
    ('缓', '緩'),
    ('编', '編'),
    ('缘', '縁'),
    ('缩', '縮'),
    ('网', '網'),
    ('罗', '羅'),
    ('罚', '罰'),
    ('职', '職'),
    ('联', '連'),
    ('聪', '聡'),
    ('聯', '連'),
    ('聽', '聴'),
    ('肃', '粛'),
    ('胁', '脅'),
    ('胜', '勝'),
    ('脉', '脈'),
    ('脏', '臓'),
    ('脑', '脳'),
    ('脸', '顔'),
    ('腦', '脳'),
    ('與', '与'),
    ('舊', '旧'),
    ('节', '節'),
    ('苏', '蘇'),
    ('范', '範'),
    ('荐', '薦'),
    ('荣', '栄'),
    ('药', '薬'),
    ('获', '獲'),
    ('萝', '蘿'),
    ('营', '営'),
    ('萨', '薩'),
    ('萬', '万'),
    ('蓝', '藍'),
    ('藥', '薬'),
    ('虑', '慮'),
    ('處', '処'),
    ('號', '号'),
    ('补', '補'),
    ('裝', '装'),
    ('覽', '覧'),
    ('见', '見'),
    ('观', '観'),
    ('规', '規'),
    ('视', '視'),
    ('览', '覧'),
    ('觉', '覚'),
    ('證', '証'),
    ('讀', '読'),
    ('變', '変'),
    ('订', '訂'),
    ('认', '認'),
    ('讨', '討'),
    ('让', '譲'),
    ('训', '訓'),
    ('议', '議'),
    ('讯', '訊'),
    ('记', '記'),
    ('讲', '講'),
    ('许', '許'),
    ('论', '論'),
    ('设', '設'),
    ('访', '訪'),
    ('证', '証'),
    ('评', '評'),
    ('识', '識'),
    ('诉', '訴'),
    ('诊', '診'),
    ('词', '詞'),
    ('译', '訳'),
    ('试', '試'),
    ('诗', '詩'),
    ('诚', '誠'),
    ('话', '話'),
    ('询', '詢'),
    ('该', '該'),
    ('详', '詳'),
    ('语', '語'),
    ('误', '誤'),
    ('说', '説'),
    ('请', '請'),
    ('诸', '諸'),
    ('读', '読'),
    ('课', '課'),
    ('谁', '誰'),
    ('调', '調'),
    ('谈', '談'),
    ('谢', '謝'),
    ('谱', '譜'),
    ('贝', '貝'),
    ('负', '負'),
    ('贡', '貢'),
    ('财', '財'),
    ('责', '責'),
    ('贤', '賢'),
    ('败', '敗'),
    ('账', '帳'),
    ('货', '貨'),
    ('质', '質'),
    ('购', '購'),
    ('贯', '貫'),
    ('贴', '貼'),
    ('贵', '貴'),
    ('贸', '貿'),
    ('费', '費'),
    ('资', '資'),
    ('赏', '賞'),
    ('赔', '賠'),
    ('赖', '頼'),
    ('赞', '賛'),
    ('赵', '趙'),
    ('赶', '趕'),
    ('趋', '趨'),
    ('跃', '躍'),
    ('踪', '蹤'),
    ('轉', '転'),
    ('车', '車'),
    ('转', '転'),
    ('轮', '輪'),
    ('软', '軟'),
    ('轻', '軽'),
    ('载', '載'),
    ('较', '較'),
    ('辅', '輔'),
    ('辈', '輩'),
    ('辑', '輯'),
    ('输', '輸'),
    ('辭', '辞'),
    ('边', '辺'),
    ('达', '達'),
    ('迁', '遷'),
    ('过', '過'),
    ('运', '運'),
    ('还', '還'),
    ('这', '這'),
    ('进', '進'),
    ('远', '遠'),
    ('违', '違'),
    ('连', '連'),
    ('迟', '遅'),
    ('适', '適'),
    ('选', '選'),
    ('递', '逓'),
    ('逻', '邏'),
    ('遗', '遺'),
    ('邊', '辺'),
    ('邮', '郵'),
    ('邻', '隣'),
    ('郑', '鄭'),
    ('酱', '醤'),
    ('醫', '医'),
    ('释', '釈'),
    ('鉴', '鑑'),
    ('錄', '録'),
    ('錢', '銭'),
    ('鐵', '鉄'),
    ('针', '針'),
    ('钟', '鐘'),
    ('钢', '鋼'),
    ('钥', '鑰'),
    ('钱', '銭'),
    ('铁', '鉄'),
    ('铃', '鈴'),
    ('银', '銀'),
    ('铺', '舗'),
    ('链', '鏈'),
    ('销', '銷'),
    ('锁', '鎖'),
    ('锅', '鍋'),
    ('错', '錯'),
    ('键', '鍵'),
    ('镇', '鎮'),
    ('长', '長'),
    ('關', '関'),
    ('门', '門'),
    ('闪', '閃'),
    ('闭', '閉'),
    ('问', '問'),
    ('闲', '閑'),
    ('间', '間'),
    ('闷', '悶'),
    ('阅', '閲'),
    ('队', '隊'),
    ('阳', '陽'),
    ('阴', '陰'),
    ('阵', '陣'),
    ('阶', '階'),
    ('际', '際'),
    ('陆', '陸'),
    ('陈', '陳'),
    ('险', '険'),
    ('隐', '隠'),
    ('險', '険'),
    ('难', '難'),
    ('雙', '双'),
    ('雾', '霧'),
    ('靜', '静'),
    ('韩', '韓'),
    ('顏', '顔'),
    ('顯', '顕'),
    ('页', '頁'),
    ('顶', '頂'),
    ('项', '項'),
    ('顺', '順'),
    ('须', '須'),
    ('顾', '顧'),
    ('顿', '頓'),
    ('预', '預'),
    ('领', '領'),
    ('频', '頻'),
    ('题', '題'),
    ('颜', '顔'),
    ('额', '額'),
    ('风', '風'),
    ('飞', '飛'),
    ('饭', '飯'),
    ('饮', '飲'),
    ('馆', '館'),
    ('驗', '験'),
    ('驛', '駅'),
    ('马', '馬'),
    ('驱', '駆'),
    ('验', '験'),
    ('骑', '騎'),
    ('骗', '騙'),
    ('體', '体'),
    ('鱼', '魚'),
    ('鸟', '鳥'),
    ('鸡', '鶏'),
    ('黃', '黄'),
    ('點', '点'),
    ('齋', '斎'),
    ('齐', '斉'),
    ('齡', '齢'),
    ('齿', '歯'),
    ('龄', '齢'),
    ('龙', '竜'),
];

/// Which characters from U+4E00 to U+9FFF are in [`KANJI_FORMS`], a bit
/// each: most kanji are not, and one bit says so without a search.
const KANJI_FORMED: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < KANJI_FORMS.len() {
        let at = KANJI_FORMS[i].0 as usize - 0x4e00;
        bits[at / 64] |= 1 << (at % 64);
        i += 1;
    }
    bits
};

/// The Japanese form of a kanji ([`KANJI_FORMS`]); any other character
/// as it is.
#[inline(always)]
fn kanji_form(c: char) -> char {
    let at = (c as usize).wrapping_sub(0x4e00);
    if at >= KANJI_FORMED.len() * 64 || KANJI_FORMED[at / 64] & (1 << (at % 64)) == 0 {
        return c;
    }
    KANJI_FORMS
        .binary_search_by_key(&c, |&(from, _)| from)
        .map_or(c, |i| KANJI_FORMS[i].1)
}

/// Characters NFKC leaves as they are whatever surrounds them: starters
/// with no decomposition that never compose with what precedes them
/// (ASCII, hiragana and katakana without the combining marks, the long
/// vowel mark, the common kanji, the ideographic comma and full stop).
fn nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{3041}'..='\u{3096}' | '\u{30a1}'..='\u{30fa}' | 'ー' | '\u{4e00}'..='\u{9fff}' | '、' | '。')
}

/// What NFKC makes of `c` alone, when it starts a piece
/// ([`nfkc_stable`], and the full-width forms of ASCII and the ideographic
/// space, which become one ASCII character that composes with nothing
/// before it); `None` for any other character.
#[inline(always)]
fn nfkc_alone(c: char) -> Option<char> {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        '\u{3000}' => Some(' '),
        _ => nfkc_stable(c).then_some(c),
    }
}

/// A dash or minus typed for the long vowel mark between kana
/// (「インスト−ル」「サ-バ-」) is the mark.
fn long_vowels(s: String) -> String {
    let dash = |c: char| matches!(c, '-' | '\u{2212}' | '\u{2010}' | '\u{2015}' | '\u{2014}' | '\u{2500}');
    if !s.chars().any(dash) {
        return s;
    }
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let after_kana = i > 0 && is_kana(chars[i - 1]);
            let before_kana_or_end = chars.get(i + 1).map_or(true, |n| is_kana(*n) || !n.is_alphanumeric());
            if dash(c) && after_kana && before_kana_or_end {
                'ー'
            } else {
                c
            }
        })
        .collect()
}

/// One synonym group.
#[derive(Debug)]
pub struct Group {
    pub concept: String,
    pub variants: Vec<String>,
}

/// The synonym file compiled in.
pub const SYNONYMS: &str = include_str!("../locales/synonyms.txt");

/// Parses a synonym file: `concept = variant, variant` per line, `#` comments.
pub fn parse_synonyms(text: &str) -> Result<Vec<Group>, String> {
    let mut groups = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (concept, rest) = line
            .split_once('=')
            .ok_or_else(|| format!("line {}: expected `concept = variants`", i + 1))?;
        let variants: Vec<String> = rest
            .split(',')
            .map(fold_question)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        if variants.is_empty() {
            return Err(format!("line {}: no variants", i + 1));
        }
        groups.push(Group {
            concept: concept.trim().to_string(),
            variants,
        });
    }
    Ok(groups)
}

struct Variant {
    chars: Vec<char>,
    ascii: bool,
    concept: usize,
}

struct Synonyms {
    groups: Vec<Group>,
    /// `#concept` for every group.
    concept_tokens: HashSet<String>,
    /// Longest first.
    variants: Vec<Variant>,
    /// First two characters (the second `None` for a one-character
    /// variant) → indices into `variants`, in their order.
    by_start: FxHashMap<(char, Option<char>), Vec<usize>>,
}

fn synonyms() -> &'static Synonyms {
    static S: OnceLock<Synonyms> = OnceLock::new();
    S.get_or_init(|| {
        let groups = parse_synonyms(SYNONYMS).expect("locales/synonyms.txt is checked by tests");
        let mut variants: Vec<Variant> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.concept.contains(':'))
            .flat_map(|(i, g)| {
                g.variants.iter().map(move |v| Variant {
                    chars: v.chars().collect(),
                    ascii: v.is_ascii(),
                    concept: i,
                })
            })
            .collect();
        variants.sort_by_key(|v| std::cmp::Reverse(v.chars.len()));
        let mut by_start: FxHashMap<(char, Option<char>), Vec<usize>> = FxHashMap::default();
        for (i, v) in variants.iter().enumerate() {
            if let Some(c) = v.chars.first() {
                by_start.entry((*c, v.chars.get(1).copied())).or_default().push(i);
            }
        }
        let concept_tokens = groups.iter().map(|g| format!("#{}", g.concept)).collect();
        Synonyms {
            groups,
            concept_tokens,
            variants,
            by_start,
        }
    })
}

/// The concept token (`#cost`) a token is, as a static string.
pub fn concept(token: &str) -> Option<&'static str> {
    token.strip_prefix('#')?;
    synonyms().concept_tokens.get(token).map(String::as_str)
}

/// How many typing slips apart two words are: characters left out, added,
/// replaced or two neighbours swapped (`hlep` is one from `help`), the
/// optimal string alignment distance.
pub fn typo_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows i-2, i-1 and i of the table, each b.len() + 1 wide
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// Whether `s` is one of the variants of group `concept` (e.g. `mode:proxy`).
pub fn in_group(concept: &str, s: &str) -> bool {
    let f = fold_question(s);
    let f = f.trim();
    synonyms()
        .groups
        .iter()
        .any(|g| g.concept == concept && g.variants.iter().any(|v| v == f))
}

/// Whether `s` contains a variant of group `concept`.
pub fn mentions_group(concept: &str, s: &str) -> bool {
    let f = fold_question(s);
    synonyms()
        .groups
        .iter()
        .any(|g| g.concept == concept && g.variants.iter().any(|v| f.contains(v.as_str())))
}

/// Where the variants of group `concept` occur in a question already folded
/// with [`fold_question`] (byte ranges; overlapping ones included).
pub fn group_spans(concept: &str, folded: &str) -> Vec<std::ops::Range<usize>> {
    synonyms()
        .groups
        .iter()
        .filter(|g| g.concept == concept)
        .flat_map(|g| g.variants.iter())
        .flat_map(|v| folded.match_indices(v.as_str()).map(|(i, m)| i..i + m.len()))
        .collect()
}

/// Whether two adjacent characters belong to one Latin word (letters with
/// letters, digits with digits).
fn same_word(a: char, b: char) -> bool {
    (a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) || (a.is_ascii_digit() && b.is_ascii_digit())
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '々' | '〆' | 'ヶ' | 'ヵ')
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309f}' | '\u{30a0}'..='\u{30ff}')
}

fn is_cjk(c: char) -> bool {
    is_kanji(c) || is_kana(c)
}

/// Weight of a bigram of a kanji and a kana. Without a dictionary, such a
/// pair is mostly a particle boundary or an inflection (で請, は一, 取っ) and
/// says less about the topic than a kanji compound, so it weighs less; at
/// full weight a casual question's grammar outweighed its one topic word.
const KANJI_KANA: f32 = 0.5;

const EN_STOP: &[&str] = &[
    "a", "an", "the", "is", "are", "was", "be", "do", "does", "did", "we", "i", "you", "my", "our", "your", "to", "of",
    "for", "in", "on", "at", "it", "its", "can", "could", "what", "how", "which", "where", "who", "why", "there",
    "any", "anything", "with", "about", "after", "before", "and", "or", "me", "us", "this", "that", "need", "needs",
    "have", "has", "get", "if", "so", "should", "would", "will", "please", "tell", "want", "know", "from", "by", "ok",
    "okay", "it's", "much", "many", "up", "not", "no", "yes", "still", "then", "than",
];

/// Whether a short kana word found at `i` is part of another word: inside a
/// run of kana with neither a particle nor a usual ending next to it
/// (「さいと」 in 「ちいさいとこ」, but not 「こない」 in 「まだこないんだ」 nor
/// 「いくら」 in 「っていくらする」).
fn inside_kana(chars: &[char], i: usize, word: &[char]) -> bool {
    const PARTICLES: [char; 17] = [
        'の', 'は', 'が', 'を', 'に', 'で', 'と', 'へ', 'も', 'や', 'か', 'ね', 'て', 'っ', 'だ', 'ん', 'よ',
    ];
    let n = word.len();
    let joined = |c: Option<&char>| c.is_some_and(|c| is_hiragana(*c) && !PARTICLES.contains(c));
    n <= 3
        && word.iter().all(|c| is_hiragana(*c))
        && joined(i.checked_sub(1).and_then(|b| chars.get(b)))
        && joined(chars.get(i + n))
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{3096}').contains(&c)
}

/// Function characters: a bigram of two of these carries almost no meaning.
fn is_function_kana(c: char) -> bool {
    const FUNCTION_KANA: [char; 42] = [
        'の', 'は', 'が', 'を', 'に', 'で', 'と', 'て', 'す', 'ま', 'か', 'た', 'し', 'い', 'る', 'な', 'ど', 'う',
        'く', 'だ', 'さ', 'れ', 'け', 'も', 'や', 'よ', 'ね', 'こ', 'そ', 'あ', 'り', 'せ', 'ん', 'っ', 'ょ', 'ゃ',
        'ゅ', 'え', 'お', 'き', 'み', 'じ',
    ];
    FUNCTION_KANA.contains(&c)
}

/// The sentences of a message, split after 。？！?! and a full stop
/// followed by a space, and at line breaks; empty ones dropped.
pub fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let ends = match c {
            '。' | '？' | '！' | '?' | '!' | '\n' | '｡' => true,
            // A colon before what is asked ("…asking me in English: how
            // much…?") sets the scene like a full stop.
            '.' | ':' => it.peek().map_or(true, |(_, n)| n.is_whitespace()),
            '：' => true,
            _ => false,
        };
        if ends {
            out.push(&s[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    out.push(&s[start..]);
    out.retain(|p| p.chars().any(char::is_alphanumeric));
    out
}

/// The items of a numbered list written in one sentence (「①届出からの期間
/// ②証明書の手数料についてご教示ください」, "1) how long 2) how much"): the
/// text from each number to the next, the last with what follows it; the
/// sentence itself when it numbers fewer than two items. What comes before
/// the first number leads in and is not an item.
pub fn items(sentence: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let digit = |c: char| matches!(c, '1'..='9' | '１'..='９');
    let starts: Vec<usize> = (0..chars.len())
        .filter(|&k| {
            let c = chars[k].1;
            let after_gap = k == 0 || !(chars[k - 1].1.is_alphanumeric() || matches!(chars[k - 1].1, '(' | '（'));
            let closes = |j: usize| chars.get(j).is_some_and(|(_, c)| matches!(c, ')' | '）' | '.' | '．'));
            let opens = |j: usize| chars.get(j).is_some_and(|(_, c)| matches!(c, '(' | '（'));
            matches!(c, '\u{2460}'..='\u{2473}')
                || (after_gap
                    && digit(c)
                    && closes(k + 1)
                    && !chars.get(k + 2).is_some_and(|(_, c)| c.is_ascii_digit()))
                || (opens(k)
                    && chars.get(k + 1).is_some_and(|(_, c)| digit(*c))
                    && chars.get(k + 2).is_some_and(|(_, c)| matches!(c, ')' | '）')))
        })
        .map(|k| chars[k].0)
        .collect();
    if starts.len() < 2 {
        return vec![sentence];
    }
    let ends = starts.iter().skip(1).copied().chain([sentence.len()]);
    starts.iter().zip(ends).map(|(a, b)| &sentence[*a..b]).collect()
}

/// A message written with a space after each particle (分かち書き, as a
/// clerk unused to converting kana types: 「たんとう の　かた に　かわって
/// ください」) with those spaces removed, so that its words read as one run
/// of Japanese again. A space after a particle or a て-form joins what it
/// separates, and so does every space between three or more short words
/// unless the word before it ends a sentence; any other space after
/// Japanese (「届きました〜 次は？」, 「証明書 届きました」) is a clause
/// break and stays.
pub fn unspaced(s: &str) -> std::borrow::Cow<'_, str> {
    const PARTICLES: &[char] = &['の', 'に', 'を', 'は', 'が', 'へ', 'と', 'も', 'て', 'で'];
    let particle = |w: &str| {
        let mut c = w.chars().rev();
        match (c.next(), c.next()) {
            // で is a particle (パソコンで), but ends a Kansai sentence after
            // や, た, だ, ん (「出したで」「ほんまやで」).
            (Some('で'), Some('や' | 'た' | 'だ' | 'ん')) => false,
            // 「終わらせたって」 passes on what was done: it ends a clause.
            (Some('て'), Some('っ')) if w.ends_with("たって") => false,
            (Some(last), _) => PARTICLES.contains(&last),
            _ => false,
        }
    };
    let lone = |w: &str| w.chars().count() == 1 && particle(w);
    // Words and the spaces after them.
    let mut words: Vec<(&str, &str)> = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let w = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let sp = rest[w..]
            .find(|c: char| !c.is_whitespace())
            .map_or(rest.len(), |e| w + e);
        words.push((&rest[..w], &rest[w..sp]));
        rest = &rest[sp..];
    }
    // Full-width letters and digits are typed with the Japanese IME too
    // (「ユーザー ＩＤ の」).
    let japanese = |c: char| is_cjk(c) || ('\u{ff01}'..='\u{ff5e}').contains(&c);
    let cjk_gap = |a: &str, b: &str| a.chars().last().is_some_and(japanese) && b.chars().next().is_some_and(japanese);
    // Short words with spaces between (three or more): every space is a
    // word break, except one after what ends a sentence (「…た」「…です」).
    let short = words.iter().all(|(w, _)| w.chars().count() <= 8);
    let gaps = words.windows(2).filter(|p| cjk_gap(p[0].0, p[1].0)).count();
    let wakachi = short && gaps >= 2;
    // A long vowel ends a sentence after hiragana (「ねー」), not in a
    // katakana word (「ユーザー」). So do a dialect's past and final
    // particles: 「いれだ」「でぎだ」 (a past voiced in Tōhoku), 「出したじゃ」
    // 「いいべ」.
    let ends = |w: &str| {
        let mut c = w.chars().rev();
        match (c.next(), c.next()) {
            (Some('ー'), Some(before)) => ('ぁ'..='ゖ').contains(&before),
            (Some('ゃ'), Some('じ')) => true,
            (Some(last), _) => "たすねよかぞわなさ〜だべ".contains(last),
            _ => false,
        }
    };
    // A word ending in a conjunction (「とどいたけど」「ひかりだから」, not
    // the particle 「から」 alone) ends a clause.
    let conjoins = |w: &str| {
        ["けど", "けれど", "ので", "のに", "から"]
            .iter()
            .any(|c| w.len() > c.len() && w.ends_with(c))
    };
    let joins = |a: &str, b: &str| cjk_gap(a, b) && (particle(a) || lone(b) || (wakachi && !ends(a) && !conjoins(a)));
    let any = words.windows(2).any(|p| !p[0].1.is_empty() && joins(p[0].0, p[1].0));
    if !any {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (i, (w, sp)) in words.iter().enumerate() {
        out.push_str(w);
        if !words.get(i + 1).is_some_and(|n| joins(w, n.0)) {
            out.push_str(sp);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A token with its weight (concepts weigh most, grammar bigrams least).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub text: TokenText,
    pub weight: f32,
}

fn push(out: &mut Vec<Token>, text: impl Into<TokenText>, weight: f32) {
    out.push(Token {
        text: text.into(),
        weight,
    });
}

/// A token's text, kept inline when it is short, as nearly all are (a
/// bigram of kana or kanji is six bytes): start-up tokenizes every learned
/// example, some 700,000 tokens, and allocating each one was a fifth of it.
#[derive(Clone)]
pub struct TokenText(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Box<str>),
}

/// The longest text kept inline.
const INLINE: usize = 22;

impl TokenText {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only ever filled from a `str`, at a character boundary.
            Repr::Inline { len, buf } => std::str::from_utf8(&buf[..*len as usize]).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }

    /// The text of characters, written once.
    fn of_chars(chars: &[char]) -> TokenText {
        let n: usize = chars.iter().map(|c| c.len_utf8()).sum();
        if n > INLINE {
            return TokenText(Repr::Heap(chars.iter().collect::<String>().into_boxed_str()));
        }
        let mut buf = [0; INLINE];
        let mut at = 0;
        for c in chars {
            at += c.encode_utf8(&mut buf[at..]).len();
        }
        TokenText(Repr::Inline { len: n as u8, buf })
    }
}

impl From<&str> for TokenText {
    fn from(s: &str) -> TokenText {
        if s.len() > INLINE {
            return TokenText(Repr::Heap(s.into()));
        }
        let mut buf = [0; INLINE];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        TokenText(Repr::Inline {
            len: s.len() as u8,
            buf,
        })
    }
}

impl From<String> for TokenText {
    fn from(s: String) -> TokenText {
        TokenText::from(s.as_str())
    }
}

impl std::ops::Deref for TokenText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for TokenText {
    fn eq(&self, other: &TokenText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for TokenText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for TokenText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for TokenText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

fn stem(w: &str) -> &str {
    if w.len() > 4 {
        if let Some(s) = w.strip_suffix("ing") {
            return s;
        }
    }
    if w.len() > 3 && !w.ends_with("ss") {
        if let Some(s) = w.strip_suffix('s') {
            return s;
        }
    }
    w
}

/// Tokenizes a question or a FAQ phrasing.
pub fn tokens(s: &str) -> Vec<Token> {
    let mut chars: Vec<char> = fold_question(s).chars().collect();
    let syn = synonyms();
    // About two tokens a character (a bigram and its kanji).
    let mut out = Vec::with_capacity(chars.len() * 2);
    let mut seen_concepts: Vec<usize> = Vec::new();
    // Every place a variant occurs, found through its first two characters,
    // then taken longest variant first (left to right within one variant);
    // a place already taken by a longer variant is skipped.
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let starts = [(*c, chars.get(i + 1).copied()), (*c, None)];
        for key in if starts[0] == starts[1] {
            &starts[1..]
        } else {
            &starts[..]
        } {
            for &vi in syn.by_start.get(key).map(Vec::as_slice).unwrap_or_default() {
                let v = &syn.variants[vi].chars;
                if chars.get(i..i + v.len()) == Some(v.as_slice()) {
                    found.push((vi, i));
                }
            }
        }
    }
    found.sort_unstable();
    for (vi, i) in found {
        let v = &syn.variants[vi];
        let n = v.chars.len();
        if chars[i..i + n] != v.chars[..] {
            continue;
        }
        // A Latin variant must be a whole word, where a word ends where the
        // Latin tokenizer below splits: "windows10" and "win11" are a word
        // and a number, as users type them.
        let boundary_ok = !v.ascii
            || ((i == 0 || !same_word(chars[i - 1], v.chars[0]))
                && (i + n == chars.len() || !same_word(v.chars[n - 1], chars[i + n])));
        let inside_kana = inside_kana(&chars, i, &v.chars);
        if !boundary_ok || inside_kana {
            continue;
        }
        let drop = syn.groups[v.concept].concept == "_";
        if !drop && !seen_concepts.contains(&v.concept) {
            seen_concepts.push(v.concept);
            push(&mut out, format!("#{}", syn.groups[v.concept].concept), 2.0);
        }
        for c in &mut chars[i..i + n] {
            *c = ' ';
        }
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_cjk(c) {
            let start = i;
            while i < chars.len() && is_cjk(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            if run.len() == 1 {
                if is_kanji(run[0]) {
                    push(&mut out, TokenText::of_chars(&run[..1]), 0.6);
                }
                continue;
            }
            for w in run.windows(2) {
                let weight = if w.iter().all(|c| is_kanji(*c)) {
                    1.0
                } else if w.iter().any(|c| is_kanji(*c)) {
                    KANJI_KANA
                } else if w.iter().all(|c| is_function_kana(*c)) {
                    0.1
                } else {
                    0.4
                };
                push(&mut out, TokenText::of_chars(w), weight);
            }
            for k in run.iter().filter(|c| is_kanji(**c)) {
                push(&mut out, TokenText::of_chars(std::slice::from_ref(k)), 0.3);
            }
        } else if c.is_alphanumeric() {
            let start = i;
            let digit = c.is_ascii_digit();
            while i < chars.len()
                && chars[i].is_alphanumeric()
                && !is_cjk(chars[i])
                && chars[i].is_ascii_digit() == digit
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if !EN_STOP.contains(&word.as_str()) && (word.len() != 1 || digit) {
                push(&mut out, stem(&word), 1.0);
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_slips_are_counted() {
        assert_eq!(typo_distance("next", "next"), 0);
        assert_eq!(typo_distance("nexr", "next"), 1);
        assert_eq!(typo_distance("hlep", "help"), 1);
        assert_eq!(typo_distance("progres", "progress"), 1);
        assert_eq!(typo_distance("contcat", "contact"), 1);
        assert_eq!(typo_distance("", "abc"), 3);
        assert_eq!(typo_distance("次へ", "次"), 1);
        assert_eq!(typo_distance("kitten", "sitting"), 3);
    }

    /// The synonym pass written the plain way: every variant, longest
    /// first, scanned along the whole question.
    fn concepts_plain(s: &str) -> Vec<String> {
        let mut chars: Vec<char> = fold_question(s).chars().collect();
        let syn = synonyms();
        let mut out = Vec::new();
        for v in &syn.variants {
            let n = v.chars.len();
            let mut i = 0;
            while i + n <= chars.len() {
                let boundary_ok = !v.ascii
                    || ((i == 0 || !same_word(chars[i - 1], v.chars[0]))
                        && (i + n == chars.len() || !same_word(v.chars[n - 1], chars[i + n])));
                if chars[i..i + n] == v.chars[..] && boundary_ok && !inside_kana(&chars, i, &v.chars) {
                    let c = format!("#{}", syn.groups[v.concept].concept);
                    if c != "#_" && !out.contains(&c) {
                        out.push(c);
                    }
                    chars[i..i + n].fill(' ');
                    i += n;
                } else {
                    i += 1;
                }
            }
        }
        out
    }

    #[test]
    fn a_numbered_list_in_one_sentence_is_split_into_its_items() {
        assert_eq!(
            items("【相談】①届出から請求開始までの所要期間 ②電子証明書の発行手数料 についてご教示ください。"),
            [
                "①届出から請求開始までの所要期間 ",
                "②電子証明書の発行手数料 についてご教示ください。"
            ]
        );
        assert_eq!(items("1) how long? 2) how much?"), ["1) how long? ", "2) how much?"]);
        assert_eq!(
            items("（１）期間（２）費用を教えて"),
            ["（１）期間", "（２）費用を教えて"]
        );
        // One number, a version or a price is no list.
        assert_eq!(items("Windows 11.2 は使えますか"), ["Windows 11.2 は使えますか"]);
        assert_eq!(items("①だけ教えて"), ["①だけ教えて"]);
        assert_eq!(items("手数料は13,200円。3年有効"), ["手数料は13,200円。3年有効"]);
    }

    #[test]
    fn a_short_kana_word_inside_a_run_of_kana_is_not_that_word() {
        let concepts = |s: &str| -> Vec<String> {
            tokens(s)
                .into_iter()
                .filter(|t| t.text.starts_with('#'))
                .map(|t| t.text.to_string())
                .collect()
        };
        // サイト (a website) is not in ちいさいとこ (a small place).
        assert!(!concepts("うちみたいな ちいさいとこは").contains(&"#url".to_string()));
        // …but is a word after a particle, and いくら after って.
        assert!(concepts("さいとのあどれす").contains(&"#url".to_string()));
        assert!(concepts("しょうめいしょっていくらすんの").contains(&"#cost".to_string()));
        // 「なんじゃ」 (Hiroshima "what is") asks no time.
        assert!(!concepts("統合インストーラってなんじゃ").contains(&"#hours".to_string()));
    }

    #[test]
    fn indexed_synonym_pass_matches_the_plain_one() {
        let questions = include_str!("../tests/data/faq-dev.tsv")
            .lines()
            .chain(include_str!("../tests/data/faq-extra.tsv").lines())
            .filter_map(|l| l.split('\t').nth(2));
        let mut n = 0;
        for q in questions.chain(["windows10 win11 ie11 e-mail", "しょうめいしょのねだん", "aaaa"]) {
            let fast: Vec<String> = tokens(q)
                .into_iter()
                .filter(|t| t.text.starts_with('#'))
                .map(|t| t.text.to_string())
                .collect();
            assert_eq!(fast, concepts_plain(q), "{q}");
            n += 1;
        }
        assert!(n > 200);
    }

    #[test]
    fn folding_skips_composition_only_where_it_changes_nothing() {
        let questions = include_str!("../tests/data/faq-dev.tsv")
            .lines()
            .filter_map(|l| l.split('\t').nth(2));
        let typed = [
            "ｼｮｳﾒｲｼｮ",
            "ＷＩＮＤＯＷＳ１０",
            "ｶﾞ が",
            "①②",
            "ｶﾞ",
            "か\u{3099}",
            "ﾊﾟｿｺﾝ\u{3000}ＯＫ",
            "Ⅲ㍻",
            "？か\u{3099}ｶ\u{3099}！",
            "e\u{301}\u{323}ｅ\u{301}",
            "\u{3099}か",
            "Ａ\u{301}ｂ\u{3000}\u{3099}？\u{301}",
        ];
        let bank = include_str!("../locales/intent-examples.tsv")
            .lines()
            .filter_map(|l| l.split('\t').nth(2));
        for q in questions.chain(typed).chain(bank) {
            let slow: String = clean(q)
                .nfkc()
                .flat_map(char::to_lowercase)
                .map(kanji_form)
                .map(kana_fold)
                .collect();
            assert_eq!(fold_question(q), long_vowels(slow), "{q}");
        }
        assert_eq!(fold_question("ｼｮｳﾒｲｼｮ ＯＫ"), "しょうめいしょ ok");
        // Traditional and simplified forms of a kanji are its Japanese form;
        // a simplified form that is also a Japanese character stays.
        assert_eq!(fold_question("國保連合會に屆出"), "国保連合会に届出");
        assert_eq!(fold_question("电子证明书の费用"), "電子証明書の費用");
        assert_eq!(fold_question("机の上の台"), "机の上の台");
        assert_eq!(fold_question("黑猫☀\u{fe0f}"), "黑猫☀");
        // A dash typed for the long vowel mark is the mark; not between
        // digits or Latin letters.
        assert_eq!(fold_question("証明書インスト−ル完了"), "証明書いんすとーる完了");
        assert_eq!(fold_question("サ-バ-"), "さーばー");
        assert_eq!(fold_question("1-10日 e-seikyuu"), "1-10日 e-seikyuu");
    }

    #[test]
    fn synonym_file_parses() {
        let g = parse_synonyms(SYNONYMS).unwrap();
        assert!(g.iter().any(|g| g.concept == "cost"));
        assert!(g.iter().any(|g| g.concept == "mode:proxy"));
    }

    #[test]
    fn spaces_after_particles_are_joined_but_clause_breaks_stay() {
        assert_eq!(
            unspaced("たんとう の\u{3000}かた に\u{3000}かわって ください"),
            "たんとうのかたにかわってください"
        );
        assert_eq!(
            unspaced("届きました〜 次ってログイン？"),
            "届きました〜 次ってログイン？"
        );
        assert_eq!(unspaced("届出 出しました 次は？"), "届出出しました 次は？");
        assert_eq!(
            unspaced("だいりにん しんせい\u{3000}おわりました"),
            "だいりにんしんせいおわりました"
        );
        assert_eq!(unspaced("証明書 届きました"), "証明書 届きました");
        // Katakana words end in ー, and full-width letters are Japanese.
        assert_eq!(
            unspaced("こくほれん から ユーザー ＩＤ の かいてある ふうとう が きました"),
            "こくほれんからユーザーＩＤのかいてあるふうとうがきました"
        );
        assert_eq!(unspaced("出したで 次は？"), "出したで 次は？");
        assert_eq!(
            unspaced("佐藤がチェック終わらせたって 次なにすんだ"),
            "佐藤がチェック終わらせたって 次なにすんだ"
        );
        assert_eq!(
            unspaced("おしらせ とどいたけど つぎ ろぐいん で いいの"),
            "おしらせとどいたけど つぎろぐいんでいいの"
        );
        assert_eq!(
            unspaced("届出 出したじゃ つぎ なにすればいいべ"),
            "届出出したじゃ つぎなにすればいいべ"
        );
        assert_eq!(
            unspaced("しょうめいしょ だうんろーどして いれだ"),
            "しょうめいしょだうんろーどしていれだ"
        );
        assert_eq!(unspaced("パソコンで ログインできない"), "パソコンでログインできない");
        assert_eq!(unspaced("we have the お知らせ now"), "we have the お知らせ now");
        assert_eq!(unspaced("お知らせ の letter"), "お知らせの letter");
        assert!(matches!(unspaced("証明書の期限は"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn folding_and_concepts() {
        let t = tokens("ショウメイショのネダン");
        let texts: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"#certificate") && texts.contains(&"#cost"), "{texts:?}");
        let t = tokens("Is a Mac OK?");
        assert!(t.iter().any(|t| t.text == "#environment"));
        // `ie` only as a word, not inside "internet".
        let t = tokens("internet line");
        assert!(!t.iter().any(|t| t.text == "#browser"), "{t:?}");
        // A Latin variant ends where letters meet digits, as typed on phones.
        for q in ["ｗｉｎｄｏｗｓ１０で大丈夫？", "win11 対応してる？"] {
            let t = tokens(q);
            assert!(t.iter().any(|t| t.text == "#environment"), "{q}: {t:?}");
        }
        let t = tokens("macos");
        assert!(!t.iter().any(|t| t.text == "#environment"), "{t:?}");
    }

    #[test]
    fn groups() {
        assert!(in_group("mode:proxy", "代理請求"));
        assert!(!in_group("mode:proxy", "direct"));
        assert!(mentions_group("software:denso", "国保中央会介護伝送ソフト Ver.5"));
    }
}
