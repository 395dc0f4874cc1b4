/**
 * Every message the validator can give, in one place. A message code belongs to one rule and
 * formats its parameters into Chinese that says what is wrong and how to fix it.
 */
import type { RuleId } from './rules/table.ts';

export type MessageParams = Record<string, string | number>;

interface MessageDef<P> {
  rule: RuleId;
  text: (p: P) => string;
}

function m<P extends MessageParams = Record<never, never>>(rule: RuleId, text: (p: P) => string): MessageDef<P> {
  return { rule, text };
}

type Field = { field: string; title: string };
/** A value another file already claims: where the first claim is. */
type Duplicate = { what: string; value: string; other: string; otherFile: string; otherLine: number; otherColumn?: number };
/** `handle（账号 ID）`: a field key with its Chinese title. */
const f = (p: Field) => (p.title ? `${p.field}（${p.title}）` : `${p.field} `);
const hint = (text: string) => (text ? `：${text}` : '');

/** The line that stands for the problems of one rule left out of one file's list (see MAX_RULE_PROBLEMS_PER_FILE). */
const more = (rule: RuleId) =>
  m<{ count: number; shown: number }>(
    rule,
    (p) => `还有 ${p.count} 个同类问题未列出（本文件的这类问题只列出前 ${p.shown} 个）：请先改正上面列出的问题，再重新检查。`,
  );

export const MESSAGES = {
  // ── encoding ────────────────────────────────────────────────────────────────
  'encoding.gbk': m(
    'encoding',
    () =>
      '文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码）。请用记事本打开，选择“另存为”，编码选“UTF-8”后保存；WPS 或 VS Code 中在右下角把编码改为 UTF-8 并保存。',
  ),
  'encoding.utf16': m('encoding', () => '文件是 UTF-16 编码。请另存为 UTF-8 编码（记事本“另存为”时在“编码”中选择“UTF-8”）。'),
  'encoding.invalid': m('encoding', () => '文件不是有效的 UTF-8 编码（此处有无法识别的字节）。请另存为 UTF-8 编码。'),
  'encoding.binary': m('encoding', () => '文件中有空字符（NUL），不是文本文件。请确认上传的是 .yaml 文本文件。'),

  // ── yaml-syntax / yaml-duplicate-key / yaml-unsafe ─────────────────────────
  'yaml-syntax.parse': m<{ hint: string }>('yaml-syntax', (p) => `YAML 格式错误：${p.hint}。`),
  'yaml-syntax.full-width-colon': m<{ key: string; char: string }>(
    'yaml-syntax',
    (p) => `字段 ${p.key} 后面是中文全角冒号 ${p.char}，YAML 只认英文半角冒号：请改为 ${p.key}: （半角冒号，后面加一个空格）。`,
  ),
  'yaml-duplicate-key.key': m<{ key: string; firstLine: number }>(
    'yaml-duplicate-key',
    (p) => `字段 ${p.key} 重复出现（第一次在第 ${p.firstLine} 行）。同一层级中一个字段只能写一次：删除或合并其中一处。`,
  ),
  'yaml-unsafe.anchor': m('yaml-unsafe', () => '不能使用锚点（&名称）。请删除锚点，直接写出完整内容。'),
  'yaml-unsafe.alias': m('yaml-unsafe', () => '不能使用别名（*名称）引用别处的内容。请直接写出完整内容。'),
  'yaml-unsafe.tag': m('yaml-unsafe', () => '不能使用标签（! 或 !! 开头的写法）。需要文字时请给值加英文引号。'),
  'yaml-unsafe.complex-key': m('yaml-unsafe', () => '字段名必须是简单的文字，不能是列表或字段组。'),
  'yaml-unsafe.too-deep': m<{ max: number }>('yaml-unsafe', (p) => `内容嵌套过深（超过 ${p.max} 层），无法安全读取。`),
  'yaml-unsafe.too-large': m<{ size: number; limit: number }>(
    'yaml-unsafe',
    (p) => `文件过大（${p.size} 字节，上限 ${p.limit} 字节）。一个文件只写一个账号（或一次巡查）的内容。`,
  ),
  'yaml-unsafe.too-many-nodes': m<{ limit: number }>(
    'yaml-unsafe',
    (p) => `文件中的值太多（超过 ${p.limit} 个），无法安全读取。一个文件只写一个账号（或一次巡查）的内容。`,
  ),
  'yaml-unsafe.symlink': m('yaml-unsafe', () => '数据目录中不能有符号链接（快捷方式）。请放入真实文件。'),
  'yaml-unsafe.not-a-file': m('yaml-unsafe', () => '这不是普通文件（可能是设备或管道），不能作为数据文件。'),
  'yaml-unsafe.unreadable': m<{ reason: string }>('yaml-unsafe', (p) => `文件无法读取：${p.reason}`),
  'yaml-unsafe.too-many-problems': m<{ shown: number; total: number }>(
    'yaml-unsafe',
    (p) =>
      `这个文件的问题太多（共 ${p.total} 个），只列出了前 ${p.shown} 个。这么多问题通常说明整个文件的写法或编码有误：请对照模板检查，或用 npm run new 重新生成。`,
  ),

  // ── stray-file ──────────────────────────────────────────────────────────────
  'stray-file.extension': m<{ name: string; suggestion: string }>('stray-file', (p) =>
    p.suggestion
      ? `数据文件必须以 .yaml 结尾：请把 ${p.name} 改名为 ${p.suggestion}。改名前它不会被收录进名录（本次已照常检查其内容，其他问题一并列出）。`
      : `数据文件必须以 .yaml 结尾：${p.name} 不会被读取。请删除或移出 data 目录。`,
  ),
  'stray-file.location': m<{ path: string; hint: string }>('stray-file', (p) => `${p.path} 不在规定的目录结构中，不会被读取。${p.hint}`),
  'stray-file.bad-name': m<{ name: string; what: string; reason?: string }>('stray-file', (p) =>
    p.reason
      ? `${p.what}「${p.name}」不能使用：${p.reason}`
      : `${p.what}「${p.name}」不符合命名规则：只能用小写英文字母和数字，单词之间用减号（-）连接，例如 jiaoyuju、suonan-zhen。`,
  ),

  // ── schema ──────────────────────────────────────────────────────────────────
  'schema.required-file': m<{ path: string }>('schema', (p) => `缺少必需的文件 ${p.path}。`),
  'schema.empty': m('schema', () => '文件是空的：请按模板填写内容（可运行 npm run new 生成）。'),
  'schema.not-object': m<{ actual: string }>('schema', (p) => `文件内容应是“字段: 值”的形式，实际是${p.actual}。`),
  'schema.missing': m<Field & { hint: string }>('schema', (p) => `缺少必填字段 ${f(p)}${hint(p.hint)}。`),
  'schema.unknown-key': m<{ key: string; suggestion: string; allowed: string }>(
    'schema',
    (p) => `不认识的字段 ${p.key}。${p.suggestion ? `是不是想写 ${p.suggestion}？` : ''}此处可用的字段：${p.allowed}。`,
  ),
  'schema.quote': m<Field & { source: string; read: string }>(
    'schema',
    (p) =>
      `${f(p)}的值 ${p.source} 没有加引号，YAML 会把它读成${p.read}（可能丢失开头的 0 或末尾数字）。请加英文双引号：${p.field}: "${p.source}"`,
  ),
  'schema.type': m<Field & { expected: string; actual: string }>('schema', (p) => `${f(p)}应为${p.expected}，实际是${p.actual}。`),
  'schema.date': m<Field & { value: string; suggestion: string }>(
    'schema',
    (p) =>
      `${f(p)}「${p.value}」不是有效日期。日期须写成 YYYY-MM-DD（月、日不足两位补 0）${p.suggestion ? `，应写为 ${p.suggestion}` : '，例如 2025-03-01'}。`,
  ),
  'schema.invisible': m<Field & { char: string; name: string; index: number }>(
    'schema',
    (p) => `${f(p)}的第 ${p.index} 个字符是看不见的 ${p.char}（${p.name}）。仿冒账号常用这类字符冒充官方名称，请删除它（可整段重新输入）。`,
  ),
  'schema.invisible-comment': m<{ chars: string }>(
    'schema',
    (p) =>
      `注释中有看不见的字符 ${p.chars}。这类字符（尤其是双向文字控制符）会让审核者看到的内容与程序读到的不同（“特洛伊源码”手法）：请删除这段注释后重新输入。`,
  ),
  'schema.whitespace': m<Field & { value: string }>('schema', (p) => `${f(p)}「${p.value}」中不能有空格或换行。`),
  'schema.format': m<Field & { value: string; hint: string }>('schema', (p) => `${f(p)}「${p.value}」格式不对${hint(p.hint)}。`),
  'schema.blank': m<Field>('schema', (p) => `${f(p)}不能为空（只有空格或全角空格也算空）：请填写内容。`),
  'schema.too-long': m<Field & { length: number; max: number }>('schema', (p) => `${f(p)}过长（${p.length} 个字符，最多 ${p.max} 个）。`),
  'schema.too-few': m<Field & { min: number }>('schema', (p) => `${f(p)}至少要有 ${p.min} 项。`),
  'schema.range': m<Field & { value: string; hint: string }>('schema', (p) => `${f(p)}的值 ${p.value} 超出允许范围${hint(p.hint)}。`),
  'schema.enum': m<Field & { value: string; options: string }>('schema', (p) => `${f(p)}「${p.value}」不是可选的值。可选：${p.options}。`),
  'schema.operator-missing': m('schema', () => 'operation 为 outsourced（委托第三方运维）时，须在 operator 中填写运维单位名称。'),
  'schema.operator-unexpected': m(
    'schema',
    () => 'operation 为 self（自行运维）时不应填写 operator：删除 operator，或把 operation 改为 outsourced。',
  ),
  'schema.handle-pattern': m<{ handle: string; label: string; hint: string; example: string }>(
    'schema',
    (p) => `${p.label}「${p.handle}」格式不对：${p.hint}，例如 "${p.example}"。`,
  ),
  'schema.bad-regex': m<{ pattern: string; reason: string }>(
    'schema',
    (p) => `handle_pattern「${p.pattern}」不是有效的正则表达式：${p.reason}`,
  ),
  'schema.duplicate-platform': m<{ id: string }>('schema', (p) => `平台编号 ${p.id} 重复出现：每个平台只能列一次。`),
  'schema.holiday-range': m<{ from: string; to: string }>('schema', (p) => `放假开始日期 ${p.from} 晚于结束日期 ${p.to}。`),
  'schema.calendar-year': m<{ date: string; year: number }>(
    'schema',
    (p) => `日期 ${p.date} 不在 ${p.year} 年内（跨年的假期只能从上一年末开始）。`,
  ),
  'schema.workday-weekday': m<{ date: string }>(
    'schema',
    (p) => `${p.date} 本来就是工作日（周一至周五），不需要列为调休上班日；只列在周末上班的日子。`,
  ),
  'schema.workday-holiday': m<{ date: string }>('schema', (p) => `${p.date} 同时被列为放假日和调休上班日，请核对国务院通知。`),
  'schema.impostor-no-link': m('schema', () => '仿冒账号的 handle（账号 ID）和 url（链接）至少要填一个，否则公众无法核对。'),
  'schema.policy-order': m<{ warning: number; fail: number }>(
    'schema',
    (p) =>
      `更新预警天数 stale_warning_days（${p.warning}）不小于单项否决天数 stale_fail_days（${p.fail}）：预警必须先于单项否决，否则预警这一级永远不会出现。请把预警天数改小（例如 7）或把否决天数改大（例如 14）。`,
  ),
  'schema.duplicate-check': m<{ account: string; firstLine: number }>(
    'schema',
    (p) => `账号 ${p.account} 在本次巡查中出现了两次（第一次在第 ${p.firstLine} 行）：每个账号只记一条。`,
  ),

  // ── id-mismatch ─────────────────────────────────────────────────────────────
  'id-mismatch.unit': m<{ id: string; folder: string }>(
    'id-mismatch',
    (p) => `单位编号 id: ${p.id} 与文件夹名 ${p.folder} 不一致：改成 id: ${p.folder}，或把文件夹改名为 ${p.id}。`,
  ),
  'id-mismatch.calendar': m<{ year: number; fileYear: string }>(
    'id-mismatch',
    (p) => `year: ${p.year} 与文件名 ${p.fileYear}.yaml 不一致。`,
  ),
  'id-mismatch.inspection': m<{ date: string; fileDate: string }>(
    'id-mismatch',
    (p) => `巡查日期 date: ${p.date} 与文件名 ${p.fileDate}.yaml 不一致。`,
  ),
  'id-mismatch.inspection-folder': m<{ date: string; folder: string }>(
    'id-mismatch',
    (p) => `巡查日期 ${p.date} 不属于文件夹 ${p.folder}：巡查记录放在 inspections/<年份>/ 下，年份与日期一致。`,
  ),

  // ── unknown-reference ───────────────────────────────────────────────────────
  'unknown-reference.platform': m<{ platform: string; known: string }>(
    'unknown-reference',
    (p) => `平台 ${p.platform} 不在 data/platforms.yaml 中。可选：${p.known}。`,
  ),
  'unknown-reference.parent': m<{ parent: string }>(
    'unknown-reference',
    (p) => `上级单位 ${p.parent} 不存在（data/units/${p.parent}/unit.yaml 没有找到）。`,
  ),
  'unknown-reference.parent-cycle': m<{ unit: string }>('unknown-reference', (p) => `单位 ${p.unit} 的上级单位关系形成了循环。`),
  'unknown-reference.inspector': m<{ inspector: string }>(
    'unknown-reference',
    (p) => `巡查单位 ${p.inspector} 不存在（data/units/${p.inspector}/unit.yaml 没有找到）。`,
  ),
  'unknown-reference.account': m<{ account: string }>(
    'unknown-reference',
    (p) => `账号 ${p.account} 不存在（没有找到 data/units/${p.account.replace('/', '/accounts/')}.yaml）：检查单位编号和账号文件名。`,
  ),
  'unknown-reference.imitates': m<{ target: string }>(
    'unknown-reference',
    (p) => `被仿冒的对象 ${p.target} 不存在：写官方账号编号（单位编号/账号文件名）或单位编号。`,
  ),
  'unknown-reference.successor': m<{ successor: string }>(
    'unknown-reference',
    (p) => `接替账号 ${p.successor} 不存在：写账号编号（单位编号/账号文件名）。`,
  ),
  'unknown-reference.successor-self': m<{ successor: string }>(
    'unknown-reference',
    (p) => `接替账号 ${p.successor} 就是本账号自己：写接替本账号、仍在使用的另一个账号编号；没有接替账号时删除 successor。`,
  ),
  'unknown-reference.successor-closed': m<{ successor: string; state: string; date: string; next: string }>(
    'unknown-reference',
    (p) =>
      `接替账号 ${p.successor} 在 ${p.date} 已经${p.state}，不能接替本账号：${p.next ? `改写为它的接替账号 ${p.next}，` : '写当时仍在使用的账号编号，'}没有接替账号时删除 successor。`,
  ),
  'unknown-reference.unit-missing': m<{ unit: string }>(
    'unknown-reference',
    (p) => `单位文件夹 ${p.unit} 中缺少 unit.yaml：先添加单位信息（npm run new -- unit），再添加账号。`,
  ),
  'unknown-reference.office-unit': m<{ unit: string }>('unknown-reference', (p) => `主管单位编号 ${p.unit} 不存在。`),

  // ── duplicate-identifier ────────────────────────────────────────────────────
  'duplicate-identifier.account': m<Duplicate>(
    'duplicate-identifier',
    (p) =>
      `${p.what}「${p.value}」已被账号 ${p.other} 使用（${p.otherFile} 第 ${p.otherLine} 行）。一个账号只能备案一次：核对是否抄错；两个文件若是同一个账号，保留先备案的那个。`,
  ),
  'duplicate-identifier.taken': m<{ what: string; value: string; owner: string; ownerFile: string; ownerLine: number }>(
    'duplicate-identifier',
    (p) =>
      `${p.what}「${p.value}」已被${p.owner} 使用（${p.ownerFile} 第 ${p.ownerLine} 行）。一个账号只能备案一次：请核对本次新增或修改的内容是否抄错；如果确是同一个账号，不要重复备案。`,
  ),
  'duplicate-identifier.reported-impostor': m<{ what: string; value: string; owner: string; ownerFile: string; ownerLine: number }>(
    'duplicate-identifier',
    (p) => `${p.what}「${p.value}」是已登记的仿冒账号（${p.owner}，${p.ownerFile} 第 ${p.ownerLine} 行），不能作为官方账号备案：请核对。`,
  ),
  'duplicate-identifier.impostor': m<Duplicate>(
    'duplicate-identifier',
    (p) =>
      `${p.what}「${p.value}」与官方账号 ${p.other} 相同（${p.otherFile} 第 ${p.otherLine} 行）：仿冒账号不能与已备案的官方账号是同一个，请核对。`,
  ),
  'duplicate-identifier.impostor-twice': m<Duplicate>(
    'duplicate-identifier',
    (p) => `${p.what}「${p.value}」已在仿冒账号记录 ${p.other} 中登记（${p.otherFile} 第 ${p.otherLine} 行）：同一仿冒账号只登记一次。`,
  ),

  // ── platform-url-mismatch ───────────────────────────────────────────────────
  'platform-url-mismatch.not-url': m<{ value: string }>(
    'platform-url-mismatch',
    (p) => `「${p.value}」不是网址：链接须以 https:// 开头；平台没有公开网页时写 null。`,
  ),
  'platform-url-mismatch.not-https': m<{ value: string }>(
    'platform-url-mismatch',
    (p) => `链接「${p.value}」不是 https:// 开头：请改用 https 地址。`,
  ),
  'platform-url-mismatch.credentials': m<{ value: string }>(
    'platform-url-mismatch',
    (p) => `链接「${p.value}」中含有 @ 前的用户名部分，实际会打开 @ 后面的网站：这是仿冒链接的常见手法，请填写平台上的真实地址。`,
  ),
  'platform-url-mismatch.host': m<{ host: string; platform: string; hosts: string }>(
    'platform-url-mismatch',
    (p) => `链接的域名 ${p.host} 不属于${p.platform}（应为 ${p.hosts} 之一）：请核对平台和链接。`,
  ),
  'platform-url-mismatch.required': m<{ platform: string; example: string }>(
    'platform-url-mismatch',
    (p) => `${p.platform}账号须填写公开链接 url${p.example ? `，例如 ${p.example}` : ''}。`,
  ),
  'platform-url-mismatch.no-page': m<{ platform: string }>(
    'platform-url-mismatch',
    (p) => `${p.platform}没有公开网页，url 应写 null；二维码链接等可写在 identifiers 中。`,
  ),
  'platform-url-mismatch.home-page': m<{ value: string; platform: string }>(
    'platform-url-mismatch',
    (p) => `链接 ${p.value} 是${p.platform}的首页，不是某个账号的主页：请在平台上打开账号主页，复制它的链接。`,
  ),
  'platform-url-mismatch.not-profile': m<{ value: string; platform: string; path: string }>(
    'platform-url-mismatch',
    (p) => `链接 ${p.value} 是${p.platform}的搜索、热榜或内容页面（${p.path}），不是账号主页：请在平台上打开账号主页，复制它的链接。`,
  ),
  'platform-url-mismatch.other-id': m<{ value: string; label: string; urlId: string; handle: string }>(
    'platform-url-mismatch',
    (p) =>
      `链接 ${p.value} 指向${p.label}「${p.urlId}」的账号，与这里的${p.label}「${p.handle}」不一致：链接和账号 ID 必须是同一个账号，请核对后改正。`,
  ),

  // ── one-account-per-platform ────────────────────────────────────────────────
  'one-account-per-platform.second': m<{ platform: string; others: string }>(
    'one-account-per-platform',
    (p) =>
      `本单位在${p.platform}上已有账号 ${p.others}。一个单位在同一平台原则上只开设一个账号：注销多余账号，或填写 waiver（理由、批准单位、批准日期）。`,
  ),

  // ── personal-registration / personal-data ───────────────────────────────────
  'personal-registration.person': m<{ value: string }>(
    'personal-registration',
    (p) => `认证主体「${p.value}」像是个人姓名。严禁以个人名义注册单位账号：请在平台上把账号认证到本单位名下，verified_as 填写单位全称。`,
  ),
  'personal-data.mobile': m<{ masked: string }>(
    'personal-data',
    (p) => `这里有手机号码 ${p.masked}。名录是公开的，不得出现个人手机号：改为单位办公电话（带区号的座机）。`,
  ),
  'personal-data.id-number': m<{ masked: string }>(
    'personal-data',
    (p) => `这里有居民身份证号码 ${p.masked}。名录是公开的，不得出现身份证号等个人信息：请删除。`,
  ),
  'personal-data.file-name': m<{ name: string; masked: string }>(
    'personal-data',
    (p) =>
      `文件名或文件夹名「${p.name}」中有手机号码或身份证号码（${p.masked}）。文件名会成为网站上的公开网址：请改用平台名或单位拼音命名，例如 wechat.yaml。`,
  ),
  'personal-data.qq-email': m<{ masked: string }>('personal-data', (p) => `邮箱 ${p.masked} 是个人 QQ 号邮箱。请改用单位的办公邮箱。`),

  // ── event-order ─────────────────────────────────────────────────────────────
  'event-order.first': m<{ type: string }>('event-order', (p) => `第一项备案事项必须是 opened（开设），这里是 ${p.type}。`),
  'event-order.opened-again': m(
    'event-order',
    () => '账号只能开设一次：后续事项请用 changed（变更）、suspended（关停）、resumed（恢复）或 deregistered（注销）。',
  ),
  'event-order.date': m<{ date: string; previous: string }>(
    'event-order',
    (p) => `备案事项要按日期先后排列：${p.date} 早于上一项的 ${p.previous}。`,
  ),
  'event-order.after-deregistered': m<{ type: string }>(
    'event-order',
    (p) => `账号注销后不能再有事项（这里是 ${p.type}）。重新开设的账号请新建一个账号文件。`,
  ),
  'event-order.resume': m('event-order', () => 'resumed（恢复）只能跟在 suspended（关停）之后。'),
  'event-order.suspend-twice': m('event-order', () => '账号已处于关停状态，不能再次关停：需要时先记 resumed（恢复）。'),
  'event-order.change-suspended': m('event-order', () => '关停中的账号不能记 changed（变更）：先记 resumed（恢复）。'),
  'event-order.impostor': m<{ later: string; laterTitle: string; earlier: string; earlierTitle: string }>(
    'event-order',
    (p) => `${p.laterTitle} ${p.later} 早于${p.earlierTitle} ${p.earlier}：日期顺序应为 发现 ≤ 举报 ≤ 处置。`,
  ),

  // ── future-date ─────────────────────────────────────────────────────────────
  'future-date.date': m<Field & { value: string; asOf: string }>(
    'future-date',
    (p) => `${f(p)}${p.value ? `「${p.value}」` : ''}晚于今天（${p.asOf}）：已发生的事项不能写将来的日期，检查年份和月份。`,
  ),

  'future-date.after-inspection': m<{ account: string; lastPost: string; date: string }>(
    'future-date',
    (p) =>
      `账号 ${p.account} 的最近更新日期 last_post ${p.lastPost} 晚于本次巡查日期 ${p.date}：巡查时看到的最近一次更新不可能在巡查之后，请核对日期（通常是年份或月份写错）。`,
  ),

  // ── filing-number ───────────────────────────────────────────────────────────
  'filing-number.region': m<{ number: string; region: string; code: string }>(
    'filing-number',
    (p) => `备案编号 ${p.number} 的地区代码不是本名录的 ${p.code}（${p.region}）：编号由 npm run number 编定，不要手工填写别的地区代码。`,
  ),
  'filing-number.duplicate': m<{ number: string; other: string; otherFile: string; otherLine: number }>(
    'filing-number',
    (p) =>
      `备案编号 ${p.number} 已是账号 ${p.other} 的编号（${p.otherFile} 第 ${p.otherLine} 行）：一个编号只属于一个账号，删除本行后运行 npm run number 编定新编号。`,
  ),
  'filing-number.not-in-ledger': m<{ number: string }>(
    'filing-number',
    (p) =>
      `备案编号 ${p.number} 不在备案编号登记簿 data/filing-numbers.yaml 中：编号须由 npm run number 编定（删除本行后运行该命令），不能手工填写。`,
  ),
  'filing-number.reused': m<{ number: string; other: string }>(
    'filing-number',
    (p) =>
      `备案编号 ${p.number} 在登记簿中属于账号 ${p.other}：编号永不重复使用（账号注销后也不转给别的账号）。删除本行后运行 npm run number 编定新编号。`,
  ),
  'filing-number.changed': m<{ number: string; recorded: string }>(
    'filing-number',
    (p) => `本账号在登记簿中的备案编号是 ${p.recorded}，这里写的是 ${p.number}：备案编号一经编定永不改变，请改回 ${p.recorded}。`,
  ),
  'filing-number.missing': m<{ filed: string; from: string }>(
    'filing-number',
    (p) =>
      `账号于 ${p.filed} 备案开设，自 ${p.from} 起开设的账号必须有备案编号（filing_number）：运行 npm run number -- --account <账号编号> 编定。`,
  ),
  'filing-number.ledger-duplicate': m<{ number: string; firstLine: number }>(
    'filing-number',
    (p) =>
      `备案编号 ${p.number} 在登记簿中出现了两次（第一次在第 ${p.firstLine} 行）：一个编号只能编定一次，删除后加的一条，并核对对应账号。`,
  ),
  'filing-number.ledger-account-twice': m<{ account: string; firstLine: number; first: string }>(
    'filing-number',
    (p) => `账号 ${p.account} 在登记簿中已有编号 ${p.first}（第 ${p.firstLine} 行）：一个账号只有一个备案编号，删除后加的一条。`,
  ),
  'filing-number.ledger-unknown-account': m<{ number: string; account: string }>(
    'filing-number',
    (p) =>
      `登记簿中编号 ${p.number} 所属的账号 ${p.account} 不存在。账号文件改名或移到别的单位时，把这里的账号编号改成新的（编号不变）；注销的账号要保留账号文件（记 deregistered），不能删除。`,
  ),
  'filing-number.moved': m<{ number: string; account: string; now: string }>(
    'filing-number',
    (p) =>
      `登记簿中编号 ${p.number} 属于账号 ${p.account}，该账号文件已不存在，编号现在在账号 ${p.now} 中：账号文件改名或移到别的单位时编号不变，请把这里的 account 改为 ${p.now}（npm run number 会自动改）。`,
  ),
  'filing-number.ledger-unused': m<{ number: string; account: string }>(
    'filing-number',
    (p) =>
      `登记簿中编号 ${p.number} 属于账号 ${p.account}，但该账号文件没有填写 filing_number：运行 npm run number 补上（或手工填写 filing_number: ${p.number}）。`,
  ),

  // ── warnings ────────────────────────────────────────────────────────────────
  'filing-late.late': m<{ event: string; date: string; filed: string; workdays: number; deadline: number; due: string }>(
    'filing-late',
    (p) =>
      `${p.event}（${p.date}）在第 ${p.workdays} 个工作日（${p.filed}）才备案，超过了 ${p.deadline} 个工作日的时限（最迟应在 ${p.due} 备案）。`,
  ),
  'calendar-missing.year': m<{ year: number }>(
    'calendar-missing',
    (p) => `无法计算工作日：缺少 ${p.year} 年的节假日安排 data/calendar/${p.year}.yaml。国务院公布当年安排后请添加该文件。`,
  ),
  'verified-subject-mismatch.mismatch': m<{ value: string; unit: string }>(
    'verified-subject-mismatch',
    (p) =>
      `认证主体「${p.value}」与单位名称「${p.unit}」不一致。如果这是单位的另一个正式名称，请加入 unit.yaml 的 aliases；否则请在平台上更正认证信息。`,
  ),
  'unverified-account.null': m(
    'unverified-account',
    () => '账号尚未认证（verified_as: null）。请在平台上把账号认证为本单位，认证后填写认证主体。',
  ),
  'closure-notice-missing.missing': m<{ event: string }>(
    'closure-notice-missing',
    (p) => `账号已${p.event}，但没有填写停更公告链接 notice_url。请发布公告告知公众该账号不再更新，并填写公告网址。`,
  ),
  'stale-warning.days': m<{ account: string; days: number; lastPost: string; date: string; limit: number }>(
    'stale-warning',
    (p) => `${p.date} 巡查时，账号 ${p.account} 已 ${p.days} 天未更新（最近更新 ${p.lastPost}），超过 ${p.limit} 天的预警线。`,
  ),
  'stale-fail.days': m<{ account: string; days: number; lastPost: string; date: string; limit: number }>(
    'stale-fail',
    (p) =>
      `${p.date} 巡查时，账号 ${p.account} 已 ${p.days} 天未更新（最近更新 ${p.lastPost}），超过 ${p.limit} 天，单项否决。请立即整改，或关停注销。`,
  ),
  'inspection-missing.absent': m<{ account: string; date: string }>(
    'inspection-missing',
    (p) => `在用账号 ${p.account} 没有出现在 ${p.date} 的巡查记录中：请补充该账号的巡查结果。`,
  ),
  'inspection-missing.overdue': m<{ latest: string; days: number; interval: number }>(
    'inspection-missing',
    (p) => `最近一次巡查是 ${p.latest}，已过去 ${p.days} 天，超过 ${p.interval} 天的巡查周期：请添加本周的巡查记录。`,
  ),
  'inspection-missing.none': m('inspection-missing', () => '还没有任何巡查记录：请在 data/inspections/<年份>/<日期>.yaml 中记录每周巡查。'),
  'proof-missing.none': m<{ number: string }>(
    'proof-missing',
    (p) =>
      `账号没有记录双向核验（proof）：请在账号简介、菜单或置顶内容中标明${p.number ? `“政务新媒体备案编号 ${p.number}”` : '备案编号或名录链接'}，核对后填写 proof（where 位置、text 原文、checked 核对日期）。`,
  ),
  'proof-missing.lost': m<{ date: string; result: string }>(
    'proof-missing',
    (p) => `${p.date} 巡查时，账号上的备案编号${p.result}：请在账号上重新标明，核对后更新 proof 的 text 和 checked。`,
  ),
  'proof-stale.old': m<{ checked: string; days: number; limit: number }>(
    'proof-stale',
    (p) =>
      `账号上的备案编号最近一次核对是 ${p.checked}，已过去 ${p.days} 天，超过 ${p.limit} 天：核对后更新 checked 日期，或在每周巡查中记录 proof: ok。`,
  ),
  'rectification-overdue.overdue': m<{ account: string; issue: string; due: string; days: number }>(
    'rectification-overdue',
    (p) => `账号 ${p.account} 的整改（${p.issue}）已超过期限（${p.due}）${p.days} 天仍未完成：完成后填写 resolved 日期。`,
  ),

  // ── capped output: one line per rule and file for what was left out ──────────
  'encoding.more': more('encoding'),
  'yaml-syntax.more': more('yaml-syntax'),
  'yaml-duplicate-key.more': more('yaml-duplicate-key'),
  'yaml-unsafe.more': more('yaml-unsafe'),
  'stray-file.more': more('stray-file'),
  'schema.more': more('schema'),
  'id-mismatch.more': more('id-mismatch'),
  'unknown-reference.more': more('unknown-reference'),
  'duplicate-identifier.more': more('duplicate-identifier'),
  'platform-url-mismatch.more': more('platform-url-mismatch'),
  'one-account-per-platform.more': more('one-account-per-platform'),
  'personal-registration.more': more('personal-registration'),
  'personal-data.more': more('personal-data'),
  'event-order.more': more('event-order'),
  'future-date.more': more('future-date'),
  'filing-late.more': more('filing-late'),
  'calendar-missing.more': more('calendar-missing'),
  'verified-subject-mismatch.more': more('verified-subject-mismatch'),
  'unverified-account.more': more('unverified-account'),
  'closure-notice-missing.more': more('closure-notice-missing'),
  'stale-warning.more': more('stale-warning'),
  'stale-fail.more': more('stale-fail'),
  'inspection-missing.more': more('inspection-missing'),
  'rectification-overdue.more': more('rectification-overdue'),
  'filing-number.more': more('filing-number'),
  'proof-missing.more': more('proof-missing'),
  'proof-stale.more': more('proof-stale'),
};

export type MessageCode = keyof typeof MESSAGES;
/** The parameters a message takes. */
export type ParamsOf<C extends MessageCode> = Parameters<(typeof MESSAGES)[C]['text']>[0];
