/**
 * A deterministic synthetic bilingual knowledge base for benchmarks: articles of about 300 words
 * drawn from a Zipf-distributed vocabulary of telecom/AI delivery words, so that the query set has
 * rare, mid-frequency and near-universal terms in both English and Chinese.
 */

export type BenchArticle = { id: string; lang: 'en' | 'zh'; title: string; body: string; type: string; scenarios: string[]; tags: string[] };

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
运营商 分公司 省 企业 政务 热线 市民 政策 部门 派单 需要 我们 通过 进行 实现 提升 降低 方案 试点 平台
项目 经理 需求 调研 分析 设计 开发 测试 上线 运维 培训 文档 报告 会议 纪要 计划 进度 里程碑 预算 成本 收益 价值 目标 指标体系 考核 满意度 投诉 工单量 响应 时长 效率 准确 稳定 可靠 安全性 可用性 性能 容量 扩展 部署 集群 服务器 存储 带宽 时延 丢包 切换 覆盖 干扰 功率 天线 频段 室分 宏站 微站 核心网 传输 光纤 机房 电源 空调 能耗 碳排放 绿色 低碳 算力 大模型 训练 推理服务 标注 语料 向量 检索 问答 生成 提示词 评测 幻觉 知识库 图谱 规则 引擎 流程 自动化 机器人 外呼 短信 邮件 渠道 门户 小程序 应用 终端 手机 宽带 家庭 政企 专线 物联网 车联网 工业 互联网 园区 校园 医院 银行 保险 证券 电力 交通 物流 零售 制造 能源 矿山 港口 机场 地铁 高速 城市 乡村 社区 街道 区县 地市 集团 总部 省公司 网格 渠道商 合作伙伴 供应商 厂商 生态 开放 标准 规范 制度 审计 备案 授权 加密 日志 留存 访问 控制 权限 账号 密码 认证 漏洞 攻击 防护 应急 演练 预案 复盘 总结 经验 教训 案例 实践 方法论 模板库 清单 检查 核对 确认 签字 归档 交付物 里程 阶段 启动 收尾 变更单 风险点 问题单 升级 闭环 跟踪 反馈 改进 优化 迭代 版本 发布 回滚 灰度 验证集 测试集 样本量 特征工程 模型库 算法 参数 调优 精度 误报 漏报 告警量 根因 定位 自愈 巡检 预警 分析师 专家 顾问 客户经理 售前 售后 交付经理 架构师 工程 实施 集成 对接 联调 割接 迁移 兼容 适配 国产化 信创 私有化 公有云 混合云 边缘云 数据中心 湖仓 治理 血缘 主数据 元数据 口径 报表 看板 大屏 可视化 洞察 决策 运营 增长 转化 留存 活跃 流失 拉新 促活 权益 套餐 流量 语音包 融合 宽带业务 欠费 催缴 信用 评分 画像 标签体系 推荐 触达 时机 话术 脚本 质检 录音 情绪 满意 回访 预约 派工 装维 上门 故障单 投诉单 咨询 办理 查询 缴费 充值 开户 销户 携号转网`.split(/\s+/);

/** Place names: real words the segmenter knows, drawn rarely, as the long tail of the Chinese vocabulary. */
const ZH_TAIL = `北京 上海 天津 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆 石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安 兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 深圳 苏州 无锡 宁波 温州 青岛 大连 厦门 东莞 佛山 珠海 汕头 惠州 中山 泉州 徐州 常州 南通 扬州 绍兴 嘉兴 金华 台州 烟台 潍坊 临沂 洛阳 襄阳 宜昌 岳阳 株洲 衡阳 绵阳 遵义 曲靖 桂林 柳州 宝鸡 咸阳 包头 鄂尔多斯 大庆 吉林市 鞍山 唐山 保定 邯郸`.split(/\s+/);

/** Adds synthetic words so the vocabulary has a long tail of rare terms. */
function buildVocabulary(base: string[], extra: number, make: (i: number) => string): string[] {
  const vocab = [...base];
  for (let i = 0; i < extra; i++) vocab.push(make(i));
  return vocab;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'tor', 'vex', 'qua', 'dri', 'sen', 'pol', 'rak', 'zu', 'fen', 'gil', 'hor', 'jin'];

export const EN_VOCAB = buildVocabulary(EN_BASE, 20_000, (i) => SYLLABLES[i % 16]! + SYLLABLES[(i >> 4) % 16]! + SYLLABLES[(i >> 8) % 16]! + (i >> 12 > 0 ? SYLLABLES[(i >> 12) % 16]! : ''));
// Real words only: made-up Han strings are not words to the segmenter, which would cut them into
// single characters that then occur in every document.
export const ZH_VOCAB = [...ZH_BASE, ...ZH_TAIL];

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
export const SCENARIOS = ['intelligent-customer-service', 'network-fault-prediction', 'base-station-energy-saving', 'smart-marketing-churn'];
export const TAGS = ['kpi', 'poc', 'data-quality', 'security', 'handover', 'pricing', 'integration', 'training'];

/** One article in ten applies to every scenario (no scenarios); the others to one. Up to 2 tags. */
function meta(i: number, random: () => number): { type: string; scenarios: string[]; tags: string[] } {
  const tags = new Set<string>();
  const n = Math.floor(random() * 3);
  for (let t = 0; t < n; t++) tags.add(TAGS[Math.floor(random() * TAGS.length)]!);
  return { type: TYPES[i % TYPES.length]!, scenarios: i % 10 === 0 ? [] : [SCENARIOS[i % SCENARIOS.length]!], tags: [...tags] };
}

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
      yield { id: `a${i}`, lang, title, body: sentences(words, ' ', '. '), ...meta(i, random) };
    } else {
      // Chinese delivery texts carry English terms (API, KPI, product names) among the words.
      for (let w = 0; w < n; w++) words.push(random() < 0.04 ? ` ${en()} ` : zh());
      words.splice(Math.floor(random() * n), 0, '交付');
      const title = [zh(), zh(), zh(), zh()].join('');
      yield { id: `a${i}`, lang, title, body: sentences(words, '', '。'), ...meta(i, random) };
    }
  }
}

function sentences(words: string[], join: string, end: string): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 12) out.push(words.slice(i, i + 12).join(join));
  return out.join(end) + end.trim();
}
