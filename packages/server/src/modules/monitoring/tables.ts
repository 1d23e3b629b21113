// 防返贫监测 tables. ID numbers and health data are held only as ciphertext (services.cipher) plus a keyed
// hash of the ID number for exact lookup; a person may be an active member of one household only.
import type {
  AttachmentType,
  Category,
  EntryDoor,
  Gender,
  GpsStamp,
  LeftReason,
  MeasureKind,
  Procedure,
  Relation,
  RiskChanges,
  RiskKind,
  Schooling,
  Stage,
  Status,
  StepAction,
  StepDetails,
  Work,
} from '@xiezuo/shared/contracts/monitoring';
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  pgView,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

// 监测户
export const monitoringHouseholds = pgTable(
  'monitoring_households',
  {
    id: serial('id').primaryKey(),
    divisionCode: text('division_code').notNull(), // the village (12 digits)
    headName: text('head_name').notNull(),
    entryDoor: text('entry_door').$type<EntryDoor>().notNull(), // self_apply | cadre_check | dept_alert
    category: text('category').$type<Category>().notNull(), // unstable | marginal | sudden
    isLifted: boolean('is_lifted').notNull().default(false), // 脱贫户
    dibao: boolean('dibao').notNull().default(false), // 低保
    tekun: boolean('tekun').notNull().default(false), // 特困
    incomePerHead: numeric('income_per_head', { precision: 18, scale: 2 }), // 元/人·年
    incomeYear: integer('income_year'),
    address: text('address'), // 住址: ciphertext (cipher.encrypt, contact.ts), like ID numbers; shown masked, revealed with audit
    // 联系电话: ciphertext too
    phone: text('phone'),
    note: text('note'),
    status: text('status').$type<Status>().notNull(), // identifying | monitored | eliminating | eliminated | rejected
    stage: text('stage').$type<Stage>(), // verify | village | town | county while a procedure runs
    procedureStartedOn: date('procedure_started_on'),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }),
    noticeFrom: date('notice_from'),
    noticeTo: date('notice_to'),
    identifiedOn: date('identified_on'), // 县级确定 of the identification
    eliminatedOn: date('eliminated_on'),
    lastVisitOn: date('last_visit_on'),
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_households_division_idx').on(t.divisionCode), index('monitoring_households_status_idx').on(t.status)],
);

// 家庭成员. idCipher/healthCipher: "<key>.<iv>.<tag>.<ct>"; idHash: HMAC of the normalised ID number.
export const monitoringMembers = pgTable(
  'monitoring_members',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => monitoringHouseholds.id),
    name: text('name').notNull(),
    relation: text('relation').$type<Relation>().notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    birthDate: date('birth_date').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(), // 4501**********123X, safe to show and export
    healthCipher: text('health_cipher').notNull(), // JSON {health, healthNote, disability}
    schooling: text('schooling').$type<Schooling>().notNull(),
    work: text('work').$type<Work>().notNull(),
    active: boolean('active').notNull().default(true), // false: left the household, or the household closed
    leftReason: text('left_reason').$type<LeftReason>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('monitoring_members_household_idx').on(t.householdId),
    index('monitoring_members_hash_idx').on(t.idHash),
    uniqueIndex('monitoring_members_active_person_uq').on(t.idHash).where(sql`${t.active}`),
  ],
);

// 审核记录: one row per step taken, with who, when, comment, the stage clock and step details.
export const monitoringSteps = pgTable(
  'monitoring_steps',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => monitoringHouseholds.id),
    procedure: text('procedure').$type<Procedure>().notNull(), // identify | eliminate
    action: text('action').$type<StepAction>().notNull(),
    fromStatus: text('from_status').$type<Status>(),
    fromStage: text('from_stage').$type<Stage>(),
    toStatus: text('to_status').$type<Status>().notNull(),
    toStage: text('to_stage').$type<Stage>(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    comment: text('comment'),
    stageWorkDays: integer('stage_work_days'), // working days the household waited at the stage acted on
    details: jsonb('details').$type<StepDetails>(), // authorisation, notice dates, rule checks, override reason
  },
  (t) => [index('monitoring_steps_household_idx').on(t.householdId)],
);

// 佐证材料 and visit photos, kept in the database so backups hold them too.
export const monitoringAttachments = pgTable(
  'monitoring_attachments',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => monitoringHouseholds.id),
    stepId: integer('step_id').references(() => monitoringSteps.id),
    visitId: integer('visit_id'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').$type<AttachmentType>().notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp('taken_at', { withTimezone: true }), // a photo's time on the phone that took it
  },
  (t) => [index('monitoring_attachments_household_idx').on(t.householdId)],
);

// 风险
export const monitoringRisks = pgTable(
  'monitoring_risks',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => monitoringHouseholds.id),
    kind: text('kind').$type<RiskKind>().notNull(),
    note: text('note'),
    identifiedOn: date('identified_on').notNull(),
    closedOn: date('closed_on'),
    closeNote: text('close_note'),
  },
  (t) => [index('monitoring_risks_household_idx').on(t.householdId)],
);

// 帮扶措施. provider: a team or a unit (ids of the teams/registry modules), or nobody recorded.
export const monitoringMeasures = pgTable(
  'monitoring_measures',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => monitoringHouseholds.id),
    kind: text('kind').$type<MeasureKind>().notNull(),
    description: text('description').notNull(),
    providerTeamId: integer('provider_team_id'),
    providerUnitId: integer('provider_unit_id'),
    amount: numeric('amount', { precision: 18, scale: 2 }),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    lastFollowUpOn: date('last_follow_up_on'),
    followUpNote: text('follow_up_note'),
  },
  (t) => [index('monitoring_measures_household_idx').on(t.householdId)],
);

// 入户走访
export const monitoringVisits = pgTable(
  'monitoring_visits',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => monitoringHouseholds.id),
    visitedOn: date('visited_on').notNull(),
    visitors: text('visitors').notNull(),
    findings: text('findings').notNull(),
    incomePerHead: numeric('income_per_head', { precision: 18, scale: 2 }),
    incomeYear: integer('income_year'),
    riskChanges: jsonb('risk_changes').$type<RiskChanges>(), // {opened:[{id,kind}], closed:[id]}
    gps: jsonb('gps').$type<GpsStamp>(), // optional GPS stamp, shown to reviewers only
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_visits_household_idx').on(t.householdId, t.visitedOn)],
);

// Receipts of offline uploads (离线上传回执): one row per client-generated id, written in the same transaction as
// the visit, follow-up, risk or photo it made. The primary key is what makes a retry answer the first result
// (kept in `response`) instead of writing a second row.
export const monitoringClientWrites = pgTable('monitoring_client_writes', {
  clientId: uuid('client_id').primaryKey(),
  userId: integer('user_id').notNull(),
  kind: text('kind').$type<'visit' | 'followUp' | 'risk' | 'photo'>().notNull(),
  entityId: integer('entity_id'),
  response: jsonb('response'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// 监测收入标准: the monitoring line by province and year, kept by admins.
export const monitoringLines = pgTable(
  'monitoring_lines',
  {
    id: serial('id').primaryKey(),
    provinceCode: text('province_code').notNull(), // 2 digits
    year: integer('year').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    demo: boolean('demo').notNull().default(false),
    note: text('note'),
  },
  (t) => [uniqueIndex('monitoring_lines_uq').on(t.provinceCode, t.year)],
);
// 脱贫人口 (the view lifted_persons, of this module's 脱贫户 members and the roster) is declared in labour/tables.ts.

// 监测对象 as every module counts "其中监测对象": the ID hashes of the active members of households under
// monitoring now (status monitored or eliminating — as figures.ts counts them; not those being identified, nor
// eliminated or rejected ones), each once (a person is an active member of one household only).
export const monitoredPersons = pgView('monitored_persons', { idHash: text('id_hash').notNull() }).as(
  sql`select distinct m.id_hash from monitoring_members m join monitoring_households h on h.id = m.household_id
      where m.active and h.status in ('monitored', 'eliminating')`,
);
