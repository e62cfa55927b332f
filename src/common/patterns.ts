// Input patterns shared by the Zod schemas (src/common) and the web forms, each with the message a
// person sees when a value does not fit (Chinese; the web translates it like any other string).
import { z } from 'zod';

export interface Pattern {
  re: RegExp;
  message: string;
}

/** A phone or fax number as people write it: digits, spaces and + - ( ); empty allowed. */
export const PHONE: Pattern = { re: /^[0-9+\-() ]*$/, message: '电话只能包含数字、空格和 + - ( )' };

/** The phone and fax fields of people, parties and tickets. */
export const ZPhone = z.string().trim().max(40).regex(PHONE.re, PHONE.message);

/** A postcode: six digits, or nothing. */
export const POSTCODE: Pattern = { re: /^(\d{6})?$/, message: '邮编为 6 位数字' };

/** A bank account number: 6–40 digits, spaces and hyphens as printed. */
export const BANK_ACCOUNT: Pattern = { re: /^[0-9 -]{6,40}$/, message: '账号为 6–40 位数字' };

/** A TOTP code (动态口令): six digits. */
export const TOTP_CODE: Pattern = { re: /^\d{6}$/, message: '动态口令为 6 位数字' };

/** An amount in yuan: up to 12 digits and at most two decimals (the message is each form's own). */
export const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** A management IP address, loosely: the characters of IPv4 and IPv6 addresses and prefixes; empty allowed. */
export const IP_CHARS = /^[0-9a-fA-F.:/]*$/;
