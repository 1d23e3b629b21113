// Tables of 社会帮扶、会议、互访、宣传 (social). Every row carries division_code (where it happened: the helped
// side, a village or town) and team_id (the team that recorded it), the two columns scope filters on.
import type {
  DonorKind,
  FundPurpose,
  MediaLevel,
  MeetingKind,
  MeetingLevel,
  PublicityKind,
  RecipientKind,
  VisitDirection,
  VisitorLevel,
} from '@xiezuo/shared/contracts/social';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { monitoringHouseholds } from '../monitoring';
import { units } from '../registry';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// 捐赠/慰问: one gift — cash, goods, or both. Goods without an estimated value count as items, never as money.
export const socialDonations = pgTable(
  'social_donations',
  {
    id: serial('id').primaryKey(),
    donatedOn: date('donated_on').notNull(),
    donorName: text('donor_name').notNull(),
    donorKind: text('donor_kind').$type<DonorKind>().notNull(),
    recipientKind: text('recipient_kind').$type<RecipientKind>().notNull(),
    recipientName: text('recipient_name').notNull(),
    divisionCode: text('division_code').notNull(),
    householdId: integer('household_id').references(() => monitoringHouseholds.id), // a monitored household, when linked
    unitId: integer('unit_id').references(() => units.id), // a school (or other unit) of the registry, when linked
    households: integer('households'), // 受益户数
    teamId: integer('team_id'),
    cashAmount: money('cash_amount').notNull().default('0'),
    goodsItem: text('goods_item'),
    goodsQuantity: numeric('goods_quantity', { precision: 14, scale: 2 }),
    goodsUnit: text('goods_unit'),
    goodsValue: money('goods_value'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('social_donations_division_idx').on(t.divisionCode),
    index('social_donations_team_idx').on(t.teamId),
    index('social_donations_day_idx').on(t.donatedOn),
    check('social_donations_something_ck', sql`${t.cashAmount} > 0 or ${t.goodsQuantity} > 0`),
  ],
);

// 社会帮扶资金: money raised from society, pledged and received, by donor and purpose.
export const socialFunds = pgTable(
  'social_funds',
  {
    id: serial('id').primaryKey(),
    donorName: text('donor_name').notNull(),
    donorKind: text('donor_kind').$type<DonorKind>().notNull(),
    purpose: text('purpose').$type<FundPurpose>().notNull(),
    purposeNote: text('purpose_note'),
    divisionCode: text('division_code').notNull(),
    teamId: integer('team_id'),
    pledgedOn: date('pledged_on').notNull(),
    pledgedAmount: money('pledged_amount').notNull(),
    receivedAmount: money('received_amount').notNull().default('0'),
    receivedOn: date('received_on'),
    // the projects (协作项目, funds module) the money paid for, by their codes — checked against the user's projects when written
    projectCodes: text('project_codes').array().notNull().default([]),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('social_funds_division_idx').on(t.divisionCode),
    index('social_funds_team_idx').on(t.teamId),
    index('social_funds_day_idx').on(t.pledgedOn),
  ],
);

// 会议: joint meetings, symposia, progress meetings, team leaders' meetings … at a level, with both sides' attendees.
export const socialMeetings = pgTable(
  'social_meetings',
  {
    id: serial('id').primaryKey(),
    heldOn: date('held_on').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    level: text('level').$type<MeetingLevel>().notNull(),
    title: text('title').notNull(),
    place: text('place'),
    divisionCode: text('division_code').notNull(),
    teamId: integer('team_id'),
    helperAttendees: text('helper_attendees'),
    helpedAttendees: text('helped_attendees'),
    topics: text('topics'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('social_meetings_division_idx').on(t.divisionCode),
    index('social_meetings_team_idx').on(t.teamId),
    index('social_meetings_day_idx').on(t.heldOn),
  ],
);

// 议定事项: what a meeting decided, with an owner and a due date, followed until done (done_on).
export const socialDecisions = pgTable(
  'social_decisions',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => socialMeetings.id),
    content: text('content').notNull(),
    ownerTeamId: integer('owner_team_id'),
    ownerName: text('owner_name'),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    doneNote: text('done_note'),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('social_decisions_meeting_idx').on(t.meetingId), index('social_decisions_owner_idx').on(t.ownerTeamId)],
);

// 互访调研: a visit by leaders of one side to the other, counted as the East–West assessment counts them.
export const socialVisits = pgTable(
  'social_visits',
  {
    id: serial('id').primaryKey(),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    visitorLevel: text('visitor_level').$type<VisitorLevel>().notNull(),
    visitors: text('visitors').notNull(),
    direction: text('direction').$type<VisitDirection>().notNull(),
    fromDivisionCode: text('from_division_code').notNull(),
    divisionCode: text('division_code').notNull(), // the place visited
    teamId: integer('team_id'),
    purpose: text('purpose'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('social_visits_division_idx').on(t.divisionCode),
    index('social_visits_team_idx').on(t.teamId),
    index('social_visits_day_idx').on(t.startedOn),
    check('social_visits_dates_ck', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

// 宣传报道: an article, case or write-up of experience, by media level.
export const socialPublicity = pgTable(
  'social_publicity',
  {
    id: serial('id').primaryKey(),
    publishedOn: date('published_on').notNull(),
    title: text('title').notNull(),
    medium: text('medium').notNull(),
    mediaLevel: text('media_level').$type<MediaLevel>().notNull(),
    kind: text('kind').$type<PublicityKind>().notNull(),
    link: text('link'),
    divisionCode: text('division_code').notNull(),
    teamId: integer('team_id'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('social_publicity_division_idx').on(t.divisionCode),
    index('social_publicity_team_idx').on(t.teamId),
    index('social_publicity_day_idx').on(t.publishedOn),
  ],
);
