// The buttons above a list: refresh, and "导出 Excel" (issue 11 point 14): the list's file route with the page's filters, downloaded through
// the typed client; busy while the server writes the .xlsx, its refusal (too many rows …) shown as
// the app shows every error.
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import type { Query } from '../api/client.ts';
import { downloadFile, type FileRoute } from '../api/download.ts';
import { useI18n } from '../i18n/index.tsx';
import { useFeedback } from './feedback.ts';

const download = downloadFile as unknown as (e: FileRoute, input: { query: Query }) => Promise<void>;

export function ExportButton({ route, query, disabled }: { route: FileRoute; query: Query; disabled?: boolean }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(route, { query });
    } catch (e) {
      fb.fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} disabled={disabled}>
      {t('导出 Excel')}
    </Button>
  );
}

/** Reloads the list; spins while a reload (not the first load) runs. */
export function RefreshButton({ q }: { q: { refetch: () => unknown; isFetching: boolean; isPending: boolean } }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('刷新')}>
      <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching && !q.isPending} aria-label={t('刷新')} />
    </Tooltip>
  );
}
