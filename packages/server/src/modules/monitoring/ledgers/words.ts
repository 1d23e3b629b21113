// Words as the national monitoring system and GB/T 4761 (家庭关系代码) write them, beside the app's own
// labels: 之子, 儿子 and code 20 are all 子女. A value none of these name is a cell error repeating it.
import type { Category, EntryDoor, HEALTH, Relation, Schooling, Status, Work } from '@xiezuo/shared/contracts/monitoring';

type Health = (typeof HEALTH)[number];

const codes = (from: number, to: number, value: Relation) => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [String(from + i).padStart(2, '0'), value]));

/** 与户主关系: the national roster's 之子/之女…, plain words, and the GB/T 4761 codes (01/02 户主 … 99 非亲属). */
export const RELATION_WORDS: Record<string, Relation> = {
  本人: 'head', 户主本人: 'head', 户主: 'head',
  妻: 'spouse', 妻子: 'spouse', 夫: 'spouse', 丈夫: 'spouse', 之妻: 'spouse', 之夫: 'spouse', 配偶: 'spouse',
  之子: 'child', 子: 'child', 儿子: 'child', 长子: 'child', 次子: 'child', 三子: 'child', 独生子: 'child', 养子: 'child', 继子: 'child', 养子或继子: 'child',
  之女: 'child', 女: 'child', 女儿: 'child', 长女: 'child', 次女: 'child', 三女: 'child', 独生女: 'child', 养女: 'child', 继女: 'child', 养女或继女: 'child',
  之儿媳: 'child_in_law', 儿媳: 'child_in_law', 媳妇: 'child_in_law', 之女婿: 'child_in_law', 女婿: 'child_in_law',
  之孙子: 'grandchild', 孙子: 'grandchild', 之孙女: 'grandchild', 孙女: 'grandchild', 外孙: 'grandchild', 外孙子: 'grandchild', 外孙女: 'grandchild', 之外孙: 'grandchild', 之外孙女: 'grandchild', 曾孙: 'grandchild',
  之父: 'parent', 父亲: 'parent', 父: 'parent', 之母: 'parent', 母亲: 'parent', 母: 'parent', 公公: 'parent', 婆婆: 'parent', 岳父: 'parent', 岳母: 'parent', 继父: 'parent', 继母: 'parent',
  之祖父: 'grandparent', 祖父: 'grandparent', 之祖母: 'grandparent', 祖母: 'grandparent', 外祖父: 'grandparent', 外祖母: 'grandparent', 爷爷: 'grandparent', 奶奶: 'grandparent',
  之兄弟姐妹: 'sibling', 兄弟: 'sibling', 姐妹: 'sibling', 兄: 'sibling', 哥哥: 'sibling', 弟: 'sibling', 弟弟: 'sibling', 姐: 'sibling', 姐姐: 'sibling', 妹: 'sibling', 妹妹: 'sibling', 之兄: 'sibling', 之弟: 'sibling', 之姐: 'sibling', 之妹: 'sibling', 嫂: 'sibling', 弟媳: 'sibling', 姐夫: 'sibling', 妹夫: 'sibling',
  其他: 'other', 其他亲属: 'other', 非亲属: 'other', 侄子: 'other', 侄女: 'other', 外甥: 'other', 外甥女: 'other', 之侄子: 'other', 之侄女: 'other',
  // GB/T 4761-2008: 0x self/head, 1x spouse, 2x son (28 女婿), 3x daughter (38 儿媳), 4x grandchildren, 5x parents, 6x grandparents, 7x siblings, 8x–99 others
  ...codes(1, 2, 'head'), ...codes(10, 12, 'spouse'), ...codes(20, 29, 'child'), '28': 'child_in_law', ...codes(30, 39, 'child'), '38': 'child_in_law',
  ...codes(40, 49, 'grandchild'), ...codes(50, 59, 'parent'), ...codes(60, 69, 'grandparent'), ...codes(70, 79, 'sibling'), ...codes(80, 99, 'other'),
};

/** 健康状况 as the national roster writes it (健康 / 长期慢性病 / 患有大病 / 残疾). */
export const HEALTH_WORDS: Record<string, Health> = {
  良好: 'healthy', 身体健康: 'healthy', 慢性病: 'chronic', 长期慢病: 'chronic', 患长期慢性病: 'chronic', 大病: 'serious', 重病: 'serious', 重大疾病: 'serious', 患大病: 'serious',
  残疾人: 'disabled', 未知: 'unknown', 不详: 'unknown',
};

/** 在校生状况 (national roster) and common shorthand. */
export const SCHOOLING_WORDS: Record<string, Schooling> = {
  学前教育: 'preschool', 学龄前儿童: 'preschool', 幼儿园: 'preschool', 小学: 'primary', 初中: 'junior', 高中: 'senior', 普通高中: 'senior',
  中职: 'vocational', 中专: 'vocational', 技工院校: 'vocational', 中职中技: 'vocational', 高职: 'college', 大专: 'college', 本科: 'college', 本科及以上: 'college', 高职高专: 'college', 研究生: 'college',
  非在校: 'not_in_school', 不在校: 'not_in_school', 否: 'not_in_school', 辍学学生: 'dropped_out', 失学: 'dropped_out', 未知: 'unknown', 不详: 'unknown',
};

/** 务工状况 as towns write it. */
export const WORK_WORDS: Record<string, Work> = {
  在家务农: 'farming', 农业生产: 'farming', 县内务工: 'local_work', 乡镇内务工: 'local_work', 本县务工: 'local_work', 省内县外务工: 'migrant_in_province', 省外: 'migrant_out_province', 外省务工: 'migrant_out_province', 赴粤务工: 'migrant_out_province',
  公益性岗位: 'public_job', 个体经营: 'self_employed', 自主创业: 'self_employed', 失业: 'unemployed', 无劳动能力: 'unable', 丧失劳动力: 'unable', 无: 'none', 学生: 'none', 未知: 'unknown', 不详: 'unknown',
};

/** 监测对象类别: the three categories as written over the years (监测户 types included); 一般户 is none of them. */
export const CATEGORY_WORDS: Record<string, Category> = {
  脱贫不稳定: 'unstable', 不稳定户: 'unstable', 脱贫不稳定户监测户: 'unstable', '脱贫不稳定户(监测户)': 'unstable', 脱贫不稳定人口: 'unstable',
  边缘易致贫: 'marginal', 边缘户: 'marginal', 边缘易致贫人口: 'marginal', '边缘易致贫户(监测户)': 'marginal',
  突发严重困难: 'sudden', 突发困难户: 'sudden', 严重困难户: 'sudden', 突发严重困难人口: 'sudden', '突发严重困难户(监测户)': 'sudden',
};

/** 监测状态 as the national roster writes it. */
export const STATUS_WORDS: Record<string, Extract<Status, 'identifying' | 'monitored' | 'eliminated'>> = {
  识别中: 'identifying', 认定中: 'identifying', 已纳入监测: 'monitored', 纳入监测: 'monitored', 监测中: 'monitored', 未消除风险: 'monitored', 风险未消除: 'monitored',
  风险已消除: 'eliminated', 已消除风险: 'eliminated', 消除风险: 'eliminated', 已消除: 'eliminated', 风险消除: 'eliminated',
};

/** 纳入途径 / 识别途径. */
export const ENTRY_WORDS: Record<string, EntryDoor> = {
  自主申报: 'self_apply', 农户申报: 'self_apply', 农户自主申报: 'self_apply', 干部走访排查: 'cadre_check', 排查: 'cadre_check', 走访排查: 'cadre_check', 部门预警: 'dept_alert', 部门筛查: 'dept_alert', 部门筛查预警: 'dept_alert', 行业部门预警: 'dept_alert',
};
