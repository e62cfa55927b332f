// Org master data: parties (R-CON-01/02), sites and rooms, departments, people.
import { z } from 'zod';
import { ZDate, ZTimestamp, optText, patchOf, text } from './api.ts';
import { BANK_ACCOUNT, POSTCODE, ZPhone } from './patterns.ts';

const email = z.union([z.literal(''), z.email().max(200)]);

export const ZPartyKind = z.enum(['agency', 'contractor', 'vendor']);
export const ZPartyInput = z.object({
  kind: ZPartyKind,
  name: text(200),
  shortName: optText(60).default(''),
  address: optText(300).default(''),
  postcode: z.string().trim().regex(POSTCODE.re, POSTCODE.message).default(''),
  phone: ZPhone.default(''),
  fax: ZPhone.default(''),
  email: email.default(''),
  legalRepresentative: optText(60).default(''),
  contactPerson: optText(60).default(''),
});
export const ZPartyPatch = patchOf(ZPartyInput);
export const ZBankAccount = z.object({
  id: z.string(),
  partyId: z.string(),
  bankName: z.string(),
  accountName: z.string(),
  accountNumber: z.string(),
  changedOn: z.string().nullable(),
  notifyBy: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  active: z.boolean(),
});
export const ZParty = ZPartyInput.extend({
  id: z.string(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  bankAccounts: z.array(ZBankAccount).optional(),
});
export type TParty = z.infer<typeof ZParty>;
export const ZBankAccountInput = z.object({
  bankName: text(100),
  accountName: text(200),
  accountNumber: z.string().trim().regex(BANK_ACCOUNT.re, BANK_ACCOUNT.message),
  changedOn: ZDate.nullable().default(null),
});
export const ZBankNotified = z.object({ notifiedOn: ZDate });

export const ZSiteInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, '编号只含小写字母、数字和连字符'),
  name: text(100),
  address: optText(300).default(''),
});
export const ZSite = ZSiteInput.extend({ id: z.string(), createdAt: ZTimestamp, updatedAt: ZTimestamp });
export type TSite = z.infer<typeof ZSite>;

export const ZRoomInput = z.object({
  siteId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, '编号只含小写字母、数字和连字符'),
  name: text(100),
  building: optText(60).default(''),
  floor: optText(20).default(''),
  purpose: optText(300).default(''),
});
export const ZRoom = ZRoomInput.extend({ id: z.string(), createdAt: ZTimestamp, updatedAt: ZTimestamp });
export type TRoom = z.infer<typeof ZRoom>;

export const ZDepartmentInput = z.object({ partyId: z.uuid(), name: text(100), sort: z.number().int().min(0).max(9999).default(0) });
export const ZDepartment = ZDepartmentInput.extend({ id: z.string(), createdAt: ZTimestamp });
export type TDepartment = z.infer<typeof ZDepartment>;

export const ZPersonInput = z.object({
  partyId: z.uuid(),
  departmentId: z.uuid().nullable().default(null),
  name: text(60),
  title: optText(100).default(''),
  phone: ZPhone.default(''),
  mobile: ZPhone.default(''),
  email: email.default(''),
  username: z.string().trim().max(64).nullable().default(null),
  qualifications: z.array(text(100)).max(30).default([]),
});
export const ZPerson = ZPersonInput.extend({ id: z.string(), createdAt: ZTimestamp, updatedAt: ZTimestamp });
export type TPerson = z.infer<typeof ZPerson>;

export const ZListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZRoomQuery = ZListQuery.extend({ siteId: z.uuid().optional() });
export const ZPeopleQuery = ZListQuery.extend({ partyId: z.uuid().optional(), phone: z.string().trim().max(40).optional() });
export const ZDepartmentQuery = ZListQuery.extend({ partyId: z.uuid().optional() });
