/**
 * Words a query is made of but that say nothing about what is searched for: question words,
 * articles, pronouns, auxiliaries (English) and particles, question and function words
 * (Chinese). A query never requires them; a query made only of them is searched as written.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet of to in on at by for from with without into onto over under about above below between among through during before after ' +
    'is am are was were be been being do does did doing done have has had having can could shall should will would may might must need ought ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs this that these those there here ' +
    'what which who whom whose when where why how whether if then than as such very too also just only more most much many some any each every ' +
    'all both few other own same not no yes get got gets getting make makes made let lets want wants way ways thing things ' +
    'please tell show find give explain describe best good use used using via per vs etc eg ie handle handling deal dealing approach proper properly ' +
    // How long something takes or lasts: the duration is what is asked (the glossary's "how long").
    'long take takes taking took last lasts ' +
    // What is left of contractions once the apostrophe splits them (what's, don't, we'll, I've).
    's t d ll ve re m don doesn didn isn aren wasn weren won shouldn couldn wouldn cannot'
  ).split(' '),
);

export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 吗 呢 吧 啊 呀 么 嘛 和 与 及 以及 或 或者 而 并 并且 在 于 对 对于 把 被 将 向 从 自 给 让 跟 同 为 为了 由 ' +
    '是 有 没有 就 都 也 还 又 才 再 很 更 最 太 这 那 这个 那个 这些 那些 这样 那样 哪 哪些 哪个 什么 怎么 怎样 怎么样 如何 为何 为什么 ' +
    '我 我们 你 你们 他 他们 她 它 它们 咱们 自己 一个 一些 一下 可以 能 能够 会 要 需要 应该 应当 该 请 请问 关于 有关 进行 通过 以 之 其 等 等等 ' +
    '吗 呢 啥 谁 何时 什么时候 哪种 哪类 多少 多久 多长 几 是否 能否 可否 应该 怎么办 哪里 什么样 是不是 要不要 能不能 会不会 有没有 有哪些 哪儿 ' +
    // Hedges around a question ("一般多久", "大概要多少"): never what is searched for.
    '一般 通常 大概 大约 左右'
  ).split(' '),
);

/**
 * Words that say how much of something there is — high, low, 高, 太多, 偏低 — in a query that
 * names the thing ("误报率高", "false alarm rate too high"): the thing is what is searched for.
 * A text need not hold them to rank among the best, though holding them still counts.
 */
const QUALIFIER_WORDS: ReadonlySet<string> = new Set(
  (
    'high higher low lower poor bad worse ' +
    '高 低 多 少 差 大 小 不够 不足 ' +
    ['太', '过', '偏', '很', '较'].flatMap((degree) => ['高', '低', '多', '少', '差', '大', '小'].map((word) => degree + word)).join(' ') +
    // More than people can keep up with ("告警太多，运维看不过来"): too many of the thing named.
    ' 看不过来 忙不过来 管不过来 处理不过来 做不过来 顾不过来 应付不过来 跟不上'
  ).split(' '),
);

export function isQualifierWord(word: string): boolean {
  return QUALIFIER_WORDS.has(word);
}

/**
 * Verbs that frame a how-to question ("how to write the business case", 如何编写数据申请) or ask
 * how to bring someone round to something ("convince the customer to share data", 如何说服客户提供
 * 数据), or how to handle something (如何处理告警风暴): what is written, built, agreed to or
 * handled is what is searched for, and the texts about it need not use the verb.
 */
const FRAME_VERBS: ReadonlySet<string> = new Set(
  (
    'write writes writing wrote build builds building create creates creating prepare prepares preparing ' +
    'convince convinces convincing persuade persuades persuading ' +
    'control controls controlling reduce reduces reducing prevent prevents preventing avoid avoids avoiding ' +
    '写 编写 撰写 制定 准备 搭建 说服 劝说 控制 减少 避免 防止 降低 处理 应对'
  ).split(' '),
);

/** A word that adds to a text's score but is never required when the query asks for more. */
export function isOptionalWord(word: string): boolean {
  return QUALIFIER_WORDS.has(word) || FRAME_VERBS.has(word);
}

/**
 * What every text in this knowledge base is about: AI solutions. "AI model monitoring" asks for
 * model monitoring; the text that answers it need not say "AI", and one that says it in passing is
 * no better for it.
 */
const DOMAIN_WORDS: ReadonlySet<string> = new Set(['ai', '人工智能']);

export function isStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word) || CHINESE_STOP_WORDS.has(word) || DOMAIN_WORDS.has(word);
}
