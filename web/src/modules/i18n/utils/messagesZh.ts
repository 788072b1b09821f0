import type { adminMessagesZh } from './adminMessagesZh.ts';
import type { messagesAnalysisZh } from './messagesAnalysisZh.ts';
import type { messagesChainMapZh } from './messagesChainMapZh.ts';
import type { messagesCockpitZh } from './messagesCockpitZh.ts';
import type { messagesEcologyZh } from './messagesEcologyZh.ts';
import type { messagesEnterprisesZh } from './messagesEnterprisesZh.ts';
import type { messagesImportsZh } from './messagesImportsZh.ts';
import type { messagesInvestmentZh } from './messagesInvestmentZh.ts';
import type { messagesLeaderZh } from './messagesLeaderZh.ts';
import type { messagesMapZh } from './messagesMapZh.ts';
import type { messagesMatchZh } from './messagesMatchZh.ts';
import type { messagesPeopleZh } from './messagesPeopleZh.ts';
import type { messagesPlatformZh } from './messagesPlatformZh.ts';
import type { messagesEcoFormsZh } from './messagesEcoFormsZh.ts';
import type { messagesOverviewZh } from './messagesOverviewZh.ts';
import type { messagesParksZh } from './messagesParksZh.ts';
import type { messagesReportsZh } from './messagesReportsZh.ts';
import type { problemMessagesZh } from './problemMessagesZh.ts';
import type { templateMessagesZh } from './templateMessagesZh.ts';

/**
 * The shell's interface texts in Chinese (the default): the menu, header, login, common buttons and
 * errors, and the texts two modules share. Each page area's texts live in their own files and load
 * with its pages (messageCatalogue.ts, i18n/areas/); messagesEn.ts has the same keys in English.
 */
export const messagesZh = {
  'app.title': '链长制产业链服务平台',
  'app.shortTitle': 'chainlead 链长制',
  'app.language': '界面语言',
  'app.logout': '退出登录',
  'role.admin': '管理员',
  'role.analyst': '分析员',
  'role.viewer': '只读',
  'role.investment': '招商',
  'role.park': '园区',
  'role.office': '链办',
  'role.chain_leader': '链长',
  'role.department': '责任部门',
  'role.firm': '企业',
  'nav.enterprises': '企业库',
  'nav.duplicates': '疑似重复',
  'nav.imports': '数据导入',
  'nav.parks': '园区载体',
  'common.cancel': '取消',
  'common.reset': '清除筛选',
  'common.dateRange.from': '{what}（起）',
  'common.dateRange.to': '{what}（止）',
  'common.dateRange.between': '至',
  'common.import.refused': '导入被拒绝，未写入任何数据',
  'common.import.row': '行',
  'common.import.column': '列',
  'common.import.reason': '原因',
  'common.retry': '重试',
  'error.failed': '操作未成功',
  'error.forbidden': '当前角色无权进行此操作',
  'error.forbiddenPage': '此页面需要其他角色的权限；如需使用，请联系管理员。',
  'error.notFound': '未找到',
  'error.unreachable': '无法连接服务器，请稍后重试',
  'notFound.title': '页面不存在',
  'notFound.text': '该地址没有对应的页面。',
  'notFound.home': '返回首页',
  'login.intro': '登录后查看产业链企业、园区载体与数据导入。',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.wrongPassword': '用户名或密码不正确',
  'login.demoAccounts': '演示账号：{analyst}（分析员），{viewer}（只读）',
  'enterprises.filter.region': '行政区划',
  'enterprise.name': '企业名称',
  'enterprise.primaryNode': '主要环节',
  'enterprise.offChain': '未归入产业链',
  'enterprise.otherChainOn': '非本链 · {chains}',
  'enterprise.chainSeparator': '、',
  'parks.space.code': '编号',
  'parks.space.building': '楼栋',
  'parks.space.availableFrom': '可用日期',
  'space.wet_lab': '湿实验室',
  'space.gmp_plant': 'GMP 厂房',
  'space.office': '办公',
  'space.warehouse': '仓储',
  // Analysis (统计分析): location quotients, shift-share, region comparison, statistics upload.
  'nav.analysis': '统计分析',
  // Cockpit, chain map and reports (web-cockpit).
  'nav.cockpit': '驾驶舱',
  'nav.chainMap': '产业链图谱',
  'nav.reports': '分析报告',
  'cockpit.region': '地区',
  'cockpit.noRegion':
    '尚未设定产业链目标：请先用 chainlead target set 设定目标，或在地址中指定 ?region=。',
  'cockpit.status.strong': '强',
  'cockpit.status.weak': '弱',
  'cockpit.status.missing': '缺',
  // investment (招商): candidates, project board, park space, road to the target
  'invest.nav': '招商',
  'invest.nav.candidates': '招商目标',
  'invest.nav.kanban': '项目看板',
  'invest.nav.road': '目标路径',
  'invest.stage': '阶段',
  'invest.stage.lead': '线索',
  'invest.stage.negotiating': '在谈',
  'invest.stage.signed': '签约',
  'invest.stage.started': '开工',
  'invest.stage.producing': '投产',
  'invest.name': '名称',
  'invest.node': '产业链环节',
  'invest.expectedOutput': '预期产值',
  'invest.form.save': '保存',
  'invest.form.spaceNeed': '空间需求',
  'invest.space.reserve': '预留',
  'gap.definition':
    '缺口 = {year} 年目标 − {actualYear} 年实际产值（最近一年的实际值）；为正表示仍需增加的产值。各页面与简报同此定义。',
  'invest.road.probabilities': '阶段概率',
  'invest.road.probabilitiesOrder':
    '后一阶段的概率不能低于前一阶段（线索 ≤ 在谈 ≤ 签约 ≤ 开工 ≤ 投产）',
  'invest.summary.title': '招商项目概况',
  'invest.summary.open': '项目看板',
  'invest.summary.stalled': '{count} 停滞',
  'invest.summary.noProjects': '暂无项目',
  'invest.summary.weighted': '加权预期产值',
  'invest.summary.gap': '{year} 年目标 {target}，缺口 {gap}；计入项目预计 {projected}',
  'invest.summary.noTarget': '尚未设定产值目标',
  'nav.admin.targets': '目标',
  'nav.admin.audit': '审计日志',
  'nav.admin.templates': '产业链模板',
  'nav.admin.leaders': '链长与链办',
  'nav.admin.settings': '设置',
  'nav.problems': '诉求受理',
  'nav.workbench': '部门工作台',
  'nav.service': '企业服务',
  'notify.title': '消息',
  'notify.readAll': '全部已读',
  'notify.none': '暂无消息',
  'notify.kind.assigned': '新交办的诉求',
  'notify.kind.due_soon': '诉求即将到期',
  'notify.kind.overdue': '诉求已逾期',
  'notify.kind.rated': '企业已评价',
  'notify.kind.supervision_assigned': '新的督办事项',
  'notify.kind.supervision_overdue': '督办事项已逾期',
  'password.title': '请设置新密码',
  'password.intro': '您正在使用一次性密码。设置自己的密码后即可继续使用。',
  'password.current': '当前密码',
  'password.new': '新密码（至少 8 位）',
  'password.repeat': '再次输入新密码',
  'password.tooShort': '新密码至少 10 位',
  'password.mismatch': '两次输入的新密码不一致',
  'password.submit': '保存新密码',
  'problems.overdue': '逾期',
  'nav.chainMasters': '链主生态',
  'ecology.rateDefinition':
    '本地配套率 = 与链主同城的供应商的供货关系数 / 链主全部已知供货关系数；按金额时只计已知金额的关系。',
  'ecology.enterpriseLink': '链主生态',
  'nav.matchmaking': '供需对接',
  'nav.leader': '链长工作',
  'nav.scorecard': '考核看板',
  'leader.save': '保存',
  'leader.enterpriseSearch': '输入企业名称搜索',
  'leader.supervision.state': '状态',
  'nav.admin': '系统管理',
  'nav.admin.departments': '部门与类别',
  'nav.admin.calendar': '工作日历',
  'nav.admin.users': '用户',
  'chains.switcher': '产业链',
  'chains.notLoaded': '没有已加载的产业链“{code}”',
  'chains.notLoaded.hint': '链接中的产业链未加载或已改名：请在页头选择一条产业链。',
  'chains.notLoaded.back': '回到默认产业链',
  'nav.overview': '市级总览',
  'overview.empty': '尚未加载产业链',
  'nav.districtMap': '区县分布',
  'nav.admin.maps': '区县边界',
  'region.search': '输入名称或拼音搜索地区',
  'nav.experts': '专家库',
  'nav.events': '活动',
  'expert.none': '该环节暂无专家',
  'nav.platforms': '创新平台',
  'plat.kind.innovation_centre': '创新中心',
  'plat.kind.public_service': '公共服务平台',
  'plat.kind.key_lab': '重点实验室',
  'plat.kind.engineering_centre': '工程（技术）研究中心',
  'plat.kind.incubator': '孵化器/加速器',
  'plat.kind.other': '其他',
  'ecoForms.addLink': '登记企业关系',
  'ecoForms.amount': '年金额（元）',
  'ecoForms.from': '供方 / 服务方 / 控股方 / 合作方',
  'ecoForms.kind': '关系类型',
  'ecoForms.kind.cooperates': '合作',
  'ecoForms.kind.owns': '控股',
  'ecoForms.kind.serves': '服务（CRO/CDMO）',
  'ecoForms.kind.supplies': '供货',
  'ecoForms.product': '产品或服务',
  'ecoForms.required': '必填',
  'ecoForms.search': '输入企业名称搜索',
  'ecoForms.share': '占买方采购比例（%）',
  'ecoForms.to': '买方 / 客户 / 被控股方 / 合作方',
  'ecoForms.validFrom': '起始日期',
  'ecology.partner': '关联企业',
  'match.form.submit': '发布',
} as const;

/** The key of a text the shell carries. */
export type ShellMessageKey = keyof typeof messagesZh;

/** The key of an interface text: the shell's or a page area's (type-only imports cost no bytes). */
export type MessageKey =
  | ShellMessageKey
  | keyof typeof adminMessagesZh
  | keyof typeof messagesAnalysisZh
  | keyof typeof messagesChainMapZh
  | keyof typeof messagesCockpitZh
  | keyof typeof messagesEcologyZh
  | keyof typeof messagesEnterprisesZh
  | keyof typeof messagesImportsZh
  | keyof typeof messagesInvestmentZh
  | keyof typeof messagesLeaderZh
  | keyof typeof messagesMapZh
  | keyof typeof messagesMatchZh
  | keyof typeof messagesPeopleZh
  | keyof typeof messagesPlatformZh
  | keyof typeof messagesEcoFormsZh
  | keyof typeof messagesOverviewZh
  | keyof typeof messagesParksZh
  | keyof typeof messagesReportsZh
  | keyof typeof problemMessagesZh
  | keyof typeof templateMessagesZh;
