import { ROW_REASONS, type ReasonParams, type RowReason } from './row-reasons.ts';

/**
 * Every row reason said in Chinese and English: the web app says a refused row in the reader's
 * language, and the server writes an import's error report (errors.csv) in the one asked for.
 */
type Text = { zh: string; en: string };

/** Why a row (or a reservation) was refused, in both languages; `{name}` takes `params.name`. */
export const ROW_REASON_MESSAGES: Readonly<Record<RowReason, Text>> = {
  FILE_UNREADABLE: {
    zh: '无法读取文件 {file}：请检查其格式与编码（CSV UTF-8、GB18030、XLSX 或 JSON Lines）后重新上传',
    en: 'the file {file} cannot be read; check its format and encoding (CSV UTF-8, GB18030, XLSX or JSON Lines) and upload it again',
  },
  FILE_EMPTY: {
    zh: '文件 {file} 是空的：第一行应为列标题',
    en: 'the file {file} is empty; the first row must hold the column headers',
  },
  FILE_NO_ROWS: {
    zh: '文件 {file} 只有列标题，没有数据行',
    en: 'the file {file} has column headers but no rows',
  },
  FILE_TOO_LARGE: {
    zh: '文件超过上传上限 {maxMb} MB：请拆分后分别上传，或用命令行导入',
    en: 'the file is larger than the upload limit of {maxMb} MB; split it, or import it with the CLI',
  },
  STATS_COLUMNS_MISSING: {
    zh: '{file} 缺少列：{columns}；第一行现为 {headers}',
    en: '{file} lacks the column(s) {columns}; its first row holds {headers}',
  },
  STATS_COLUMNS_REPEATED: {
    zh: '{file} 有重复的列：{columns}；每列只能出现一次',
    en: '{file} repeats the column(s) {columns}; give each column once',
  },
  FILE_OLD_EXCEL: {
    zh: '{file} 是旧版 Excel 文件（.xls）或加密的工作簿：请另存为 .xlsx（不设密码）或“CSV UTF-8”',
    en: '{file} is an old Excel file (.xls) or a password-protected workbook; save it as .xlsx (without a password) or "CSV UTF-8"',
  },
  FILE_FORMAT_UNKNOWN: {
    zh: '无法从扩展名判断 {file} 的格式：请使用 .csv、.xlsx 或 .jsonl',
    en: 'the extension of {file} does not say its format; use .csv, .xlsx or .jsonl',
  },
  FILE_NOT_XLSX: {
    zh: '{file} 不是 XLSX 工作簿：若其内容是文本，请改名为 .csv 或 .jsonl',
    en: '{file} is not an XLSX workbook; if it holds text, name it .csv or .jsonl',
  },
  FILE_IS_ZIP: {
    zh: '{file} 是压缩包，可能是 XLSX 工作簿：请改名为 .xlsx',
    en: '{file} is a zip archive, probably an XLSX workbook; name it .xlsx',
  },
  FILE_UTF16: {
    zh: '{file} 是 UTF-16 文本（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8”或 .xlsx',
    en: '{file} is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8" or .xlsx',
  },
  COLUMNS_MISSING: {
    zh: '{file} 没有“企业名称”列：第一行应为列标题，现为 {headers}',
    en: '{file} has no column for the enterprise name (name); the first row holds {headers}',
  },
  ROW_QUOTE_NOT_CLOSED: {
    zh: '{file} 第 {row} 行：单元格以英文双引号 " 开头却没有闭合；请补上引号或去掉它',
    en: '{file} row {row}: a cell opens with " and never closes; close the quote or remove it',
  },
  ROW_QUOTE_NOT_DOUBLED: {
    zh: '{file} 第 {row} 行：带引号的单元格中的 " 应写成 ""',
    en: '{file} row {row}: a " inside a quoted cell must be doubled ("")',
  },
  ROW_VALUE_WITHOUT_HEADER: {
    zh: '{file} 第 {row} 行：第 {column} 列有值（“{value}”）却没有列标题；请补上标题或删除该值',
    en: '{file} row {row}: column {column} has a value ("{value}") but no header; add a header or remove the value',
  },
  ROW_FORMULA_NO_RESULT: {
    zh: '{file} 第 {row} 行：单元格 {cell} 是没有保存结果的公式；请用 Excel 或 WPS 打开并保存后重新上传',
    en: '{file} row {row}: cell {cell} is a formula with no saved result; open the file in Excel or WPS, save it and upload it again',
  },
  ROW_UNREADABLE: {
    zh: '{file} 第 {row} 行无法读取（{why}）',
    en: '{file} row {row} cannot be read: {why}',
  },
  NOT_A_NUMBER: { zh: '不是数字', en: 'not a number' },
  NOT_NEGATIVE: { zh: '不能为负数', en: 'must not be negative' },
  NOT_WHOLE_NUMBER: { zh: '不是整数', en: 'not a whole number' },
  TOO_LARGE: { zh: '数值过大', en: 'too large' },
  CURRENCY_UNSUPPORTED: {
    zh: '不支持币种 {currency}，请换算为人民币元',
    en: 'currency {currency} is not supported; convert to yuan',
  },
  UNIT_UNSUPPORTED: {
    zh: '不支持单位“{unit}”，请使用元、万元或亿元',
    en: 'unit "{unit}" is not supported; use yuan, wan (10,000) or yi (100 million)',
  },
  HEADER_UNIT_UNSUPPORTED: {
    zh: '列标题中的单位“{unit}”不受支持，已忽略此列；请换算为元、万元或亿元',
    en: 'unit "{unit}" in the header is not supported, so the column was ignored; convert to yuan, wan or yi',
  },
  NOT_A_DATE: { zh: '不是日期，请写成 YYYY-MM-DD', en: 'not a date; use YYYY-MM-DD' },
  NO_SUCH_DATE: { zh: '不存在的日期：{date}', en: 'no such date: {date}' },
  DATE_BEFORE_1900: { zh: '年份 {year} 早于 1900 年', en: 'year {year} is before 1900' },
  DATE_IN_FUTURE: { zh: '{date} 是未来的日期', en: '{date} is in the future' },
  DATE_LOOKS_LIKE_YEAR: {
    zh: '{value} 像是年份，请写完整日期（YYYY-MM-DD）',
    en: '{value} looks like a year; give the full date as YYYY-MM-DD',
  },
  NOT_A_YEAR: { zh: '不是年份', en: 'not a year' },
  YEAR_OUT_OF_RANGE: {
    zh: '年份须在 1900 至 {last} 之间',
    en: 'the year must be between 1900 and {last}',
  },
  INDUSTRY_CODE_FORMAT: {
    zh: '不是行业代码，应为 4 位数字，如 2710',
    en: 'not an industry code; expected 4 digits such as 2710',
  },
  INDUSTRY_CODE_DIGITS: {
    zh: '行业代码 {code} 有 {digits} 位，GB/T 4754 小类为 4 位（若 Excel 去掉了开头的 0，请把该列设为文本）',
    en: 'industry code {code} has {digits} digits; GB/T 4754 classes have 4 (if Excel dropped a leading 0, format the column as text)',
  },
  INDUSTRY_CODE_DIVISION: {
    zh: '行业代码 {code}：没有大类 {division}',
    en: 'industry code {code}: there is no division {division}',
  },
  INDUSTRY_CODE_SECTION: {
    zh: '行业代码 {code}：门类 {section} 不含大类 {division}',
    en: 'industry code {code}: section {section} has no division {division}',
  },
  NAME_REQUIRED: { zh: '企业名称必填', en: 'the enterprise name is required' },
  USCC_LENGTH: {
    zh: '统一社会信用代码应为 18 位，此处为 {length} 位',
    en: 'a USCC has 18 characters, this has {length}',
  },
  USCC_CHARACTERS: {
    zh: '统一社会信用代码只含数字和字母 ABCDEFGHJKLMNPQRTUWXY',
    en: 'a USCC uses only digits and the letters ABCDEFGHJKLMNPQRTUWXY',
  },
  USCC_CHECK_CHARACTER: {
    zh: '校验码不正确（按 GB 32100-2015 应为 {expected}），是否输入有误？',
    en: 'the check character is wrong (GB 32100-2015 expects {expected}): a typo?',
  },
  REGION_CODE_FORMAT: {
    zh: '不是行政区划代码（2、4 或 6 位数字，如 320214）',
    en: 'not a region code (2, 4 or 6 digits, e.g. 320214)',
  },
  REGION_UNKNOWN: { zh: '没有代码为 {code} 的地区', en: 'no region has code {code}' },
  REGION_MISSING: {
    zh: '缺少地区：请提供行政区划代码列、统一社会信用代码或默认地区',
    en: 'no region: give a region code column, a USCC, or a default region',
  },
  YEAR_REQUIRED: {
    zh: '营业收入、产值和从业人数需要注明所属年份',
    en: 'revenue, output and employees need the year they belong to',
  },
  VALUE_REQUIRED: { zh: '必填', en: 'required' },
  CODE_TOO_LONG: { zh: '代码超过 {max} 个字符', en: 'the code is longer than {max} characters' },
  CODE_CHARACTERS: {
    zh: '代码只能含字母、数字和 . - / _，不能有空格',
    en: 'use letters, digits and . - / _ only, with no spaces',
  },
  INDUSTRY_TYPE_FORMAT: {
    zh: '行业类型应为一个词，如 traded（可贸易）或 local（本地）',
    en: 'an industry type is one word such as traded or local',
  },
  ROW_REPEATED: {
    zh: '与第 {first} 行重复；每个地区、行业和年份只能出现一次',
    en: 'repeats row {first}; each region, industry and year appears once',
  },
  INDUSTRY_TYPE_CONFLICT: {
    zh: '行业 {industry} 在第 {first} 行的类型为“{type}”；一个行业只能有一种类型',
    en: 'industry {industry} is "{type}" on row {first}; an industry has one type',
  },
  INDUSTRY_TYPE_STORED_CONFLICT: {
    zh: '已存的 {scheme} 数据中行业 {industry} 的类型为 {types}；一个行业只能有一种类型（请修改此文件，或用新类型重新导入其他年份）',
    en: 'stored figures of scheme {scheme} give industry {industry} the type {types}; an industry has one type (fix this file, or re-import the other years with the new type)',
  },
  UNKNOWN_COLUMN: { zh: '未知的列；可用的列：{columns}', en: 'unknown column; use {columns}' },
  NOT_A_PROJECT_ID: { zh: '不是项目编号', en: 'not a project id' },
  NOT_AN_ENTERPRISE_ID: { zh: '不是企业编号', en: 'not an enterprise id' },
  PROJECT_NAME_REQUIRED: { zh: '新项目需要名称', en: 'a new project needs a name' },
  PROJECT_REGION_REQUIRED: {
    zh: '新项目需要落地区域',
    en: 'a new project needs the region it lands in',
  },
  PARK_UNKNOWN: { zh: '没有这个代码的园区', en: 'no park has this code' },
  USER_UNKNOWN: { zh: '没有这个用户名', en: 'no user has this username' },
  PROJECT_ID_UNKNOWN: { zh: '没有编号为 {id} 的项目', en: 'no project has id {id}' },
  ENTERPRISE_REQUIRED: {
    zh: '请填写企业（统一社会信用代码、登记名称或编号）',
    en: 'name the enterprise (USCC, registered name or id)',
  },
  ENTERPRISE_UNKNOWN: {
    zh: '没有这个统一社会信用代码、登记名称或编号的企业',
    en: 'no enterprise has this USCC, registered name or id',
  },
  ENTERPRISE_AMBIGUOUS: {
    zh: '有 {count} 家企业登记为此名称；请改用统一社会信用代码或编号',
    en: '{count} enterprises are registered under this name; use the USCC or the id',
  },
  USERNAME_INVALID: {
    zh: '用户名须为 2–32 位小写字母、数字或 . _ -，以字母或数字开头',
    en: 'use 2–32 lower-case letters, digits, . _ or -, starting with a letter or digit',
  },
  USERNAME_TAKEN: { zh: '已有用户使用此用户名', en: 'a user with this username exists' },
  USERNAME_REPEATED: {
    zh: '与第 {row} 行的用户名重复',
    en: 'the same username as row {row}',
  },
  DISPLAY_NAME_TOO_LONG: {
    zh: '显示名称最多 {max} 个字符',
    en: 'a display name has at most {max} characters',
  },
  PROJECT_STAGE_CHANGED: {
    zh: '阶段与项目当前阶段不同；请用“推进/退回”变更阶段，以便留下记录',
    en: "the stage differs from the project's; move the project so the change is recorded",
  },
  PROJECT_STATUS_READ_ONLY: {
    zh: '状态与项目当前状态（{current}）不同；请在项目页面放弃或恢复项目，以便留下记录',
    en: "the status differs from the project's ({current}); drop or reopen the project on its page so the change is recorded",
  },
  PROJECT_CAPITAL_READ_ONLY: {
    zh: '到资与项目已登记的到资（{current} 万元）不同；请在项目页面逐笔登记到资',
    en: "capital in place differs from the project's recorded {current} (10,000 yuan); record each arrival on the project's page",
  },
  STAGE_UNKNOWN: { zh: '不是项目阶段', en: 'not a stage' },
  SPACE_NEED_FORMAT: {
    zh: '“{part}”不是“空间类型 面积”，请写成如：湿实验室 2000；办公 500',
    en: '"{part}" is not a kind and m²; write e.g. wet_lab 2000; office 500',
  },
  PROJECT_YEAR_RANGE: {
    zh: '年份须在 2000 至 2100 之间',
    en: 'not a year from 2000 to 2100',
  },
  VALUE_INVALID: { zh: '数值无效（{message}）', en: '{message}' },
  PHONE_INVALID: {
    zh: '不是电话号码：应为数字，可含 + - ( ) 与分机号（如 0510-85123456 转 8001）',
    en: 'not a phone number: digits, with + - ( ) and an extension (e.g. 0510-85123456 ext. 8001)',
  },
  LINK_SELF: {
    zh: '企业关系须连接两家不同的企业（{field} 与另一方相同）',
    en: 'a link joins two different enterprises ({field} is the other party too)',
  },
  LINK_MERGED: {
    zh: '企业 {enterprise} 已合并入企业 {keptId}，请改用后者',
    en: 'enterprise {enterprise} was merged into {keptId}; link that one instead',
  },
  LINK_KIND_UNKNOWN: {
    zh: '关系类型应为 供货、服务、控股 或 合作',
    en: 'the kind must be supplies, serves, owns or cooperates',
  },
  SHARE_OUT_OF_RANGE: {
    zh: '采购占比应在 0 到 100 之间（%）',
    en: 'the share must be between 0 and 100 (%)',
  },
  DEADLINE_BEFORE_SET: {
    zh: '办结期限 {date} 早于交办日 {from}',
    en: 'the deadline {date} is before {from}, the day the item is set',
  },
  DATES_REVERSED: {
    zh: '截止日期早于起始日期',
    en: 'the end date is before the start date',
  },
  PROBLEM_COLUMN_MISSING: {
    zh: '缺少“{column}”列',
    en: 'the column {column} is missing',
  },
  PROBLEM_ENTERPRISE_UNKNOWN: {
    zh: '没有这个统一社会信用代码或登记名称的企业',
    en: 'no enterprise has this USCC or registered name',
  },
  PROBLEM_ENTERPRISE_AMBIGUOUS: {
    zh: '有 {count} 家企业叫这个名称，请改用统一社会信用代码',
    en: '{count} enterprises have this name; use the USCC',
  },
  PROBLEM_CATEGORY_UNKNOWN: {
    zh: '不是诉求类别；可用：{categories}',
    en: 'not a problem category; use {categories}',
  },
  PROBLEM_CHANNEL_UNKNOWN: {
    zh: '不是受理渠道；可用：{channels}',
    en: 'not a channel; use {channels}',
  },
  PROBLEM_DEPARTMENT_UNKNOWN: {
    zh: '没有这个名称的在用部门',
    en: 'no active department has this name',
  },
  PROBLEM_CHAIN_UNKNOWN: { zh: '没有这个代码的产业链', en: 'no chain has this code' },
  PROBLEM_CHAIN_REQUIRED: {
    zh: '该企业尚未归入产业链，请填写“产业链”',
    en: 'the enterprise is placed on no chain yet; fill in the chain',
  },
  TEXT_TOO_LONG: { zh: '超过 {max} 个字符', en: 'longer than {max} characters' },
  TEXT_HAS_NUL: { zh: '含有 NUL 字符，请删除', en: 'contains the NUL character; remove it' },
  TEXT_INVISIBLE: {
    zh: '只有空格或不可见字符（零宽字符、方向标记），请填写可读的文字',
    en: 'only spaces or invisible characters (zero-width, direction marks); write readable text',
  },
  TIME_INVALID: {
    zh: '“{value}”中的时间不存在，请写成 HH:MM',
    en: 'no such time of day in "{value}"; use HH:MM',
  },
  RECEIVED_BEFORE_2000: {
    zh: '受理时间早于 2000 年，应是输入错误',
    en: 'a receipt before 2000 is surely a typing error',
  },
  SPACE_UNIT_TOO_SMALL: {
    zh: '单元 {code} 只有 {freeM2} m² 空闲，无法预留 {requestedM2} m²；请换一个单元或减小面积',
    en: 'unit {code} has {freeM2} m² free; {requestedM2} m² cannot be reserved; choose another unit or a smaller area',
  },
  SPACE_PARK_TOO_SMALL: {
    zh: '该园区此类空间只有 {freeM2} m² 空闲，无法预留 {requestedM2} m²；请换一个园区或减小面积',
    en: 'the park has {freeM2} m² of this kind free; {requestedM2} m² cannot be reserved; try another park or a smaller area',
  },
  SPACE_PARK_TOO_SMALL_BY_DATE: {
    zh: '该园区此类空间在 {neededFrom} 前可用的只有 {freeM2} m²，无法预留 {requestedM2} m²；请换一个园区、减小面积或推后用地时间',
    en: 'the park has {freeM2} m² of this kind free by {neededFrom}; {requestedM2} m² cannot be reserved; try another park, a smaller area or a later date',
  },
  SPACE_AREA_BELOW_USE: {
    zh: '单元 {code} 的面积 {areaM2} m² 容不下已占用 {occupiedM2} m² 与预留 {reservedM2} m²：请减少占用、释放预留或加大面积',
    en: 'unit {code}: {areaM2} m² cannot hold {occupiedM2} m² occupied and {reservedM2} m² reserved; lower the occupied area, release reservations or enlarge the unit',
  },
  SPACE_KIND_RESERVED: {
    zh: '单元 {code} 有预留，请先释放再更改类型',
    en: 'unit {code} holds reservations; release them before changing its kind',
  },
  SPACE_RETIRE_RESERVED: {
    zh: '单元 {code} 有项目预留，请先释放预留再停用',
    en: 'unit {code} holds space reserved for projects; release it before retiring the unit',
  },
  LAST_ADMIN: {
    zh: '{username} 是唯一启用的管理员：请先将另一用户设为管理员，再更改其角色或停用',
    en: '{username} is the only enabled administrator; make another user an administrator before changing its role or disabling it',
  },
};

/** `{name}` placeholders filled from `params`; a missing one stays as written. */
export function interpolate(text: string, params: unknown): string {
  const values = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => {
    const value = values[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : all;
  });
}

export function isRowReason(value: unknown): value is RowReason {
  return ROW_REASONS.includes(value as RowReason);
}

/** A refused row's reason in `language`; the stored English when it has no code (older imports). */
export function rowReasonIn(
  row: {
    reason?: string | undefined;
    code?: string | undefined;
    params?: ReasonParams | undefined;
  },
  language: 'zh' | 'en',
): string {
  return isRowReason(row.code)
    ? interpolate(ROW_REASON_MESSAGES[row.code][language], row.params)
    : (row.reason ?? '');
}
