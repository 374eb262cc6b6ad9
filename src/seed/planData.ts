import type { ChannelGroup, ChannelKind, Role } from '../domain/slugs'

/**
 * Reference data for the quick start: the Ministry of Science and Technology's communication
 * plan implementing 02-KH/BCĐTW (2025), its units and channels. Written for this product in the
 * shape of the real document (appendix: 5 content tasks of 20 articles each, 7 report tasks).
 */

export interface UnitSeed {
  key: string
  name: string
  shortName?: string
  kind: 'ministry' | 'department' | 'center' | 'press' | 'province' | 'other'
  parent?: string
  /** Letterhead of the unit's documents (the report document's header). */
  letterhead?: { code: string; place: string }
}

export const UNITS: UnitSeed[] = [
  { key: 'bo', name: 'Bộ Khoa học và Công nghệ', shortName: 'Bộ KH&CN', kind: 'ministry' },
  {
    key: 'tttt',
    name: 'Trung tâm Truyền thông Khoa học và Công nghệ',
    shortName: 'TTTT KH&CN',
    kind: 'center',
    parent: 'bo',
    letterhead: { code: 'TTTT', place: 'Hà Nội' },
  },
  { key: 'vp', name: 'Văn phòng Bộ', kind: 'department', parent: 'bo' },
  { key: 'phapche', name: 'Vụ Pháp chế', kind: 'department', parent: 'bo' },
  { key: 'tccb', name: 'Vụ Tổ chức cán bộ', kind: 'department', parent: 'bo' },
  { key: 'cds', name: 'Cục Chuyển đổi số quốc gia', kind: 'department', parent: 'bo' },
  { key: 'shtt', name: 'Cục Sở hữu trí tuệ', kind: 'department', parent: 'bo' },
  { key: 'tcdlcl', name: 'Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia', kind: 'department', parent: 'bo' },
  {
    key: 'so',
    name: 'Sở Khoa học và Công nghệ các tỉnh, thành phố',
    shortName: 'Sở KH&CN',
    kind: 'province',
    parent: 'bo',
  },
  { key: 'vnexpress', name: 'Báo điện tử VnExpress', shortName: 'VnExpress', kind: 'press' },
  {
    key: 'tapchi',
    name: 'Tạp chí Khoa học và Công nghệ Việt Nam',
    shortName: 'Tạp chí KH&CN VN',
    kind: 'press',
    parent: 'bo',
  },
  { key: 'baochihoptac', name: 'Các cơ quan báo chí hợp tác', kind: 'press' },
]

export interface ChannelSeed {
  key: string
  name: string
  kind: ChannelKind
  platform?: 'facebook' | 'youtube' | 'tiktok' | 'zalo' | 'other'
  group: ChannelGroup
  url?: string
  unit?: string
  isHome?: boolean
}

export const CHANNELS: ChannelSeed[] = [
  {
    key: 'portal',
    name: 'Cổng TTĐT Bộ KH&CN',
    kind: 'portal',
    group: 'digital-social',
    url: 'https://mst.gov.vn',
    unit: 'tttt',
    isHome: true,
  },
  {
    key: 'social',
    name: 'Mạng xã hội Bộ KH&CN',
    kind: 'social',
    platform: 'facebook',
    group: 'digital-social',
    url: 'https://www.facebook.com/bokhoahocvacongnghe',
    unit: 'tttt',
  },
  {
    key: 'vnexpress',
    name: 'Báo điện tử VnExpress',
    kind: 'enewspaper',
    group: 'epress-magazines',
    url: 'https://vnexpress.net',
    unit: 'vnexpress',
  },
  {
    key: 'tapchi',
    name: 'Tạp chí Khoa học và Công nghệ Việt Nam',
    kind: 'magazine',
    group: 'epress-magazines',
    url: 'https://vjst.vn',
    unit: 'tapchi',
  },
  { key: 'hoptac', name: 'Các cơ quan báo chí hợp tác', kind: 'other', group: 'central-press', unit: 'baochihoptac' },
  {
    key: 'youtube',
    name: 'YouTube Bộ KH&CN',
    kind: 'social',
    platform: 'youtube',
    group: 'digital-social',
    unit: 'tttt',
  },
  { key: 'zalo', name: 'Zalo OA Bộ KH&CN', kind: 'social', platform: 'zalo', group: 'digital-social', unit: 'tttt' },
  { key: 'baodiaphuong', name: 'Báo chí địa phương', kind: 'print', group: 'local-press' },
]

/** The five channels every content task of the plan names, in the document's order. */
const CONTENT_CHANNELS = ['portal', 'social', 'vnexpress', 'tapchi', 'hoptac']
const CONTENT_LEADS = ['tttt', 'vnexpress', 'tapchi', 'baochihoptac']
const CONTENT_RESULT =
  '20 tin bài trên Cổng TTĐT, Mạng xã hội Bộ KH&CN; Báo điện tử VnExpress; Tạp chí KH&CN Việt Nam; các cơ quan báo chí hợp tác'

export interface TaskSeed {
  code: string
  title: string
  content: string
  leads: string[]
  deadline: string
  expectedResult: string
  target:
    | {
        kind: 'content'
        quantity: number
        contentTypes: Array<'articles' | 'infographics' | 'videos'>
        channels: string[]
        mode: 'pooled' | 'perChannel'
      }
    | { kind: 'deliverable'; label: string }
}

const contentTask = (code: string, title: string, content: string, deadline: string): TaskSeed => ({
  code,
  title,
  content,
  leads: CONTENT_LEADS,
  deadline,
  expectedResult: CONTENT_RESULT,
  target: { kind: 'content', quantity: 20, contentTypes: ['articles'], channels: CONTENT_CHANNELS, mode: 'pooled' },
})

const reportTask = (code: string, title: string, content: string, leads: string[]): TaskSeed => ({
  code,
  title,
  content,
  leads,
  deadline: '2025-12-31',
  expectedResult: 'Báo cáo thực hiện nhiệm vụ',
  target: { kind: 'deliverable', label: 'Báo cáo thực hiện nhiệm vụ' },
})

export const PARENT_PLAN = {
  code: '02-KH/BCĐTW',
  title:
    'Kế hoạch thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị',
  issuer: 'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  issueDate: '2025-06-19',
}

export const PLAN = {
  code: 'KHTT-02/BKHCN-2025',
  title:
    'Kế hoạch truyền thông thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị',
  issuer: 'Bộ Khoa học và Công nghệ',
  // The decision is undated in the source; the plan runs for the rest of 2025.
  period: { from: '2025-07-01', to: '2025-12-31' },
  monthlyDay: 20,
  /** The report document: issued by the communication centre, signed by its deputy director. */
  reportDocument: {
    issuingUnit: 'tttt',
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: 'Nguyễn Văn A',
    recipients: 'Lãnh đạo Bộ (để báo cáo);\nVăn phòng Bộ;\nLưu: VT, TTTT.',
  },
  basisDocuments: [
    {
      code: '55/2025/NĐ-CP',
      date: '2025-03-02',
      title: 'Nghị định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Khoa học và Công nghệ',
    },
    {
      code: '1433/QĐ-BKHCN',
      date: '2025-06-23',
      title: 'Quyết định ban hành Kế hoạch hành động của Bộ Khoa học và Công nghệ thực hiện Kế hoạch số 02-KH/BCĐTW',
    },
  ],
  tasks: [
    contentTask(
      '1',
      'Truyền thông kết quả kết nối các hệ thống thủ tục hành chính với Cổng Dịch vụ công quốc gia',
      '- Truyền thông về kết quả đồng bộ, kết nối các hệ thống giải quyết thủ tục hành chính cấp bộ, cấp tỉnh với Cổng Dịch vụ công quốc gia.\n- Truyền thông về lợi ích người dân và doanh nghiệp khi sử dụng Cổng DVCQG và ứng dụng VNeID – điểm truy cập duy nhất tới toàn bộ hệ thống hành chính.',
      '2025-08-30',
    ),
    contentTask(
      '2',
      'Truyền thông mô hình "Một hệ thống thống nhất – Một dữ liệu duy nhất – Một dịch vụ liền mạch"',
      '- Truyền thông về mô hình “Một hệ thống thống nhất – Một dữ liệu duy nhất – Một dịch vụ liền mạch”.\n- Truyền thông về hoạt động nâng cấp, chuẩn hóa hệ thống thông tin phục vụ điều hành của chính quyền địa phương hai cấp.\n- Truyền thông về các điển hình triển khai Trung tâm điều hành thông minh (IOC) tại các địa phương.',
      '2025-09-30',
    ),
    contentTask(
      '3',
      'Truyền thông nâng cấp Mạng truyền số liệu chuyên dùng và xóa điểm lõm sóng',
      '- Truyền thông về việc nâng cấp, mở rộng Mạng truyền số liệu chuyên dùng tập trung từ TW đến cơ sở.\n- Truyền thông về tình hình xóa điểm lõm sóng, thiếu điện tại thôn, bản để người dân tiếp cận chuyển đổi số.',
      '2025-10-30',
    ),
    contentTask(
      '4',
      'Truyền thông tập huấn chuyển đổi số, Tổ công nghệ số cộng đồng và Khung kiến trúc quốc gia số',
      '- Truyền thông hoạt động tập huấn, bồi dưỡng về chuyển đổi số cho các nhóm: lãnh đạo, chuyên trách, cán bộ nghiệp vụ.\n- Giới thiệu mô hình “Tổ công nghệ số cộng đồng”, “Đội phản ứng nhanh” tại địa phương.\n- Truyền thông về Khung kiến trúc quốc gia số và vai trò của Bộ KH&CN.',
      '2025-11-30',
    ),
    contentTask(
      '5',
      'Tổng kết thực hiện Kế hoạch số 02 năm 2025',
      '- Tổng kết thực hiện Kế hoạch số 02 trong năm 2025 từ Trung ương đến địa phương.\n- Đánh giá tác động của Kế hoạch 02 đến người dân và doanh nghiệp.\n- Vai trò, kết quả của Bộ KH&CN trong triển khai Kế hoạch số 02.',
      '2025-12-31',
    ),
    reportTask(
      '6',
      'Tổng hợp thông tin chỉ đạo điều hành của Lãnh đạo Bộ',
      'Đầu mối tổng hợp thông tin về chủ trương, định hướng, hoạt động chỉ đạo điều hành của Lãnh đạo Bộ; chủ trì xây dựng kế hoạch tuyên truyền các hoạt động, sự kiện lớn của ngành Khoa học và Công nghệ.',
      ['vp', 'tttt'],
    ),
    reportTask(
      '7',
      'Cung cấp thông tin cơ sở pháp lý về phân cấp, phân quyền',
      'Cung cấp thông tin về cơ sở pháp lý và các văn bản quy phạm pháp luật liên quan đến phân cấp, phân quyền và mô hình chính quyền địa phương hai cấp.',
      ['phapche'],
    ),
    reportTask(
      '8',
      'Cung cấp thông tin về sắp xếp tổ chức bộ máy',
      'Cung cấp thông tin liên quan đến việc sắp xếp tổ chức bộ máy, điều chuyển nhân sự và mô hình tổ chức mới sau sáp nhập.',
      ['tccb'],
    ),
    reportTask(
      '9',
      'Cung cấp thông tin về nền tảng số phục vụ điều hành',
      'Cung cấp thông tin về tiến độ xây dựng và vận hành các nền tảng số phục vụ điều hành, quản lý trong toàn hệ thống chính trị.',
      ['cds'],
    ),
    reportTask(
      '10',
      'Cung cấp thông tin hướng dẫn chuyên môn (Cục Sở hữu trí tuệ)',
      'Cung cấp thông tin về quá trình chuẩn bị, hướng dẫn chuyên môn, tổ chức tập huấn và hỗ trợ các địa phương tiếp nhận, thực hiện nhiệm vụ mới.',
      ['shtt'],
    ),
    reportTask(
      '11',
      'Cung cấp thông tin hướng dẫn chuyên môn (Ủy ban TCĐLCL Quốc gia)',
      'Cung cấp thông tin về quá trình chuẩn bị, hướng dẫn chuyên môn, tổ chức tập huấn và hỗ trợ các địa phương trong việc tiếp nhận, thực hiện nhiệm vụ mới.',
      ['tcdlcl'],
    ),
    reportTask(
      '12',
      'Cung cấp thông tin, mô hình điển hình tại địa phương',
      'Cung cấp thông tin, kết quả triển khai thực tiễn, mô hình điển hình và cách làm hiệu quả tại địa phương để phối hợp truyền thông với Bộ.',
      ['so'],
    ),
  ] satisfies TaskSeed[],
}

export interface UserSeed {
  email: string
  name: string
  role: Role
  unit: string
}

/** Demo accounts: documented in the README as demo-only; never created on an external DB unasked. */
export const DEMO_PASSWORD = 'demo-Password-2025'
export const DEMO_USERS: UserSeed[] = [
  { email: 'admin@demo.gov.vn', name: 'Quản trị Demo', role: 'admin', unit: 'tttt' },
  { email: 'manager@demo.gov.vn', name: 'Lãnh đạo Demo', role: 'manager', unit: 'tttt' },
  { email: 'editor@demo.gov.vn', name: 'Biên tập viên Demo', role: 'editor', unit: 'tttt' },
  { email: 'multimedia@demo.gov.vn', name: 'Đa phương tiện Demo', role: 'multimedia', unit: 'tttt' },
]

/**
 * The day the demo was written for: every date here (plan period, deadlines, publications, the
 * submitted report) reads as of 24/9/2025. The seed moves them all by the days from this anchor
 * to the day it runs (src/seed/demoDates.ts), so the demo plan is always running, not overdue.
 */
export const DEMO_ANCHOR = '2025-09-24'

/** Demo content: published and draft items across the content tasks and channels. */
export interface DemoItemSeed {
  collection: 'articles' | 'infographics' | 'videos'
  slug: string
  title: string
  summary?: string
  task: string
  status: 'published' | 'draft'
  /** Channel key → day published there (as of DEMO_ANCHOR: inside the tasks' windows). */
  publications: Array<{ channel: string; day: string; url?: string }>
  externalUrl?: string
}

export const DEMO_ITEMS: DemoItemSeed[] = [
  {
    collection: 'articles',
    slug: 'ket-noi-cong-dich-vu-cong-quoc-gia',
    title: 'Kết nối các hệ thống thủ tục hành chính với Cổng Dịch vụ công quốc gia',
    summary: 'Các bộ, tỉnh hoàn thành đồng bộ hồ sơ thủ tục hành chính với Cổng DVCQG.',
    task: '1',
    status: 'published',
    publications: [
      { channel: 'portal', day: '2025-08-04' },
      { channel: 'vnexpress', day: '2025-08-05', url: 'https://vnexpress.net/ket-noi-cong-dich-vu-cong-quoc-gia-demo' },
      { channel: 'social', day: '2025-08-05', url: 'https://www.facebook.com/bokhoahocvacongnghe/posts/1001' },
    ],
  },
  {
    collection: 'articles',
    slug: 'vneid-diem-truy-cap-duy-nhat',
    title: 'VNeID – điểm truy cập duy nhất tới toàn bộ hệ thống hành chính',
    summary: 'Người dân và doanh nghiệp hưởng lợi khi dùng Cổng DVCQG và VNeID.',
    task: '1',
    status: 'published',
    publications: [
      { channel: 'portal', day: '2025-08-18' },
      { channel: 'tapchi', day: '2025-08-25', url: 'https://vjst.vn/vneid-diem-truy-cap-duy-nhat-demo' },
    ],
  },
  {
    collection: 'articles',
    slug: 'mot-he-thong-mot-du-lieu-mot-dich-vu',
    title: 'Một hệ thống thống nhất – Một dữ liệu duy nhất – Một dịch vụ liền mạch',
    task: '2',
    status: 'published',
    publications: [
      { channel: 'portal', day: '2025-09-10' },
      { channel: 'hoptac', day: '2025-09-12', url: 'https://baochinhphu.vn/mot-he-thong-demo' },
    ],
  },
  {
    collection: 'articles',
    slug: 'trung-tam-dieu-hanh-thong-minh-ioc',
    title: 'Trung tâm điều hành thông minh (IOC): điển hình ở các địa phương',
    task: '2',
    status: 'published',
    publications: [{ channel: 'portal', day: '2025-09-22' }],
  },
  {
    collection: 'articles',
    slug: 'xoa-diem-lom-song',
    title: 'Xóa điểm lõm sóng để người dân vùng cao tiếp cận chuyển đổi số',
    task: '3',
    status: 'draft',
    publications: [],
  },
  {
    collection: 'articles',
    slug: 'to-cong-nghe-so-cong-dong',
    title: 'Tổ công nghệ số cộng đồng hỗ trợ người dân tại cơ sở',
    task: '4',
    status: 'draft',
    publications: [],
  },
  {
    collection: 'infographics',
    slug: 'so-lieu-dich-vu-cong-truc-tuyen-2025',
    title: 'Số liệu dịch vụ công trực tuyến 2025',
    task: '1',
    status: 'published',
    publications: [
      { channel: 'portal', day: '2025-08-20' },
      { channel: 'social', day: '2025-08-20', url: 'https://www.facebook.com/bokhoahocvacongnghe/posts/1002' },
    ],
  },
  {
    collection: 'infographics',
    slug: 'mang-truyen-so-lieu-chuyen-dung',
    title: 'Mạng truyền số liệu chuyên dùng từ Trung ương đến cơ sở',
    task: '3',
    status: 'draft',
    publications: [],
  },
  {
    collection: 'videos',
    slug: 'video-chinh-quyen-so-hai-cap',
    title: 'Chính quyền số hai cấp vận hành đồng bộ',
    task: '2',
    status: 'published',
    externalUrl: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
    publications: [
      { channel: 'youtube', day: '2025-09-15', url: 'https://www.youtube.com/watch?v=M7lc1UVf-VE' },
      { channel: 'portal', day: '2025-09-16' },
    ],
  },
  {
    collection: 'videos',
    slug: 'video-tap-huan-chuyen-doi-so',
    title: 'Tập huấn chuyển đổi số cho cán bộ cơ sở',
    task: '4',
    status: 'draft',
    externalUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
    publications: [],
  },
]

/** Provinces and cities (as merged on 1/7/2025) the pace articles report from: name, slug part. */
const PLACES: Array<[string, string]> = [
  ['Lào Cai', 'lao-cai'],
  ['Điện Biên', 'dien-bien'],
  ['Lai Châu', 'lai-chau'],
  ['Sơn La', 'son-la'],
  ['Cao Bằng', 'cao-bang'],
  ['Tuyên Quang', 'tuyen-quang'],
  ['Lạng Sơn', 'lang-son'],
  ['Thái Nguyên', 'thai-nguyen'],
  ['Phú Thọ', 'phu-tho'],
  ['Thanh Hóa', 'thanh-hoa'],
  ['Nghệ An', 'nghe-an'],
  ['Hà Tĩnh', 'ha-tinh'],
  ['Quảng Trị', 'quang-tri'],
  ['Quảng Ngãi', 'quang-ngai'],
  ['Gia Lai', 'gia-lai'],
  ['Đắk Lắk', 'dak-lak'],
  ['Lâm Đồng', 'lam-dong'],
  ['Khánh Hòa', 'khanh-hoa'],
  ['Cà Mau', 'ca-mau'],
  ['An Giang', 'an-giang'],
  ['Đồng Tháp', 'dong-thap'],
  ['Vĩnh Long', 'vinh-long'],
  ['Tây Ninh', 'tay-ninh'],
  ['Ninh Bình', 'ninh-binh'],
]

const paceArticle = (task: string, slug: string, title: string, day: string, index: number): DemoItemSeed => ({
  collection: 'articles',
  slug,
  title,
  task,
  status: 'published',
  publications: [
    { channel: 'portal', day },
    // Every other one shared on the ministry's page too, so the heat map has more than one column.
    ...(index % 2 === 0
      ? [{ channel: 'social', day, url: `https://www.facebook.com/bokhoahocvacongnghe/posts/${2000 + index}` }]
      : []),
  ],
})

/** Publication days in July and September (none in August: the tests' August views stay as they were). */
const TASK_3_DAYS = [
  '2025-07-04',
  '2025-07-09',
  '2025-07-14',
  '2025-07-18',
  '2025-07-23',
  '2025-07-28',
  '2025-07-31',
  '2025-09-03',
  '2025-09-05',
  '2025-09-09',
  '2025-09-11',
  '2025-09-15',
  '2025-09-17',
  '2025-09-19',
  '2025-09-23',
]
const TASK_4_DAYS = [
  '2025-07-10',
  '2025-07-17',
  '2025-07-24',
  '2025-07-30',
  '2025-09-04',
  '2025-09-10',
  '2025-09-16',
  '2025-09-18',
  '2025-09-22',
]

/**
 * Published articles that give the demo a pace to read: as of DEMO_ANCHOR (windows from the
 * plan's 1/7), task 3 has 15 of the 14.1 expected (on track), task 4 has 9 of 11.2 (at risk,
 * ≥ 70 %); tasks 2 (2 of 18.7) and 5 (0 of 9.4) are behind and task 1 is past its deadline.
 */
export const DEMO_PACE_ITEMS: DemoItemSeed[] = [
  ...TASK_3_DAYS.map((day, i) => {
    const [place, slug] = PLACES[i]!
    return i % 2 === 0
      ? paceArticle('3', `diem-lom-song-${slug}`, `Xóa điểm lõm sóng ở thôn, bản của ${place}`, day, i)
      : paceArticle('3', `mang-chuyen-dung-${slug}`, `Mạng truyền số liệu chuyên dùng đến cấp xã ở ${place}`, day, i)
  }),
  ...TASK_4_DAYS.map((day, i) => {
    const [place, slug] = PLACES[TASK_3_DAYS.length + i]!
    return i % 2 === 0
      ? paceArticle(
          '4',
          `tap-huan-chuyen-doi-so-${slug}`,
          `Tập huấn chuyển đổi số cho cán bộ cấp xã ở ${place}`,
          day,
          i,
        )
      : paceArticle('4', `to-cong-nghe-so-${slug}`, `Tổ công nghệ số cộng đồng ở ${place} hỗ trợ người dân`, day, i)
  }),
]

/** A report task the demo shows as handed in: its report attached (a small .docx) and submitted. */
export const DEMO_SUBMITTED_REPORT = {
  task: '7',
  title: 'Báo cáo cơ sở pháp lý về phân cấp, phân quyền (Vụ Pháp chế)',
  filename: 'bao-cao-phan-cap-phan-quyen.docx',
  submittedOn: '2025-09-15',
}
