/**
 * Word lists of the synthetic dataset generator: place-name syllables with their pinyin (so a
 * unit's Chinese name and its folder id agree), county departments, institutions and the
 * wording of account names and purposes. All names are invented; none is a real account.
 */

/** A syllable of a place name: the character and its pinyin. */
export type Syllable = readonly [han: string, pinyin: string];

/** Characters common in Chinese place names. */
export const PLACE_SYLLABLES: readonly Syllable[] = [
  ['安', 'an'],
  ['宁', 'ning'],
  ['石', 'shi'],
  ['桥', 'qiao'],
  ['河', 'he'],
  ['川', 'chuan'],
  ['山', 'shan'],
  ['平', 'ping'],
  ['和', 'he'],
  ['清', 'qing'],
  ['水', 'shui'],
  ['东', 'dong'],
  ['西', 'xi'],
  ['南', 'nan'],
  ['北', 'bei'],
  ['新', 'xin'],
  ['城', 'cheng'],
  ['阳', 'yang'],
  ['泉', 'quan'],
  ['林', 'lin'],
  ['丰', 'feng'],
  ['乐', 'le'],
  ['永', 'yong'],
  ['兴', 'xing'],
  ['华', 'hua'],
  ['龙', 'long'],
  ['凤', 'feng'],
  ['金', 'jin'],
  ['银', 'yin'],
  ['玉', 'yu'],
  ['峰', 'feng'],
  ['岭', 'ling'],
  ['沟', 'gou'],
  ['湾', 'wan'],
  ['坪', 'ping'],
  ['台', 'tai'],
  ['庄', 'zhuang'],
  ['家', 'jia'],
  ['集', 'ji'],
  ['塘', 'tang'],
  ['源', 'yuan'],
  ['溪', 'xi'],
  ['湖', 'hu'],
  ['田', 'tian'],
  ['园', 'yuan'],
  ['花', 'hua'],
  ['柳', 'liu'],
  ['松', 'song'],
  ['白', 'bai'],
  ['红', 'hong'],
  ['青', 'qing'],
  ['黄', 'huang'],
  ['长', 'chang'],
  ['广', 'guang'],
  ['顺', 'shun'],
  ['康', 'kang'],
  ['泰', 'tai'],
  ['福', 'fu'],
  ['寿', 'shou'],
  ['吉', 'ji'],
  ['祥', 'xiang'],
  ['明', 'ming'],
  ['光', 'guang'],
  ['远', 'yuan'],
  ['高', 'gao'],
  ['洼', 'wa'],
  ['滩', 'tan'],
  ['原', 'yuan'],
  ['沙', 'sha'],
  ['柏', 'bai'],
  ['杨', 'yang'],
  ['马', 'ma'],
  ['牛', 'niu'],
  ['羊', 'yang'],
  ['崖', 'ya'],
  ['堡', 'bao'],
  ['店', 'dian'],
  ['营', 'ying'],
  ['关', 'guan'],
  ['口', 'kou'],
  ['门', 'men'],
  ['峡', 'xia'],
  ['洲', 'zhou'],
  ['江', 'jiang'],
  ['云', 'yun'],
  ['雾', 'wu'],
  ['梅', 'mei'],
  ['桃', 'tao'],
  ['杏', 'xing'],
  ['枣', 'zao'],
  ['麦', 'mai'],
  ['仁', 'ren'],
  ['德', 'de'],
  ['正', 'zheng'],
  ['宝', 'bao'],
  ['盛', 'sheng'],
  ['丹', 'dan'],
  ['碧', 'bi'],
];

/** A county-level department or institution that may run accounts. */
export interface Body {
  /** Name after the county name, e.g. 教育局 (full name 安宁县教育局). */
  name: string;
  /** Id part, e.g. `jiaoyuju`. */
  id: string;
  /** Initials for handles, e.g. `jy`. */
  abbr: string;
  /** Topic for account names and purposes, e.g. 教育. */
  topic: string;
  /** Former name, used as an alias (挂牌名称/旧称), when the body has one. */
  formerName?: string;
}

export const DEPARTMENTS: readonly Body[] = [
  { name: '教育局', id: 'jiaoyuju', abbr: 'jy', topic: '教育', formerName: '教育体育局' },
  { name: '公安局', id: 'gonganju', abbr: 'ga', topic: '公安' },
  { name: '卫生健康局', id: 'weijianju', abbr: 'wj', topic: '健康', formerName: '卫生和计划生育局' },
  { name: '文体广电和旅游局', id: 'wenlvju', abbr: 'wl', topic: '文旅', formerName: '文化广电和旅游局' },
  { name: '农业农村局', id: 'nongyeju', abbr: 'ny', topic: '农业', formerName: '农牧局' },
  { name: '市场监督管理局', id: 'shijianju', abbr: 'sj', topic: '市场监管' },
  { name: '人力资源和社会保障局', id: 'rensheju', abbr: 'rs', topic: '人社' },
  { name: '民政局', id: 'minzhengju', abbr: 'mz', topic: '民政' },
  { name: '财政局', id: 'caizhengju', abbr: 'cz', topic: '财政' },
  { name: '自然资源局', id: 'ziranziyuanju', abbr: 'zr', topic: '自然资源' },
  { name: '住房和城乡建设局', id: 'zhujianju', abbr: 'zj', topic: '住建' },
  { name: '交通运输局', id: 'jiaotongju', abbr: 'jt', topic: '交通' },
  { name: '水务局', id: 'shuiwuju', abbr: 'sw', topic: '水务' },
  { name: '应急管理局', id: 'yingjiju', abbr: 'yj', topic: '应急' },
  { name: '统计局', id: 'tongjiju', abbr: 'tj', topic: '统计' },
  { name: '医疗保障局', id: 'yibaoju', abbr: 'yb', topic: '医保' },
  { name: '林业和草原局', id: 'linyeju', abbr: 'ly', topic: '林草' },
  { name: '退役军人事务局', id: 'tuiyiju', abbr: 'ty', topic: '退役军人' },
  { name: '司法局', id: 'sifaju', abbr: 'sf', topic: '司法' },
  { name: '审计局', id: 'shenjiju', abbr: 'shj', topic: '审计' },
  { name: '发展和改革局', id: 'fagaiju', abbr: 'fg', topic: '发改' },
  { name: '商务局', id: 'shangwuju', abbr: 'shw', topic: '商务' },
  { name: '科学技术局', id: 'kejiju', abbr: 'kj', topic: '科技' },
  { name: '乡村振兴局', id: 'xiangcunju', abbr: 'xc', topic: '乡村振兴' },
  { name: '生态环境分局', id: 'huanjingju', abbr: 'hj', topic: '生态环境' },
];

export const INSTITUTIONS: readonly Body[] = [
  { name: '融媒体中心', id: 'rongmeiti', abbr: 'rm', topic: '融媒' },
  { name: '疾病预防控制中心', id: 'jikong', abbr: 'jk', topic: '疾控' },
  { name: '人民医院', id: 'yiyuan', abbr: 'yy', topic: '人民医院' },
  { name: '中医医院', id: 'zhongyiyuan', abbr: 'zy', topic: '中医医院' },
  { name: '妇幼保健院', id: 'fuyou', abbr: 'fy', topic: '妇幼' },
  { name: '图书馆', id: 'tushuguan', abbr: 'ts', topic: '图书馆' },
  { name: '文化馆', id: 'wenhuaguan', abbr: 'wh', topic: '文化馆' },
  { name: '第一中学', id: 'yizhong', abbr: 'yz', topic: '一中' },
  { name: '职业技术学校', id: 'zhijiao', abbr: 'zx', topic: '职教' },
  { name: '政务服务中心', id: 'zhengwu', abbr: 'zw', topic: '政务服务' },
  { name: '公共资源交易中心', id: 'jiaoyi', abbr: 'gj', topic: '公共资源交易' },
  { name: '气象局', id: 'qixiangju', abbr: 'qx', topic: '气象' },
];

/** Purposes (功能定位) by platform kind; `{topic}` is replaced by the unit's topic. */
export const PURPOSES: Readonly<Record<string, readonly string[]>> = {
  social: ['发布{topic}政策信息、办事指南和通知公告', '{topic}信息公开与政策解读', '发布{topic}工作动态，回应群众关切'],
  video: ['以短视频宣传{topic}工作', '{topic}短视频与直播', '发布{topic}短视频，讲好基层故事'],
  news: ['发布{topic}新闻资讯', '{topic}工作动态与政策解读'],
  'mini-program': ['提供{topic}在线办事服务', '{topic}业务查询与预约'],
  app: ['{topic}掌上办事与信息发布', '移动端政务服务'],
};

/** Endings of account names, by platform kind. */
export const NAME_ENDINGS: Readonly<Record<string, readonly string[]>> = {
  social: ['', '发布', '微讯'],
  video: ['', '发布', '视界'],
  news: ['', '发布', '资讯'],
  'mini-program': ['服务', '办事通', '掌上办'],
  app: ['政务', '通'],
};

/** Words an impostor adds to an official name. */
export const IMPOSTOR_WORDS: readonly string[] = ['官方', '发布', '服务号', '资讯', '（官方）', '在线', '头条'];

/** Words in the names of contractors running outsourced accounts. */
export const COMPANY_ENDINGS: readonly string[] = ['文化传媒有限公司', '网络科技有限公司', '信息技术有限公司', '广告传媒有限公司'];

/** Reasons for a second account on one platform (waiver). */
export const WAIVER_REASONS: readonly string[] = [
  '政务服务与新闻发布分设账号，分别面向办事群众和社会公众',
  '承担全县应急信息发布任务，需要单独的预警发布账号',
  '业务系统对接需要独立账号，经县政府办公室审核同意',
];

/** Finding codes other than `stale`, rarely given. */
export const OTHER_FINDINGS = ['no-interaction', 'content-error', 'unreachable'] as const;
