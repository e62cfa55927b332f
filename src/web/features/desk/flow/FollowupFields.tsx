// The follow-up (回访) form's fields and its request body, shared by the ticket page and the 回访
// page (R-SD-07): reached or not, satisfaction 1–5 only when reached, comments.
import { Form, Input, Radio, Rate } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';

export interface FollowupValues {
  reachable: boolean;
  satisfaction?: number;
  comment?: string;
}

export const FOLLOWUP_INITIAL: FollowupValues = { reachable: true, satisfaction: 5 };

/** POST /api/tickets/:id/followup body: no satisfaction when the requester was not reached. */
export const followupBody = (v: FollowupValues) => ({
  reachable: v.reachable,
  ...(v.reachable ? { satisfaction: v.satisfaction } : {}),
  comment: v.comment ?? '',
});

/** The fields, inside the caller's <Form> (whose instance they read). */
export function FollowupFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item name="reachable" label={t('是否联系上报修人')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('已联系上') },
            { value: false, label: t('未联系上') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {() =>
          form.getFieldValue('reachable') ? (
            <Form.Item name="satisfaction" label={t('满意度')} rules={[{ required: true, message: t('请评分') }]}>
              <Rate count={5} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="comment" label={t('意见与建议')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
