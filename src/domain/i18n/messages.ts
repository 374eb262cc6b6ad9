/**
 * The product's own user-facing messages, Vietnamese first. Pure data plus a formatter so the
 * domain rules can name a message without knowing the request's language.
 */
export const MESSAGES = {
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  targetNeedsChannel: {
    vi: 'Chỉ tiêu nội dung cần ít nhất một kênh.',
    en: 'A content target needs at least one channel.',
  },
  targetNeedsContentType: {
    vi: 'Chỉ tiêu nội dung cần ít nhất một loại nội dung.',
    en: 'A content target needs at least one content type.',
  },
  targetQuantityMin: {
    vi: 'Số lượng phải là số nguyên từ 1 trở lên.',
    en: 'The quantity must be a whole number of at least 1.',
  },
  windowAfterDeadline: {
    vi: 'Ngày bắt đầu tính ({start}) sau hạn hoàn thành của nhiệm vụ ({deadline}).',
    en: 'The window start ({start}) is after the task deadline ({deadline}).',
  },
  windowOutsideYear: {
    vi: 'Ngày bắt đầu tính ({start}) nằm sau năm hoàn thành {year}.',
    en: 'The window start ({start}) is after the completion year {year}.',
  },
  deadlineRequired: {
    vi: 'Nhiệm vụ có hạn hoàn thành cần ngày hạn.',
    en: 'A task with a deadline needs a deadline date.',
  },
  recurrenceRequired: {
    vi: 'Nhiệm vụ thường xuyên cần chu kỳ (tháng, quý hoặc năm).',
    en: 'A recurring task needs a period (month, quarter or year).',
  },
  yearRequired: {
    vi: 'Nhiệm vụ "hoàn thành trong năm" cần năm hợp lệ (2000–2100).',
    en: 'A "complete in year" task needs a valid year (2000–2100).',
  },
  periodOrder: {
    vi: 'Ngày kết thúc ({to}) phải sau hoặc bằng ngày bắt đầu ({from}).',
    en: 'The end date ({to}) must not be before the start date ({from}).',
  },
  invalidDayMonth: {
    vi: 'Ngày {day}/{month} không tồn tại.',
    en: 'Day {day}/{month} does not exist.',
  },
  monthlyDayRange: {
    vi: 'Ngày báo cáo hằng tháng phải từ 1 đến 28 (để có trong mọi tháng).',
    en: 'The monthly report day must be between 1 and 28 (so every month has it).',
  },
  deliverableNeedsDocument: {
    vi: 'Chỉ đánh dấu "đã nộp" khi đã đính kèm tài liệu.',
    en: 'Attach the document before marking the deliverable as submitted.',
  },
  indicatorTargetValue: {
    vi: 'Giá trị mục tiêu của chỉ số phải lớn hơn 0.',
    en: 'The indicator target value must be greater than 0.',
  },
  percentMax: {
    vi: 'Tỷ lệ phần trăm không vượt quá 100.',
    en: 'A percentage cannot exceed 100.',
  },
  progressValueMin: {
    vi: 'Giá trị tiến độ không được âm.',
    en: 'A progress value cannot be negative.',
  },
  progressDateFuture: {
    vi: 'Ngày ghi nhận tiến độ ({date}) không được ở tương lai.',
    en: 'The progress date ({date}) cannot be in the future.',
  },
  invalidUrl: {
    vi: 'Địa chỉ phải là URL http(s) hợp lệ.',
    en: 'The address must be a valid http(s) URL.',
  },
  selfReference: {
    vi: 'Không thể tham chiếu tới chính nó.',
    en: 'A record cannot refer to itself.',
  },
  cycle: {
    vi: 'Liên kết này tạo thành vòng lặp ({path}).',
    en: 'This link would create a cycle ({path}).',
  },
  duplicateTaskCode: {
    vi: 'Kế hoạch này đã có nhiệm vụ mã "{code}".',
    en: 'This plan already has a task with code "{code}".',
  },
  homeChannelRequired: {
    vi: 'Phải luôn có đúng một kênh chính (cổng thông tin của hệ thống). Hãy chọn kênh chính khác trước.',
    en: 'There must always be exactly one home channel. Mark another channel as home first.',
  },
  homeChannelDelete: {
    vi: 'Không thể xóa kênh chính "{name}". Hãy chọn kênh chính khác trước.',
    en: 'The home channel "{name}" cannot be deleted. Mark another channel as home first.',
  },
  duplicatePublicationChannel: {
    vi: 'Kênh này đã được ghi nhận ở dòng {row}; mỗi kênh chỉ ghi một lần.',
    en: 'This channel is already recorded in row {row}; record each channel once.',
  },
  publicationInFuture: {
    vi: 'Ngày đăng ({date}) không được sau hôm nay ({today}).',
    en: 'The publication date ({date}) cannot be after today ({today}).',
  },
  invalidDate: { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' },
  altRequired: {
    vi: 'Cần mô tả ảnh (alt) cho người đọc màn hình.',
    en: 'Alt text is required for screen readers.',
  },
  videoSourceNeedsFile: {
    vi: 'Hãy tải lên tệp video (MP4/WebM) hoặc chọn nguồn "Liên kết ngoài".',
    en: 'Upload a video file (MP4/WebM) or choose the "external link" source.',
  },
  videoSourceNeedsUrl: {
    vi: 'Hãy nhập liên kết YouTube, Facebook hoặc TikTok.',
    en: 'Enter a YouTube, Facebook or TikTok link.',
  },
  durationRange: {
    vi: 'Thời lượng phải là số giây từ 0 đến 86400.',
    en: 'The duration must be a number of seconds between 0 and 86400.',
  },
  queryParamRange: {
    vi: 'Tham số "{param}" phải là số nguyên từ {min} đến {max} (nhận được: {value}).',
    en: 'The parameter "{param}" must be a whole number from {min} to {max} (got: {value}).',
  },
  queryPaginationOff: {
    vi: 'Tham số "pagination=false" không được phép; hãy đọc theo trang (limit tối đa {max}).',
    en: 'The parameter "pagination=false" is not allowed; read page by page (limit at most {max}).',
  },
  queryListTooLong: {
    vi: 'Danh sách "{param}" có {size} giá trị, vượt quá giới hạn {max}.',
    en: 'The list "{param}" has {size} values, more than the limit of {max}.',
  },
  queryTooManyConditions: {
    vi: 'Tham số "where" có quá nhiều điều kiện (tối đa {max}).',
    en: 'The parameter "where" has too many conditions (at most {max}).',
  },
  queryWhereTooDeep: {
    vi: 'Tham số "{param}" lồng quá sâu.',
    en: 'The parameter "{param}" is nested too deeply.',
  },
  queryWhereInvalid: {
    vi: 'Tham số "where" không phải JSON hợp lệ.',
    en: 'The parameter "where" is not valid JSON.',
  },
  requestTooLarge: {
    vi: 'Nội dung yêu cầu ({size}) vượt quá giới hạn {max}.',
    en: 'The request body ({size}) exceeds the {max} limit.',
  },
  graphqlTooManyFields: {
    vi: 'Truy vấn GraphQL có quá nhiều trường ở cấp cao nhất (tối đa {max}); hãy tách thành nhiều yêu cầu.',
    en: 'The GraphQL query has too many top-level fields (at most {max}); split it into several requests.',
  },
  graphqlTooManyAliases: {
    vi: 'Truy vấn GraphQL dùng quá nhiều bí danh (alias, tối đa {max}).',
    en: 'The GraphQL query uses too many aliases (at most {max}).',
  },
  graphqlTooDeep: {
    vi: 'Truy vấn GraphQL lồng quá sâu (tối đa {max} cấp).',
    en: 'The GraphQL query is nested too deeply (at most {max} levels).',
  },
  graphqlTooCostly: {
    vi: 'Truy vấn GraphQL quá nặng (chi phí {cost}, tối đa {max}; mỗi bản ghi theo "limit" đều tính); hãy giảm "limit" hoặc số danh sách.',
    en: 'The GraphQL query is too costly (cost {cost}, at most {max}; every row a "limit" asks for counts); lower "limit" or ask for fewer lists.',
  },
  graphqlTooManyTokens: {
    vi: 'Truy vấn GraphQL quá dài (tối đa {max} token).',
    en: 'The GraphQL query is too long (at most {max} tokens).',
  },
  crossOriginRefused: {
    vi: 'Yêu cầu dùng phiên đăng nhập (cookie) từ một trang khác bị từ chối (kiểm tra Origin).',
    en: 'A request using the sign-in cookie from another site is refused (Origin check).',
  },
  uploadNotAllowed: {
    vi: 'Bạn không có quyền tạo hoặc sửa tài liệu trong bộ sưu tập này; nội dung gửi lên không được đọc.',
    en: 'You are not allowed to create or change documents in this collection; the body was not read.',
  },
  loginFailed: {
    vi: 'Email hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa tạm thời do đăng nhập sai nhiều lần.',
    en: 'The e-mail or password is incorrect, or the account is temporarily locked after too many failed sign-ins.',
  },
  unitNotOwn: {
    vi: 'Bạn chỉ có thể tạo và sửa nội dung của đơn vị mình; không thể chuyển sang đơn vị khác.',
    en: 'You can only create and edit items of your own unit; an item cannot be moved to another unit.',
  },
  dataTooDeep: {
    vi: 'Dữ liệu của trường "{field}" lồng quá sâu (tối đa {max} cấp).',
    en: 'The data of the field "{field}" is nested too deeply (at most {max} levels).',
  },
  databaseUnavailable: {
    vi: 'Cơ sở dữ liệu đang quá tải hoặc tạm thời không kết nối được; vui lòng thử lại sau {seconds} giây.',
    en: 'The database is overloaded or temporarily unreachable; please try again in {seconds} seconds.',
  },
  invalidJsonBody: {
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ (kể cả trường "_payload" của biểu mẫu tải tệp).',
    en: 'The request body is not valid JSON (including the "_payload" field of an upload form).',
  },
  reviewReasonRequired: {
    vi: 'Cần nêu lý do trả lại (trường "reason").',
    en: 'A return needs a reason (field "reason").',
  },
  reviewReasonTooLong: {
    vi: 'Lý do trả lại dài quá {max} ký tự.',
    en: 'The reason is longer than {max} characters.',
  },
  reviewPublishAtInvalid: {
    vi: 'Thời điểm xuất bản ("publishAt") không phải ngày giờ hợp lệ.',
    en: 'The publishing time ("publishAt") is not a valid date and time.',
  },
  reviewPublishAtPast: {
    vi: 'Thời điểm xuất bản ("publishAt") phải ở tương lai; để trống để xuất bản ngay.',
    en: 'The publishing time ("publishAt") must be in the future; leave it out to publish now.',
  },
  reviewNotAllowedFromState: {
    vi: 'Không thể "{action}" khi nội dung đang ở trạng thái "{state}".',
    en: 'Cannot "{action}" an item whose review state is "{state}".',
  },
  reviewNotAuthor: {
    vi: 'Chỉ người có quyền sửa nội dung của đơn vị mới được gửi duyệt hoặc rút lại.',
    en: "Only someone who may edit the item (its unit's producers, managers) may submit or withdraw it.",
  },
  reviewNotReviewer: {
    vi: 'Chỉ lãnh đạo hoặc người duyệt của đơn vị mới được duyệt hoặc trả lại nội dung.',
    en: "Only managers and the unit's reviewers may approve or return an item.",
  },
  reviewOwnItem: {
    vi: 'Không thể tự duyệt nội dung do chính mình gửi duyệt.',
    en: 'You cannot approve an item you submitted yourself.',
  },
  reviewVersionRequired: {
    vi: 'Thiếu phiên bản đã xem (trường "updatedAt"): gửi kèm updatedAt của bản nháp lúc bạn mở nội dung, để chỉ duyệt đúng bản bạn đã xem.',
    en: 'The version you reviewed is missing (field "updatedAt"): send the draft\'s updatedAt as you opened it, so that only what you saw is approved.',
  },
  reviewVersionInvalid: {
    vi: 'Trường "updatedAt" phải là ngày giờ ISO của bản nháp bạn đã xem (ví dụ 2025-08-30T01:00:00.000Z).',
    en: 'The field "updatedAt" must be the ISO date-time of the draft you reviewed (e.g. 2025-08-30T01:00:00.000Z).',
  },
  reviewStale: {
    vi: 'Nội dung đã được sửa sau khi bạn mở (bạn xem bản lưu lúc {seen}, bản mới nhất lưu lúc {current}). Chưa có gì được duyệt hay xuất bản: hãy tải lại trang, xem bản mới nhất rồi duyệt lại.',
    en: 'The item changed after you opened it (you saw the version saved at {seen}; the latest was saved at {current}). Nothing was approved or published: reload, check the latest version and approve again.',
  },
  reviewRequiredToPublish: {
    vi: 'Đơn vị "{unit}" yêu cầu duyệt trước khi xuất bản: hãy gửi duyệt, lãnh đạo hoặc người duyệt sẽ xuất bản.',
    en: 'Unit "{unit}" requires review before publishing: submit the item; a manager or reviewer publishes it.',
  },
  // Issue 20 (black-box findings): unit values, share links, malformed input.
  unitInvalid: {
    vi: 'Đơn vị phải là mã (id) của một đơn vị.',
    en: 'The unit must be the id of one unit.',
  },
  shareLinkPlanFixed: {
    vi: 'Liên kết chia sẻ gắn với kế hoạch đã chọn khi tạo; muốn chia sẻ kế hoạch khác, hãy tạo liên kết mới.',
    en: 'A share link stays bound to the plan it was made for; make a new link to share another plan.',
  },
  shareLinkRevokedFinal: {
    vi: 'Liên kết đã thu hồi không thể dùng lại; hãy tạo liên kết mới.',
    en: 'A revoked link cannot be restored; make a new link.',
  },
  idInvalid: {
    vi: '"{id}" không phải mã (id) của một bản ghi.',
    en: '"{id}" is not a document id.',
  },
  whereOperatorInvalid: {
    vi: 'Không thể dùng toán tử hoặc giá trị này cho trường này ({path}).',
    en: 'This operator or value cannot be used on this field ({path}).',
  },
  dateUnparsable: {
    vi: 'Giá trị này không phải ngày giờ (ISO 8601, ví dụ 2025-08-30T08:00:00+07:00).',
    en: 'This is not a date (ISO 8601, e.g. 2025-08-30T08:00:00+07:00).',
  },
  shareLinkExpiredFinal: {
    vi: 'Liên kết đã hết hạn không thể gia hạn; hãy tạo liên kết mới.',
    en: 'An expired link cannot be extended; make a new link.',
  },
} as const satisfies Record<string, { vi: string; en: string }>

export type MessageKey = keyof typeof MESSAGES
export type Lang = 'vi' | 'en'

/** A message reference: what the domain returns; the boundary turns it into text. */
export interface Problem {
  key: MessageKey
  vars?: Record<string, string | number>
}

export function formatMessage(problem: Problem, lang: string | undefined): string {
  const entry = MESSAGES[problem.key]
  const template = lang === 'en' ? entry.en : entry.vi
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = problem.vars?.[name]
    return v === undefined ? whole : String(v)
  })
}
