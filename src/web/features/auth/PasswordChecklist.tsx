// Live rules of src/common/password.ts under the new-password field.
import { CheckCircleFilled, CloseCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { PASSWORD_HISTORY, PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../../common/password.ts';
import type { FormRule as Rule } from 'antd';
import { useI18n, type Lang } from '../../i18n/index.tsx';

const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '符号'],
];

/** passwordProblem() answers "中文 (English)": keep the side of the current language. */
export function passwordRuleMessage(pw: string, lang: Lang): string | null {
  const p = passwordProblem(pw);
  if (!p) return null;
  const m = /^(.*?) \((.*)\)$/.exec(p);
  return m ? (lang === 'en-US' ? m[2]! : m[1]!) : p;
}

/** The rules of a new-password field: required, and the password policy (等保: 8+ characters, 3 of 4 classes). */
export function newPasswordRules(requiredMessage: string, lang: Lang): Rule[] {
  return [
    { required: true, message: requiredMessage },
    {
      validator: async (_r, v: string | undefined) => {
        const p = v ? passwordRuleMessage(v, lang) : null;
        if (p) throw new Error(p);
      },
    },
  ];
}

export function PasswordChecklist({ value }: { value: string }) {
  const { t } = useI18n();
  const classes = CLASSES.filter(([re]) => re.test(value)).length;
  const rules: [boolean, string][] = [
    [value.length >= PASSWORD_MIN && value.length <= PASSWORD_MAX, t('长度 {min}–{max} 位', { min: PASSWORD_MIN, max: PASSWORD_MAX })],
    [classes >= 3, t('包含大写字母、小写字母、数字、符号中的至少三类（已有 {n} 类）', { n: classes })],
  ];
  return (
    <div style={{ fontSize: 13, lineHeight: 1.9, margin: '-8px 0 16px' }}>
      {rules.map(([ok, text]) => (
        <div key={text} style={{ color: ok ? '#389e0d' : '#8c8c8c' }}>
          {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} <span style={{ marginLeft: 4 }}>{text}</span>
        </div>
      ))}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, margin: '2px 0 2px 20px' }}>
        {CLASSES.map(([re, label]) => (
          <span
            key={label}
            style={{
              fontSize: 12,
              padding: '0 8px',
              borderRadius: 10,
              background: re.test(value) ? '#e6f4ff' : '#f5f5f5',
              color: re.test(value) ? '#1554ad' : '#8c8c8c',
            }}
          >
            {t(label)}
          </span>
        ))}
      </div>
      <div style={{ color: '#8c8c8c' }}>
        <InfoCircleOutlined /> <span style={{ marginLeft: 4 }}>{t('不能与最近 {n} 次使用过的密码相同', { n: PASSWORD_HISTORY })}</span>
      </div>
    </div>
  );
}
