// How a device's state and a run's failure read on screen, and the warning a Telnet device carries.
import { Alert, Tag } from 'antd';
import type { TDevice } from '../../../common/configbackup.ts';
import { useI18n } from '../../i18n/index.tsx';

export const FAILURE_TEXT: Record<NonNullable<TDevice['lastFailure']>, string> = {
  auth_failed: '认证失败',
  timeout: '超时',
  prompt: '未识别提示符',
  hostkey_changed: '主机密钥已变化',
  too_large: '输出过大',
  command_refused: '命令被拒绝',
  unreachable: '无法连接',
  error: '出错',
};

/** A run's outcome in words (the list's filter and banner; StateTag shows the same words). */
export const RUN_STATE_TEXT = { running: '备份中', ok: '成功', failed: '失败' } as const;

export function StateTag({ state, failure }: { state: TDevice['lastState']; failure: TDevice['lastFailure'] }) {
  const { t } = useI18n();
  if (state === 'ok') return <Tag color="success">{t(RUN_STATE_TEXT.ok)}</Tag>;
  if (state === 'running') return <Tag color="processing">{t(RUN_STATE_TEXT.running)}</Tag>;
  if (state === 'failed') return <Tag color="error">{t(failure ? FAILURE_TEXT[failure] : RUN_STATE_TEXT.failed)}</Tag>;
  return <Tag>{t('未备份')}</Tag>;
}

/** Issue 12 point 2: Telnet is allowed for old devices, never without saying what it costs. */
export function TelnetWarning() {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('Telnet 不加密')}
      description={t('通过 Telnet 备份时，用户名、密码和设备配置以明文在网络上传输，且无法核实设备身份。请尽快在设备上启用 SSH。')}
    />
  );
}
