/**
 * The rule table. Ids and severities are a public contract (README.md: only added, never changed);
 * test/rules.test.ts triggers every rule, and CONTRIBUTING.md 七 is generated from this table.
 *
 * Errors reject a filing; warnings are compliance findings that never block one. The Chinese
 * title and help text are shown in CLI output, the site and the clerks' guide.
 */
export type Severity = 'error' | 'warning';

export interface RuleInfo {
  /** Whether the rule rejects a filing. */
  severity: Severity;
  /** Short Chinese name of the rule. */
  title: string;
  /** What the rule checks and how to fix a problem it reports, in Chinese. */
  help: string;
}

export const RULES = {
  encoding: {
    severity: 'error',
    title: '文件编码不是 UTF-8',
    help: '数据文件必须保存为 UTF-8 编码。用记事本打开文件，选择“另存为”，在“编码”中选“UTF-8”后保存；WPS、VS Code 等编辑器同理。',
  },
  'yaml-syntax': {
    severity: 'error',
    title: 'YAML 格式错误',
    help: '文件无法按 YAML 读取：检查缩进（只能用空格，不能用 Tab）、冒号后的空格、引号和括号是否成对。',
  },
  'yaml-duplicate-key': {
    severity: 'error',
    title: '字段重复',
    help: '同一层级中一个字段只能出现一次：删除或合并重复的字段。',
  },
  'yaml-unsafe': {
    severity: 'error',
    title: '不安全的 YAML 写法',
    help: '不能使用锚点（&）、别名（*）和标签（!），不能使用符号链接，单个文件不能超过大小上限。请直接写出完整内容。',
  },
  'stray-file': {
    severity: 'error',
    title: '文件位置或名称不对',
    help: '文件放在了规定目录结构之外，或扩展名不是 .yaml：按目录约定移动或改名（例如 .yml 改为 .yaml）。',
  },
  schema: {
    severity: 'error',
    title: '字段缺失或格式不对',
    help: '缺少必填字段、出现不认识的字段，或字段的类型、格式不对：按提示补全或改正；编辑器安装 YAML 插件后会自动提示可用字段。',
  },
  'id-mismatch': {
    severity: 'error',
    title: '编号与文件名不一致',
    help: '文件中的编号（id、year、date）必须与所在文件夹名或文件名一致：改正其中一个。',
  },
  'unknown-reference': {
    severity: 'error',
    title: '引用的对象不存在',
    help: '引用了不存在的单位、账号、平台或巡查单位：检查拼写，或先添加被引用的对象。',
  },
  'duplicate-identifier': {
    severity: 'error',
    title: '账号标识重复',
    help: '同一个账号 ID、链接或其他标识出现在两个账号中（或仿冒账号与官方账号相同）：每个账号只备案一次，检查是否抄错。',
  },
  'platform-url-mismatch': {
    severity: 'error',
    title: '链接与平台不符',
    help: '账号链接必须是 https:// 开头、位于该平台域名下的网址；没有公开网页的平台写 null。',
  },
  'one-account-per-platform': {
    severity: 'error',
    title: '同一平台重复开设账号',
    help: '一个单位在同一平台原则上只开设一个账号：注销多余账号，或填写 waiver（例外批准）记录。',
  },
  'personal-registration': {
    severity: 'error',
    title: '以个人名义注册',
    help: '严禁以个人名义注册单位账号：认证主体必须是单位，请在平台上将账号迁移或认证到单位名下后再备案。',
  },
  'personal-data': {
    severity: 'error',
    title: '含有个人信息',
    help: '名录是公开的，不得出现手机号码、身份证号码等个人信息（全角数字、加空格或横线、+86 等写法也算），注释和文件名里也不行：改为单位办公电话或删除。',
  },
  'event-order': {
    severity: 'error',
    title: '备案事项顺序不对',
    help: '备案事项必须按日期先后排列，第一项是开设（opened），注销（deregistered）之后不能再有事项，恢复（resumed）只能跟在关停之后。',
  },
  'future-date': {
    severity: 'error',
    title: '日期晚于今天',
    help: '已发生事项的日期不能晚于今天：检查年份和月份是否写错。',
  },
  'filing-number': {
    severity: 'error',
    title: '备案编号有误',
    help: '备案编号由 npm run number 按“行政区划代码-年份-序号”编定并记入 data/filing-numbers.yaml（只增不删）：不能重复、不能用别的地区代码、不能改动或转给别的账号；规定日期后备案开设的账号必须有编号。',
  },
  'filing-late': {
    severity: 'warning',
    title: '备案超期',
    help: '备案日期超过了规定的工作日时限（data/policy.yaml）。如实填写即可，这是合规记录，不会阻止提交。',
  },
  'calendar-missing': {
    severity: 'warning',
    title: '缺少节假日安排',
    help: '计算工作日需要当年的节假日文件 data/calendar/<年份>.yaml：国务院公布安排后由县政府办添加。',
  },
  'verified-subject-mismatch': {
    severity: 'warning',
    title: '认证主体与单位名称不符',
    help: '认证主体应为本单位全称：如果平台显示的是单位的其他正式名称，把它加入 unit.yaml 的 aliases。',
  },
  'unverified-account': {
    severity: 'warning',
    title: '账号未认证',
    help: '账号应在平台上认证为本单位（认证主体显示单位全称），认证后填写 verified_as。',
  },
  'closure-notice-missing': {
    severity: 'warning',
    title: '关停缺少公告',
    help: '关停或注销账号应发布停更公告，告知公众该账号不再是官方账号：填写 notice_url。',
  },
  'stale-warning': {
    severity: 'warning',
    title: '更新不及时',
    help: '最近一次巡查时，账号距最近一次更新的天数超过预警天数：请按时更新。',
  },
  'stale-fail': {
    severity: 'warning',
    title: '长期未更新（单项否决）',
    help: '最近一次巡查时，账号超过规定天数未更新，属于单项否决（“僵尸”账号）：立即整改，或关停注销。',
  },
  'inspection-missing': {
    severity: 'warning',
    title: '缺少巡查',
    help: '在用账号没有出现在最近一次巡查中，或超过巡查周期没有巡查记录：补充巡查记录。',
  },
  'rectification-overdue': {
    severity: 'warning',
    title: '整改逾期',
    help: '整改已过期限仍未完成：完成整改后填写 resolved 日期。',
  },
  'proof-missing': {
    severity: 'warning',
    title: '未标明备案编号',
    help: '在用账号应在平台上（简介、菜单或置顶内容）标明备案编号或名录链接，供公众双向核对：标明后在账号文件中填写 proof（位置、原文、核对日期）。',
  },
  'proof-stale': {
    severity: 'warning',
    title: '双向核验过期',
    help: '账号上的备案编号超过规定天数没有核对：核对账号上仍有该内容后更新 proof 的 checked 日期，或在每周巡查中记录 proof: ok。',
  },
} as const satisfies Record<string, RuleInfo>;

/** A rule id of the table above. */
export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
