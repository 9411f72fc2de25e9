/**
 * A deterministic synthetic bilingual knowledge base for benchmarks: articles of about 300 words
 * drawn from a Zipf-distributed vocabulary of telecom/AI delivery words, so that the query set has
 * rare, mid-frequency and near-universal terms in both English and Chinese.
 */

export type BenchArticle = { id: string; lang: 'en' | 'zh'; title: string; body: string; type: string; scenario: string };

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_BASE = `network fault prediction alarm ticket base station energy saving carrier cell sleep traffic forecast
customer service virtual agent intent containment transcript speech recognition agent assist summary knowledge
churn retention campaign uplift offer consent marketing segment propensity billing usage contract
video camera detection helmet intrusion privacy masking edge inference footfall
contract clause extraction template deviation review procurement legal scan
field engineer manual procedure safety photo work order site visit offline
data quality label feature model validation precision recall threshold drift monitoring retraining
integration interface northbound counter inventory topology change window approval
compliance personal information export assessment classification retention anonymisation
delivery workshop stakeholder sponsor scope success criteria acceptance handover estimate risk mitigation
operator branch province enterprise government hotline citizen policy department routing`.split(/\s+/);

const ZH_BASE = `网络 故障 预测 告警 工单 基站 节能 载波 小区 休眠 话务 客户 服务 坐席 意图 自助 转写 语音 识别 小结 知识
离网 挽留 营销 增量 优惠 同意 客群 倾向 账单 合约 视频 摄像头 检测 安全帽 闯入 隐私 遮挡 边缘 推理 客流
合同 条款 抽取 模板 偏离 审核 采购 法务 扫描 现场 工程师 手册 规程 安全 照片 上站 离线
数据 质量 标签 特征 模型 验证 准确率 召回率 阈值 漂移 监控 接口 北向 指标 资源 拓扑 变更 窗口 审批
合规 个人信息 出境 评估 分类 分级 脱敏 交付 工作坊 干系人 发起人 范围 成功标准 验收 交接 估算 风险 缓解
运营商 分公司 省 企业 政务 热线 市民 政策 部门 派单 需要 我们 通过 进行 实现 提升 降低 方案 试点 平台`.split(/\s+/);

/** Adds synthetic words so the vocabulary has a long tail of rare terms. */
function buildVocabulary(base: string[], extra: number, make: (i: number) => string): string[] {
  const vocab = [...base];
  for (let i = 0; i < extra; i++) vocab.push(make(i));
  return vocab;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'tor', 'vex', 'qua', 'dri', 'sen', 'pol', 'rak', 'zu', 'fen', 'gil', 'hor', 'jin'];
const HAN = '云端链路协同调度策略引擎评测画像样本归档运行维护容量规划业务流程系统平台用户终端设备软件版本';

export const EN_VOCAB = buildVocabulary(EN_BASE, 20_000, (i) => SYLLABLES[i % 16]! + SYLLABLES[(i >> 4) % 16]! + SYLLABLES[(i >> 8) % 16]! + (i >> 12 > 0 ? SYLLABLES[(i >> 12) % 16]! : ''));
export const ZH_VOCAB = buildVocabulary(ZH_BASE, 3_000, (i) => HAN[i % HAN.length]! + HAN[(i * 7 + 3) % HAN.length]! + HAN[(i * 13 + 5) % HAN.length]!);

/** Zipf sampler over a vocabulary (exponent ~1.05), via a precomputed cumulative table. */
function zipf(vocab: string[], random: () => number): () => string {
  const weights = vocab.map((_, i) => 1 / Math.pow(i + 1, 1.05));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
}

const TYPES = ['method', 'best-practice', 'lesson', 'compliance', 'integration', 'reference'];
const SCENARIOS = ['intelligent-customer-service', 'network-fault-prediction', 'base-station-energy-saving', 'smart-marketing-churn'];

/** The common phrase planted in some articles so phrase queries have real matches. */
export const PHRASE_EN = 'success criteria';

export function* generateCorpus(count: number, seed = 42, zhShare = 0.3): Generator<BenchArticle> {
  const random = rng(seed);
  const en = zipf(EN_VOCAB, random);
  const zh = zipf(ZH_VOCAB, random);
  for (let i = 0; i < count; i++) {
    const lang = random() < zhShare ? 'zh' : 'en';
    const words: string[] = [];
    const n = 260 + Math.floor(random() * 80);
    if (lang === 'en') {
      for (let w = 0; w < n; w++) words.push(en());
      // "delivery" appears in almost every English article; "交付" in almost every Chinese one.
      words.splice(Math.floor(random() * n), 0, 'delivery');
      if (random() < 0.05) words.splice(Math.floor(random() * n), 0, PHRASE_EN);
      const title = [en(), en(), en(), en()].join(' ');
      yield { id: `a${i}`, lang, title, body: sentences(words, ' ', '. '), type: TYPES[i % 6]!, scenario: SCENARIOS[i % 4]! };
    } else {
      // Chinese delivery texts carry English terms (API, KPI, product names) among the words.
      for (let w = 0; w < n; w++) words.push(random() < 0.04 ? en() : zh());
      words.splice(Math.floor(random() * n), 0, '交付');
      const title = [zh(), zh(), zh(), zh()].join('');
      yield { id: `a${i}`, lang, title, body: sentences(words, '', '。'), type: TYPES[i % 6]!, scenario: SCENARIOS[i % 4]! };
    }
  }
}

function sentences(words: string[], join: string, end: string): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 12) out.push(words.slice(i, i + 12).join(join));
  return out.join(end) + end.trim();
}
