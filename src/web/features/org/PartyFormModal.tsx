// Create or edit a party (R-CON-01: the address, phone and e-mail are the contract's only valid contacts).
import { Col, Form, Input, Row, Select } from 'antd';
import type { TParty } from '../../../common/org.ts';
import { POSTCODE } from '../../../common/patterns.ts';
import { call } from '../../api/client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { PARTY_KIND } from './queries.ts';
import { EmailField } from '../../components/fields.tsx';
import { orgApi } from '../../../common/org.api.ts';

type V = Omit<TParty, 'id' | 'createdAt' | 'updatedAt' | 'bankAccounts'>;

export function PartyFormModal({ open, party, onClose }: { open: boolean; party: TParty | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  return (
    <FormModal<V>
      open={open}
      onClose={onClose}
      width={720}
      title={party ? t('编辑单位') : t('新建单位')}
      initialValues={party ?? { kind: 'vendor' }}
      invalidate={['parties']}
      submit={(v) => (party ? call(orgApi.updateParty, { params: { id: party.id }, body: v }) : call(orgApi.createParty, { body: v }))}
    >
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="kind" label={t('类型')} rules={[{ required: true, message: t('请选择类型') }]}>
            <Select options={Object.entries(PARTY_KIND).map(([value, k]) => ({ value, label: pick(lang, k) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="name" label={t('单位名称')} rules={[{ required: true, whitespace: true, message: t('请输入单位名称') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="shortName" label={t('简称')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="legalRepresentative" label={t('法定代表人')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="contactPerson" label={t('联系人')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="address" label={t('地址')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="postcode" label={t('邮编')} rules={[{ pattern: POSTCODE.re, message: t(POSTCODE.message) }]}>
            <Input maxLength={6} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="phone" label={t('电话')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="fax" label={t('传真')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <EmailField />
        </Col>
      </Row>
    </FormModal>
  );
}
