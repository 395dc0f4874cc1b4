/**
 * `npm run init:registry -- --region-code CODE --name NAME [options] --yes`: replaces the sample
 * data with an empty registry of one's own, ready for the units' first filings.
 *
 * Removes every unit, account, inspection and impostor of the data directory; rewrites
 * `site.yaml` (`sample: false`, the region, the office, the site's address); keeps one unit, the
 * county office that runs the registry (CODEOWNERS names it), and keeps the platform catalogue,
 * the policy and the holiday calendars (national data, not sample data). Written in the canonical
 * format of `npm run fmt:data`, then validated; with `--org`, `.github/CODEOWNERS` is regenerated.
 *
 * Without `--yes` it only lists what it would do. Exit 0: done. Exit 1: not confirmed, or the
 * result does not validate. Exit 2: usage problem.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { todayInChina } from '../lib/dates.ts';
import { findSchemaDir, formatDataText } from '../lib/format/canonical.ts';
import { loadRegistry } from '../lib/registry.ts';
import { SLUG_RE } from '../lib/schema/common.ts';
import type { FileKind } from '../lib/schema/index.ts';
import { SiteSchema } from '../lib/schema/site.ts';
import { runCodeowners } from './codeowners.ts';
import { checkDataDir, readOptions, UsageError } from './usage.ts';
import type { Io } from './validate.ts';

export const USAGE = `用法：npm run init:registry -- --region-code 代码 --name 地区名称 [选项] --yes

把示例数据换成一个空的正式名录：删除数据目录中的全部单位、账号、巡查记录和仿冒账号，改写 site.yaml
（sample: false、地区、主管单位、网站地址），只建主管单位一个单位。平台目录、政策和节假日文件保留。

  --region-code 代码   6 位行政区划代码，例如 622926（必填）
  --name 名称          地区名称，例如 东乡族自治县（必填）
  --url 地址           网站的公开地址，https:// 开头；不填时沿用 site.yaml 中的地址并提醒修改
  --title 标题         网站标题（默认：<地区名称>政务新媒体名录）
  --office-name 名称   主管单位全称（默认：<地区名称>人民政府办公室）
  --office-id 编号     主管单位的单位编号（默认 xianzhengfuban）
  --org 组织           GitHub 组织名：主管单位的维护人写为 @组织/<主管单位编号>，并重新生成 .github/CODEOWNERS
  --phone 电话         主管单位对外公开的办公电话（带区号）
  --email 邮箱         主管单位对外公开的办公邮箱
  --data DIR           数据目录（默认 data）
  --yes                确认执行；不加时只列出将要做的修改
  -h, --help           显示本帮助`;

interface Options {
  data: string;
  code: string;
  name: string;
  url?: string;
  title: string;
  officeName: string;
  officeId: string;
  org?: string;
  phone?: string;
  email?: string;
  yes: boolean;
}

const URL_SHAPE = SiteSchema.shape.url;

function parseOptions(argv: string[], cwd: string): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        'region-code': { type: 'string' },
        name: { type: 'string' },
        url: { type: 'string' },
        title: { type: 'string' },
        'office-name': { type: 'string' },
        'office-id': { type: 'string' },
        org: { type: 'string' },
        phone: { type: 'string' },
        email: { type: 'string' },
        yes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const code = values['region-code'];
  if (!code) throw new UsageError('缺少 --region-code（6 位行政区划代码，例如 622926）');
  if (!/^\d{6}$/.test(code)) throw new UsageError(`--region-code 须为 6 位数字的行政区划代码，而不是 ${code}`);
  const name = values.name?.trim();
  if (!name) throw new UsageError('缺少 --name（地区名称，例如 东乡族自治县）');
  if (values.url !== undefined && !URL_SHAPE.safeParse(values.url).success)
    throw new UsageError(`--url 须为 https:// 开头的网站地址，例如 https://xmt.dongxiang.gov.cn/，而不是 ${values.url}`);
  const officeId = values['office-id'] ?? 'xianzhengfuban';
  if (!SLUG_RE.test(officeId)) throw new UsageError(`--office-id 只能用小写英文字母和数字，单词之间用减号连接，而不是 ${officeId}`);
  if (values.org !== undefined && !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(values.org))
    throw new UsageError(`--org 须为 GitHub 组织名（字母、数字和减号），而不是 ${values.org}`);
  const data = path.resolve(cwd, values.data ?? 'data');
  checkDataDir(data);
  return {
    data,
    code,
    name,
    url: values.url,
    title: values.title?.trim() || `${name}政务新媒体名录`,
    officeName: values['office-name']?.trim() || `${name}人民政府办公室`,
    officeId,
    org: values.org,
    phone: values.phone,
    email: values.email,
    yes: values.yes === true,
  };
}

/** Files under `dir` (recursively), relative to `base`, `/`-separated. */
function filesUnder(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Writes a data file in the canonical format of `npm run fmt:data`. */
function writeData(dataDir: string, rel: string, kind: FileKind, value: unknown, comment: string): void {
  const abs = path.join(dataDir, rel);
  const text = `# ${comment}\n${stringify(value, { lineWidth: 0 })}`;
  const formatted = formatDataText(text, kind, { rel, abs, schemaDir: findSchemaDir(dataDir) });
  if (!formatted.ok) throw new Error(`${rel}: ${formatted.reason}`);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, formatted.text);
}

/** Runs the command; returns the exit code. */
export function runInitRegistry(argv: string[], io: Io): number {
  const options = readOptions(() => parseOptions(argv, io.cwd), USAGE, '错误：', io);
  if (typeof options === 'number') return options;
  const { data } = options;
  const display = path.relative(io.cwd, data).split(path.sep).join('/') || '.';
  const sitePath = path.join(data, 'site.yaml');
  let current: Record<string, unknown>;
  try {
    current = ((existsSync(sitePath) ? parse(readFileSync(sitePath, 'utf8')) : null) ?? {}) as Record<string, unknown>;
  } catch {
    current = {};
  }
  const url = options.url ?? (typeof current.url === 'string' && URL_SHAPE.safeParse(current.url).success ? current.url : undefined);
  if (!url) {
    io.stderr(`错误：${display}/site.yaml 中没有有效的网站地址，请用 --url 给出（https:// 开头）。\n\n${USAGE}\n`);
    return 2;
  }

  const removed = ['units', 'inspections', 'impostors'].flatMap((dir) => filesUnder(path.join(data, dir), data));
  const count = (dir: string, pattern: RegExp) => removed.filter((f) => f.startsWith(`${dir}/`) && pattern.test(f)).length;
  const unitFile = `units/${options.officeId}/unit.yaml`;
  const plan = [
    `删除 ${display}/units/ 中的 ${count('units', /\/unit\.yaml$/)} 个单位和 ${count('units', /\/accounts\//)} 个账号`,
    `删除 ${display}/inspections/ 中的 ${count('inspections', /\.yaml$/)} 份巡查记录`,
    `删除 ${display}/impostors/ 中的 ${count('impostors', /\.yaml$/)} 个仿冒账号`,
    `改写 ${display}/site.yaml：${options.title}，${options.name}（${options.code}），${url}，sample: false`,
    `新建 ${display}/${unitFile}：${options.officeName}${options.org ? `，维护人 @${options.org}/${options.officeId}` : ''}`,
    ...(options.org ? ['重新生成 .github/CODEOWNERS'] : []),
    `保留 ${display}/platforms.yaml、policy.yaml 和 calendar/`,
  ];
  if (!options.yes) {
    io.stdout(`将要执行：\n${plan.map((l) => `  - ${l}`).join('\n')}\n\n未做任何修改。确认无误后加上 --yes 再运行一次。\n`);
    return 1;
  }

  for (const dir of ['units', 'inspections', 'impostors']) rmSync(path.join(data, dir), { recursive: true, force: true });
  mkdirSync(path.join(data, 'inspections'), { recursive: true });
  mkdirSync(path.join(data, 'impostors'), { recursive: true });
  const office: Record<string, unknown> = { name: options.officeName, unit: options.officeId };
  if (options.phone) office.phone = options.phone;
  if (options.email) office.email = options.email;
  const site: Record<string, unknown> = {
    title: options.title,
    url,
    region: { name: options.name, code: options.code },
    office,
    description: `${options.name}各单位开设的政务新媒体账号（微信公众号、微博、抖音、移动客户端等）的备案名录。公众可在此查询某个账号是不是官方账号，发现仿冒账号请向${options.officeName}举报。`,
    data_license: typeof current.data_license === 'string' ? current.data_license : 'CC-BY-4.0',
    sample: false,
  };
  writeData(data, 'site.yaml', 'site', site, `${options.title}：名录网站的标题、地区、主管单位和公开地址`);
  const contact: Record<string, unknown> = {};
  if (options.phone) contact.phone = options.phone;
  if (options.email) contact.email = options.email;
  writeData(
    data,
    unitFile,
    'unit',
    {
      id: options.officeId,
      name: options.officeName,
      aliases: [],
      kind: 'county-department',
      parent: null,
      contact,
      maintainers: options.org ? [`@${options.org}/${options.officeId}`] : [],
    },
    '主管单位：负责名录的审核、每周巡查和仿冒账号处置',
  );

  const { problems } = loadRegistry(data, { asOf: todayInChina() });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    io.stderr(`✖ 新名录没有通过校验：\n${errors.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`).join('\n')}\n`);
    return 1;
  }
  if (options.org) {
    const code = runCodeowners(['--data', data], io);
    if (code !== 0) return code;
  }
  const notes = [
    `已把 ${display}/ 换成空的正式名录（sample: false）：删除 ${removed.length} 个示例文件，写入 site.yaml 和 ${unitFile}。`,
    ...(options.url
      ? []
      : [`注意：网站地址仍是 ${url}（沿用原值）。上线前在 ${display}/site.yaml 的 url 写上正式地址：海报二维码、订阅源和开放数据都用它。`]),
    ...(options.org
      ? []
      : [
          `注意：主管单位还没有维护人（maintainers）。在 ${display}/${unitFile} 写上 GitHub 团队（例如 "@组织/${options.officeId}"），再运行 npm run codeowners。`,
        ]),
    '下一步：npm run new -- unit 添加各单位，npm run new -- account 备案账号；npm run validate 检查；详见 docs/上线指南.md。',
  ];
  io.stdout(`${notes.join('\n')}\n`);
  return 0;
}
