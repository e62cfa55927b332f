// How a device's state and a run's failure read on screen.
import { Tag } from 'antd';
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

export function StateTag({ state, failure }: { state: TDevice['lastState']; failure: TDevice['lastFailure'] }) {
  const { t } = useI18n();
  if (state === 'ok') return <Tag color="success">{t('成功')}</Tag>;
  if (state === 'running') return <Tag color="processing">{t('备份中')}</Tag>;
  if (state === 'failed') return <Tag color="error">{t(failure ? FAILURE_TEXT[failure] : '失败')}</Tag>;
  return <Tag>{t('未备份')}</Tag>;
}
