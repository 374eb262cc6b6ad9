/**
 * Messages of the plan import (preview problems, commit errors, notes), Vietnamese first. Kept
 * apart from messages.ts because they are many and only the import uses them; same shape and
 * formatter contract.
 */
export const IMPORT_MESSAGES = {
  notObject: { vi: 'phải là một đối tượng JSON.', en: 'must be a JSON object.' },
  notArray: { vi: 'phải là một danh sách.', en: 'must be a list.' },
  required: { vi: 'bắt buộc, không được để trống.', en: 'is required and cannot be empty.' },
  notString: { vi: 'phải là chuỗi ký tự.', en: 'must be a string.' },
  tooLong: { vi: 'dài quá {max} ký tự.', en: 'is longer than {max} characters.' },
  tooMany: { vi: 'có quá {max} mục.', en: 'has more than {max} items.' },
  notDay: {
    vi: 'phải là một ngày có thật, viết YYYY-MM-DD.',
    en: 'must be a real calendar day written YYYY-MM-DD.',
  },
  notInteger: {
    vi: 'phải là số nguyên từ {min} đến {max}.',
    en: 'must be a whole number from {min} to {max}.',
  },
  notPositive: { vi: 'phải là số lớn hơn 0.', en: 'must be a number greater than 0.' },
  percentMax: { vi: 'tỷ lệ phần trăm không vượt quá 100.', en: 'a percentage cannot exceed 100.' },
  oneOf: { vi: 'phải là một trong: {values}.', en: 'must be one of: {values}.' },
  atLeastOne: { vi: 'cần ít nhất một mục.', en: 'needs at least one item.' },
  invalidDayMonth: { vi: 'ngày {day}/{month} không tồn tại.', en: 'day {day}/{month} does not exist.' },
  periodOrder: {
    vi: 'ngày kết thúc ({to}) trước ngày bắt đầu ({from}).',
    en: 'the end ({to}) is before the start ({from}).',
  },
  windowAfterDeadline: {
    vi: 'ngày bắt đầu tính ({start}) sau hạn của nhiệm vụ ({deadline}).',
    en: 'the window start ({start}) is after the task deadline ({deadline}).',
  },
  duplicateTaskCode: {
    vi: 'mã "{code}" trùng với nhiệm vụ thứ {other}; mỗi nhiệm vụ cần một mã riêng.',
    en: 'code "{code}" is also used by task {other}; each task needs its own code.',
  },
  unresolvedUnit: {
    vi: 'đơn vị "{name}" chưa khớp với danh mục đơn vị: chọn một đơn vị có sẵn, hoặc thêm đơn vị vào danh mục rồi phân tích lại.',
    en: 'unit "{name}" matches no unit of the catalog: choose an existing unit, or add it to the catalog and parse again.',
  },
  unresolvedChannel: {
    vi: 'kênh "{name}" chưa khớp với danh mục kênh: chọn một kênh có sẵn, hoặc thêm kênh vào danh mục rồi phân tích lại.',
    en: 'channel "{name}" matches no channel of the catalog: choose an existing channel, or add it to the catalog and parse again.',
  },
  ambiguousName: {
    vi: '"{name}" khớp với nhiều mục ({candidates}): hãy chọn một.',
    en: '"{name}" matches several records ({candidates}): choose one.',
  },
  unresolvedPlan: {
    vi: 'kế hoạch "{name}" không có trong hệ thống.',
    en: 'plan "{name}" is not in the system.',
  },
  unknownId: {
    vi: '{what} có id {id} không tồn tại (hoặc bạn không có quyền xem).',
    en: '{what} with id {id} does not exist (or you may not see it).',
  },
  // Reading the plan document (preview requests).
  badJson: { vi: 'dữ liệu gửi lên không phải JSON hợp lệ.', en: 'the body is not valid JSON.' },
  contentType: {
    vi: 'hãy gửi JSON { "text": … } hoặc multipart/form-data có tệp (file).',
    en: 'send JSON { "text": … } or multipart/form-data with a file.',
  },
  noInput: {
    vi: 'hãy dán văn bản kế hoạch (text) hoặc tải lên một tệp (file).',
    en: 'paste the plan text (text) or upload a file (file).',
  },
  textEmpty: { vi: 'văn bản kế hoạch trống.', en: 'the plan text is empty.' },
  fileType: {
    vi: 'chỉ nhận tệp .txt hoặc .docx (đã gửi "{name}").',
    en: 'only .txt and .docx files are accepted (got "{name}").',
  },
  fileTooLarge: { vi: 'tệp lớn quá {mb} MB.', en: 'the file is larger than {mb} MB.' },
  docxInvalid: { vi: 'tệp không phải tài liệu Word .docx.', en: 'the file is not a Word .docx document.' },
  docxUnreadable: { vi: 'không đọc được tệp .docx ({detail}).', en: 'the .docx file cannot be read ({detail}).' },
  docxXmlTooLarge: {
    vi: 'tài liệu .docx khi giải nén có {size} XML, vượt giới hạn {max}.',
    en: 'the .docx unpacks to {size} of XML, more than the {max} limit.',
  },
  docxTooLarge: {
    vi: 'tài liệu .docx khi giải nén có {size}, vượt giới hạn {max}.',
    en: 'the .docx unpacks to {size}, more than the {max} limit.',
  },
  docxTooManyEntries: {
    vi: 'tệp .docx có quá {max} phần.',
    en: 'the .docx has more than {max} parts.',
  },
  docxSizeMismatch: {
    vi: 'tệp .docx khai sai kích thước phần "{name}" (giải nén lớn hơn khai báo).',
    en: 'the .docx misstates the size of its part "{name}" (it unpacks larger than declared).',
  },
  txtEncoding: { vi: 'tệp .txt phải được mã hóa UTF-8.', en: 'the .txt file must be UTF-8 encoded.' },
  txtBinary: { vi: 'tệp .txt chứa dữ liệu nhị phân.', en: 'the .txt file contains binary data.' },
  // Notes: what the reviewer should know; they never block the import.
  noteParser: { vi: '{label}: {source}', en: '{message}' },
  noteObjective: {
    vi: 'Mục tiêu cấp kế hoạch (không nhập thành nhiệm vụ; ghi vào nhiệm vụ nếu cần theo dõi): {text}',
    en: 'Plan-level objective (not imported as a task; add it to a task to track it): {text}',
  },
  noteTheme: {
    vi: 'Nội dung tuyên truyền (định hướng, không phải nhiệm vụ; không nhập): {text}',
    en: 'Content theme (guidance, not a task; not imported): {text}',
  },
  noteImplementsUnknown: {
    vi: 'Kế hoạch cấp trên {code} chưa có trong hệ thống: ghi là văn bản căn cứ.',
    en: 'Parent plan {code} is not in the system: recorded as a basis document.',
  },
  notePeriodTarget: {
    vi: 'Chỉ tiêu "{source}" tính theo {period} nhưng nhiệm vụ có hạn cố định: số lượng được tính trên cả thời hạn; đổi nhiệm vụ sang "thường xuyên" nếu cần tính theo kỳ.',
    en: 'Target "{source}" is per {period} but the task has a fixed deadline: the quantity counts over the whole window; make the task recurring to count per period.',
  },
} as const satisfies Record<string, { vi: string; en: string }>

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES

/** A message reference: the domain returns these, the boundary formats them in the user's language. */
export interface ImportMessage {
  key: ImportMessageKey
  vars?: Record<string, string | number>
}

export function formatImportMessage(message: ImportMessage, lang: string | undefined): string {
  const entry = IMPORT_MESSAGES[message.key]
  const template = lang === 'en' ? entry.en : entry.vi
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = message.vars?.[name]
    return v === undefined ? whole : String(v)
  })
}

/** Vietnamese names of the parser's warning kinds, shown before the parser's own (English) detail. */
export const PARSER_WARNING_VI: Record<string, string> = {
  blankNumber: 'Văn bản chưa có số',
  noTitle: 'Không tìm thấy tên kế hoạch',
  noTasks: 'Không tìm thấy nhiệm vụ',
  textEndsEarly: 'Văn bản có thể bị cắt cụt',
  announcedCountMismatch: 'Số mục không khớp với số đã nêu',
  rowWithoutNumber: 'Dòng bảng không có STT (đã tự đánh số)',
  rowShape: 'Dòng bảng không đúng số cột',
  unknownTimeframe: 'Không hiểu thời gian thực hiện',
  invalidDate: 'Ngày không tồn tại',
  dateWithoutYear: 'Ngày không có năm',
  unknownChannel: 'Kênh chưa có trong danh mục',
  unknownUnit: 'Đơn vị chưa có trong danh mục',
  internalError: 'Lỗi bộ phân tích',
}
