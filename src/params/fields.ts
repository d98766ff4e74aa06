/**
 * Field schemas with a domain format (credit code, phone, email, bank account), built on
 * the generic leaves of scalars.ts with wording specific to each format.
 */
import { text } from '../diagnostics.js';
import { checkCreditCode } from './credit-code.js';
import { isPhone } from './phone.js';
import { forbiddenChar, identifier, leaf } from './scalars.js';
import { MSG, kindOf, problem, quote } from './messages.js';

export function creditCodeField(description: string) {
  return identifier(
    description,
    (s) => {
      const r = checkCreditCode(s);
      if (r.ok) return undefined;
      switch (r.reason) {
        case 'length':
          return problem(
            'credit-code-length',
            text(`must be 18 characters (统一社会信用代码), this one has ${[...s].length}`, `统一社会信用代码必须是 18 位，这里是 ${[...s].length} 位`),
            text('copy it from the business licence (营业执照)', '请按营业执照抄写'),
          );
        case 'lowercase':
          return problem(
            'credit-code-lowercase',
            text('must be written in upper case', '字母必须大写'),
            text(`write it as ${s.toUpperCase()}`, `请写成 ${s.toUpperCase()}`),
          );
        case 'character':
          return problem(
            'credit-code-character',
            text(`contains ${quote(r.char ?? '')}, which never occurs in a 统一社会信用代码 (only digits and A-Z without I, O, S, V, Z)`, `含有 ${quote(r.char ?? '')}，统一社会信用代码只含数字和除 I、O、S、V、Z 以外的大写字母`),
          );
        case 'check':
          return problem(
            'credit-code-check',
            text(`is not a valid 统一社会信用代码: the check character (last) should be ${r.expected} for these first 17 characters`, `不是有效的统一社会信用代码：按前 17 位计算，校验码（最后一位）应为 ${r.expected}`),
            text('a character was probably mistyped: compare with the business licence (营业执照)', '可能有字符抄错，请与营业执照核对'),
          );
      }
    },
    '^[0-9A-HJ-NP-RTUWXY]{18}$',
  );
}

export function phoneField(description: string) {
  return identifier(description, (s) =>
    isPhone(s)
      ? undefined
      : problem(
          'bad-phone',
          text(`${quote(s)} is not a mainland China phone number`, `${quote(s)} 不是有效的中国大陆电话号码`),
          text(
            'write e.g. 010-62345678, 0755-8601338, 13800138000, +8613800138000, 400-810-8888 or 95588',
            '例如 010-62345678、0755-8601338、13800138000、+8613800138000、400-810-8888 或 95588',
          ),
        ),
  );
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function emailField(description: string) {
  return leaf({ type: 'string', format: 'email', description }, (v) => {
    if (typeof v !== 'string') return MSG.notText(kindOf(v));
    const bad = forbiddenChar(v);
    if (bad) return bad;
    return EMAIL.test(v) && v.length <= 254
      ? v
      : problem('bad-email', text(`${quote(v)} is not an email address`, `${quote(v)} 不是有效的电子邮箱地址`), text('write it like name@example.com', '例如 name@example.com'));
  });
}

export function bankAccountField(description: string) {
  return identifier(
    description,
    (s) => {
      if (/^\d{8,30}$/.test(s)) return undefined;
      return problem(
        'bad-bank-account',
        text('must be the account number: 8 to 30 digits', '必须是 8 到 30 位数字的银行账号'),
        /\s|-/.test(s)
          ? text('write the digits without spaces or hyphens, in quotes', '数字之间不要有空格或连字符，并用引号括起来')
          : text('put it in quotes so that a leading 0 is kept', '请用引号括起来，以保留开头的 0'),
      );
    },
    '^\\d{8,30}$',
  );
}

/** Free text, but without a forced format: contract numbers, licence numbers. */
export function codeField(description: string) {
  return identifier(description);
}
