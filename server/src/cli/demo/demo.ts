import { randomInt } from 'node:crypto';
import { seededRandom, surveySubmissionId, type Actor, type Audience, type PushRow, type Role } from '@kumiai/shared';
import { importAudit } from '../../features/roster/roster-routes.ts';
import type { Services } from '../../services.ts';
import { Reader } from '../../sync/reader.ts';
import { DEMO_MEMBER_COUNT, DEMO_UNION_NAME, DEMO_UNITS, DEMO_WORKPLACES, GIVEN_NAMES, SURNAMES } from './demo-data.ts';
import { DemoRepo } from './demo-repo.ts';
import { textPdf } from '../../lib/text-pdf.ts';

/**
 * `pnpm kumiai demo`: a realistic union in a fresh database, made through the
 * services the routes use (imports, roles, activation, notices, uploads, forms,
 * sync writes, application actions), so every invariant, audit row and sync
 * sequence is as if people had done it. Deterministic: names, units and who
 * read or answered what come from a seeded generator; only the passwords are random.
 */

export interface DemoLogin {
  employeeNumber: string;
  name: string;
  password: string;
}

export interface DemoResult {
  unionName: string;
  officer: DemoLogin;
  member: DemoLogin & { pin: string };
  /** The first admin, when the demo set the union up itself (on a database that was not set up). */
  admin: DemoLogin | null;
  counts: { members: number; activated: number; notices: number; reads: number; surveyAnswers: number; applications: Record<string, number> };
}

export class DemoRefused extends Error {}

const VIA = 'demo';
const DAY = 24 * 3600 * 1000;
const everyone: Audience = { all: true, units: [], roles: [], members: [] };

/** A password to type from the screen: 14 characters without look-alikes (never from the seeded generator). */
function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return `demo-${Array.from({ length: 14 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

const employeeNumber = (i: number) => `1${String(i + 1).padStart(5, '0')}`;

/** Members 1–10 are officers; 11 is the member whose sign-in is printed. */
const OFFICER_ROLES: [index: number, role: Role, unitCode: string | null, homeCode: string][] = [
  [0, 'officer', null, 'TKY-HQ'], // 委員長: the whole union
  [1, 'treasurer', null, 'TKY-HQ'], // 会計
  [2, 'officer', 'TKY', 'TKY-HQ'], // 東京支部 (printed: approves step 2 of Tokyo's applications)
  [3, 'officer', 'OSK', 'OSK-UMD'],
  [4, 'officer', 'NGY', 'NGY-MEI'],
  ...DEMO_WORKPLACES.map((code, i): [number, Role, string, string] => [5 + i, 'officer', code, code]), // 職場委員
];
const PRINTED_OFFICER = 2;
const PRINTED_MEMBER = 10;

export async function runDemo(services: Services, options: { seed?: number } = {}): Promise<DemoResult> {
  const repo = new DemoRepo(services.db);
  const found = repo.realData();
  const extra = Object.entries(found).filter(([, n]) => n > 0);
  if (extra.length > 0) {
    throw new DemoRefused(`This database already holds data (${extra.map(([k, n]) => `${n} ${k}`).join(', ')} beyond what setup creates); the demo only fills a fresh one. Nothing was changed.`);
  }
  const random = seededRandom(options.seed ?? 20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = services.clock.now();

  let admin: DemoLogin | null = null;
  if (!repo.isSetUp()) {
    admin = { employeeNumber: '900001', name: '管理 一郎', password: newPassword() };
    await services.setup.completeWithoutToken({ unionName: DEMO_UNION_NAME, employeeNumber: admin.employeeNumber, name: admin.name, password: admin.password });
  }

  // The unit tree and the roster, through the importers (as an IT lead would from Excel).
  const csv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
  services.roster.unitsApply(csv([['コード', '名称', '親コード', '種別'], ...DEMO_UNITS.map((u) => [...u])]), { actorId: VIA }, (write) => services.mutate(null, importAudit('units.imported', { via: VIA }), write));
  const people = Array.from({ length: DEMO_MEMBER_COUNT }, (_, i) => {
    const [surname, surnameKana] = pick(SURNAMES);
    const [given, givenKana] = pick(GIVEN_NAMES);
    const officer = OFFICER_ROLES.find(([index]) => index === i);
    return { employeeNumber: employeeNumber(i), name: `${surname} ${given}`, kana: `${surnameKana} ${givenKana}`, unit: officer ? officer[3] : i === PRINTED_MEMBER ? 'TKY-HQ' : pick(DEMO_WORKPLACES), status: i >= DEMO_MEMBER_COUNT - 2 ? '休職' : '在籍' };
  });
  const roster = [['社員番号', '氏名', 'フリガナ', '所属', '状態', '加入日'], ...people.map((p, i) => [p.employeeNumber, p.name, p.kana, p.unit, p.status, `20${String(10 + (i % 15)).padStart(2, '0')}/04/01`])];
  services.roster.apply(csv(roster), { actorId: VIA }, (write) => services.mutate(null, importAudit('members.imported', { via: VIA }), write));
  const ids = people.map((p) => repo.memberIdByEmployeeNumber(p.employeeNumber));
  const root = repo.rootUnitId();
  for (const [index, role, unitCode] of OFFICER_ROLES) services.members.grantRole(null, { memberId: ids[index]!, unitId: unitCode ? repo.unitIdByCode(unitCode) : root, role });

  // Login cards for everyone at work; the printed officer and member have used theirs. Everyone else's
  // card waits to be printed (the officer sees who has not signed up): activating 50 members would
  // cost 50 scrypt hashes (seconds each on a small machine) and no one would know their passwords.
  const cards = services.members.issueCodes(null, ids.slice(0, DEMO_MEMBER_COUNT - 2));
  const officer: DemoLogin = { ...people[PRINTED_OFFICER]!, password: newPassword() };
  const member = { ...people[PRINTED_MEMBER]!, password: newPassword(), pin: '2580' };
  // scrypt runs on libuv's thread pool: the two run in parallel.
  await Promise.all([
    services.auth.activate(cards[PRINTED_OFFICER]!.code, officer.password, undefined, VIA),
    services.auth.activate(cards[PRINTED_MEMBER]!.code, member.password, member.pin, VIA),
  ]);
  const actor = (i: number): Actor => services.actors.load(ids[i]!)!;
  // Who reads and answers: everyone at work (those on leave do not).
  const readers = people.map((_, i) => i).filter((i) => i < DEMO_MEMBER_COUNT - 2);

  // Notices, one with a PDF, by the union's officer and by a branch.
  const chair = actor(0);
  const pdf = services.uploads.store(chair, '2026年末一時金要求書.pdf', textPdf('2026年末一時金要求書', [{ text: '2026年末一時金要求書', heading: true }, { text: 'さくら運輸労働組合(デモ)執行委員会' }, { text: '要求額: 基本給の2.5か月分。回答指定日: 12月5日。' }, { text: 'この PDF は pnpm kumiai demo が作りました。 / This PDF is generated by pnpm kumiai demo.' }]));
  const noticeInputs: [author: number, input: Parameters<Services['notices']['create']>[1]][] = [
    [0, { title: '2026年末一時金の要求を提出しました', body: '執行委員会は本日、会社に年末一時金の要求書を提出しました。\n\n- 要求額: 基本給の2.5か月分\n- 回答指定日: 12月5日\n\n要求書(PDF)を添付します。職場での話し合いにお役立てください。', pinned: true, audience: everyone, attachments: [pdf] }],
    [0, { title: '組合ニュース 第42号', body: '今月の執行委員会の報告、春の交流会の写真、組合員の声をお届けします。', audience: everyone }],
    [2, { title: '東京支部 職場集会のお知らせ', body: '12月10日(水) 18:30 から本社3階会議室で職場集会を開きます。一時金交渉の状況を報告します。', audience: { all: false, units: [repo.unitIdByCode('TKY')], roles: [], members: [] } }],
    [0, { title: '安全衛生委員会の報告', body: '11月の安全衛生委員会で、夜勤明けの休息時間について会社と確認しました。詳しくは職場委員にお尋ねください。', audience: everyone }],
  ];
  const notices = noticeInputs.map(([author, input]) => ({ id: services.notices.create(actor(author), input).id, input }));

  // Read receipts and survey answers, written as the members' devices write them (through sync).
  const push = (i: number, collection: string, rows: PushRow[]) => {
    const result = services.sync.push(new Reader(actor(i), services.sync.tree, services.sync.currentSeq()), collection, rows);
    if (result.rejected.length > 0) throw new Error(`demo: ${collection} write refused: ${JSON.stringify(result.rejected)}`);
  };
  const inTokyo = (i: number) => people[i]!.unit.startsWith('TKY');
  let reads = 0;
  for (const i of readers) {
    notices.forEach((notice, n) => {
      const reaches = notice.input.audience.all || inTokyo(i);
      // The printed member has read only the newsletter: the rest waits on their home.
      const read = i === PRINTED_MEMBER ? n === 1 : random() < [0.8, 0.6, 0.7, 0.4][n]!;
      if (!reaches || !read) return;
      push(i, 'reads', [{ newDocumentState: { id: `${notice.id}:${ids[i]}`, noticeId: notice.id, memberId: ids[i], readAt: now - Math.floor(random() * 3 * DAY) } }]);
      reads += 1;
    });
  }

  const survey = services.forms.create(chair, {
    kind: 'survey',
    title: '職場環境アンケート 2026',
    description: '働きやすい職場づくりのため、率直なご意見をお聞かせください。回答は執行委員会で集計します。',
    fields: [
      { id: 'satisfaction', type: 'scale', label: { ja: 'いまの職場の働きやすさ', en: 'How good is your workplace to work in?' }, required: true, min: 1, max: 5 },
      { id: 'overtime', type: 'single_choice', label: { ja: '先月の残業時間', en: 'Overtime last month' }, required: true, options: [
        { id: 'lt10', label: { ja: '10時間未満', en: 'Under 10 hours' } },
        { id: 'lt30', label: { ja: '10〜30時間', en: '10 to 30 hours' } },
        { id: 'ge30', label: { ja: '30時間以上', en: '30 hours or more' } },
      ] },
      { id: 'opinion', type: 'long_text', label: { ja: 'ご意見・ご要望', en: 'Comments' }, maxLength: 2000 },
    ],
    steps: [],
    audience: everyone,
    status: 'published',
    opensAt: now,
    closesAt: now + 14 * DAY,
    anonymous: false,
    allowEdit: false,
  });
  const opinions = ['休憩室のエアコンを直してほしい。', '夜勤明けの休息をもっと確保してほしい。', '', '人員を増やしてほしい。', ''];
  let surveyAnswers = 0;
  for (const i of readers) {
    if (i === PRINTED_MEMBER || random() >= 0.65) continue;
    const answers = { satisfaction: 1 + Math.floor(random() * 5), overtime: pick(['lt10', 'lt30', 'ge30']), opinion: pick(opinions) };
    push(i, 'submissions', [{ newDocumentState: submissionDoc(surveySubmissionId(survey.id, ids[i]!), survey.id, ids[i]!, 'survey', 'submitted', answers, now) }]);
    surveyAnswers += 1;
  }

  // Applications (弔慰金, a built-in template) in every state.
  const applicants = readers.filter((i) => i > PRINTED_MEMBER);
  const byWorkplace = (i: number) => 5 + DEMO_WORKPLACES.indexOf(people[i]!.unit as (typeof DEMO_WORKPLACES)[number]);
  const byBranch = (i: number) => 2 + ['TKY', 'OSK', 'NGY'].indexOf(people[i]!.unit.slice(0, 3));
  const tokyo = applicants.filter(inTokyo);
  const others = applicants.filter((i) => !inTokyo(i));
  type Plan = { applicant: number; steps: ('approve1' | 'approve2' | 'return' | 'reject2' | 'pay' | 'withdraw')[]; draft?: boolean };
  const plans: Plan[] = [
    { applicant: PRINTED_MEMBER, steps: ['return'] },
    { applicant: tokyo[0] ?? PRINTED_MEMBER, steps: ['approve1'] }, // waits for the printed (Tokyo branch) officer
    { applicant: tokyo[1] ?? PRINTED_MEMBER, steps: ['approve1'] },
    { applicant: others[0] ?? PRINTED_MEMBER, steps: [] },
    { applicant: others[1] ?? PRINTED_MEMBER, steps: ['approve1', 'approve2'] },
    { applicant: tokyo[2] ?? PRINTED_MEMBER, steps: ['approve1', 'approve2', 'pay'] },
    { applicant: others[2] ?? PRINTED_MEMBER, steps: ['approve1', 'reject2'] },
    { applicant: others[3] ?? PRINTED_MEMBER, steps: ['withdraw'] },
    { applicant: others[4] ?? PRINTED_MEMBER, steps: [], draft: true },
  ];
  const relations = ['parent', 'grandparent', 'parent_in_law', 'sibling'];
  plans.forEach((plan, n) => {
    const i = plan.applicant;
    const id = `demo-app-${n + 1}`;
    const answers = { relation: pick(relations), deceased_name: `${pick(SURNAMES)[0]} ${pick(GIVEN_NAMES)[0]}`, date_of_death: new Date(now - (5 + n) * DAY).toISOString().slice(0, 10) };
    push(i, 'submissions', [{ newDocumentState: submissionDoc(id, 'tpl-bereavement', ids[i]!, 'application', plan.draft ? 'draft' : 'submitted', answers, now) }]);
    for (const step of plan.steps) {
      if (step === 'withdraw') {
        const master = JSON.parse(services.sync.load('submissions', [id]).get(id)!) as Record<string, unknown>;
        push(i, 'submissions', [{ newDocumentState: { ...master, state: 'withdrawn' }, assumedMasterState: master }]);
        continue;
      }
      const [who, action, expectedState, expectedStep] = {
        approve1: [byWorkplace(i), 'approve', 'in_review', 0],
        approve2: [byBranch(i), 'approve', 'in_review', 1],
        return: [byWorkplace(i), 'return', 'in_review', 0],
        reject2: [byBranch(i), 'reject', 'in_review', 1],
        pay: [1, 'pay', 'approved', 0],
      }[step] as [number, 'approve' | 'return' | 'reject' | 'pay', 'in_review' | 'approved', number];
      const comment = action === 'return' ? '亡くなった方との続柄を確認できる書類(会葬礼状など)を添付してください。' : action === 'reject' ? '規約の対象となる続柄ではないため、お受けできません。' : undefined;
      const current = services.applications.detail(actor(who), id);
      services.applications.act(actor(who), id, { action, expectedState, expectedStep: action === 'pay' ? current.step : expectedStep, ...(comment ? { comment } : {}) });
    }
  });
  const applications: Record<string, number> = {};
  for (const n of plans.keys()) {
    const state = (JSON.parse(services.sync.load('submissions', [`demo-app-${n + 1}`]).get(`demo-app-${n + 1}`)!) as { state: string }).state;
    applications[state] = (applications[state] ?? 0) + 1;
  }

  return {
    unionName: repo.unionName(),
    officer: { employeeNumber: officer.employeeNumber, name: officer.name, password: officer.password },
    member: { employeeNumber: member.employeeNumber, name: member.name, password: member.password, pin: member.pin },
    admin,
    counts: { members: DEMO_MEMBER_COUNT, activated: 2, notices: notices.length, reads, surveyAnswers, applications },
  };
}

function submissionDoc(id: string, formId: string, memberId: string, kind: 'survey' | 'application', state: 'draft' | 'submitted', answers: Record<string, string | number>, now: number) {
  return { id, formId, formVersion: 1, kind, memberId, memberName: null, unitId: null, anonymous: false, answers, state, step: 0, steps: 0, history: [], submittedAt: null, createdAt: now, updatedAt: now };
}
