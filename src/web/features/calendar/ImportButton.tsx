// Import a year's holiday file (holiday-cn format): the server checks it and names every bad row.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { isApiError, call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { calendarApi } from '../../../common/calendar.api.ts';

export function ImportButton({ onImported }: { onImported: (year: number) => void }) {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const fb = useFeedback();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (file: unknown) => call(calendarApi.importYear, { body: { file } }),
    onSuccess: async (r) => {
      fb.ok(t('已导入 {year} 年节假日安排，共 {n} 条', { year: r.year, n: r.entries }));
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      onImported(r.year);
    },
    onError: (e) => {
      if (!isApiError(e) || !e.errors.length) return fb.fail(e);
      modal.error({
        title: t('文件未通过校验'),
        width: 560,
        content: (
          <div>
            <p style={{ marginTop: 0 }}>{problemMessage(e, lang)}</p>
            <ul style={{ paddingLeft: 18, maxHeight: 300, overflow: 'auto', margin: 0 }}>
              {e.errors.map((x, i) => (
                <li key={i}>
                  <code>{x.path}</code>：{x.message}
                </li>
              ))}
            </ul>
          </div>
        ),
      });
    },
  });
  return (
    <Upload
      accept=".json,application/json"
      showUploadList={false}
      beforeUpload={async (file) => {
        let json: unknown;
        try {
          json = JSON.parse(await file.text());
        } catch {
          fb.fail(new Error(t('文件不是有效的 JSON')));
          return Upload.LIST_IGNORE;
        }
        m.mutate(json);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<UploadOutlined />} loading={m.isPending}>
        {t('导入节假日文件')}
      </Button>
    </Upload>
  );
}
