/**
 * Does a verification subject (认证主体) look like a person's name rather than an organisation?
 * A subject that ends like an organisation (…局, …中心, …政府, …公司) is an organisation; a
 * short all-Han text starting with a common surname is a person; so is anything saying 个人.
 */
import { normalizeName, toSimplified } from '../../shared/normalize.ts';

/** Common single-character surnames (including those frequent in Linxia and Dongxiang). */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝妥喇冶',
]);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
];

/** Endings of organisation names. */
const ORG_SUFFIX =
  /(局|委|办|室|院|所|站|队|中心|政府|委员会|镇|乡|村|社区|街道|公司|集团|协会|学会|联合会|会|馆|部|处|厅|署|司|校|学|台|社|报|网|团|联|狱|庭|科|股|组|场|厂|店|园|宫|堂|基地|合作社|行|府|军|营|关|局（.*）|县|市|州|省|区|旗|盟|部门|单位|平台|发布|融媒|媒体|之声|在线|服务号|官方)$/u;

export function looksLikePersonName(subject: string): boolean {
  // Traditional characters (張偉, 歐陽修) are read as their simplified forms.
  const text = toSimplified(normalizeName(subject)).replace(/[（(][^）)]*[）)]$/u, '');
  if (/个人|本人|私人/u.test(text)) return true;
  if (ORG_SUFFIX.test(text)) return false;
  if (!/^[\p{Script=Han}·]{2,4}$/u.test(text)) return false;
  if (COMPOUND_SURNAMES.some((s) => text.startsWith(s))) return text.length >= 3;
  return SURNAMES.has(text[0]!) && text.length <= 3;
}
