// Create a user (username, initial password) or edit one (name, contacts, service lines).
import { Col, Form, Input, Row, Select } from 'antd';
import type { TUser } from '../../../common/auth.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { PasswordChecklist, newPasswordRules } from '../auth/PasswordChecklist.tsx';
import { EmailField } from '../../components/fields.tsx';
import { usersApi } from '../../../common/auth.api.ts';

interface V {
  username: string;
  displayName: string;
  email: string;
  phone: string;
  password: string;
  serviceLines: ServiceLineCode[];
}

export function UserFormModal({ user, onClose }: { user: TUser | null | undefined; onClose: () => void }) {
  const { t, lang } = useI18n();
  const lineOptions = SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }));
  return (
    <FormModal<V>
      open={user !== undefined}
      onClose={onClose}
      width={640}
      title={user ? t('编辑用户') : t('新建用户')}
      invalidate={['users']}
      initialValues={
        user
          ? { ...user, email: user.email ?? '', phone: user.phone ?? '', serviceLines: user.serviceLines as ServiceLineCode[] }
          : { serviceLines: [] }
      }
      submit={(v) => {
        const common = {
          displayName: v.displayName,
          email: v.email?.trim() || null,
          phone: v.phone?.trim() || null,
          serviceLines: v.serviceLines ?? [],
        };
        return user
          ? call(usersApi.update, { params: { id: user.id }, body: common })
          : call(usersApi.create, { body: { ...common, username: v.username, password: v.password } });
      }}
    >
      {(form) => (
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('用户名')}
              rules={[
                { required: true, message: t('请输入用户名') },
                { pattern: /^[a-zA-Z][a-zA-Z0-9._-]{1,63}$/, message: t('用户名以字母开头，只含字母、数字、点、下划线和连字符') },
              ]}
            >
              <Input disabled={!!user} maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入姓名') }]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <EmailField />
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('手机')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="serviceLines" label={t('负责的服务项目')} extra={t('乙方工程师只能处理所负责服务项目的工作')}>
              <Select mode="multiple" options={lineOptions} />
            </Form.Item>
          </Col>
          {!user && (
            <Col xs={24}>
              <Form.Item
                name="password"
                label={t('初始密码')}
                extra={t('用户首次登录须修改密码。角色由安全管理员另行分配。')}
                rules={newPasswordRules(t('请输入初始密码'), lang)}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item noStyle dependencies={['password']}>
                {() => <PasswordChecklist value={(form.getFieldValue('password') as string | undefined) ?? ''} />}
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
    </FormModal>
  );
}
