// Excel import of assets (issue 4 point 9): template download, upload with a progress bar, then
// either the count created or the table of every error by row and column (nothing written).
import { ExcelImportModal } from '../../components/ExcelImportModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { assetsApi } from '../../../common/assets.api.ts';

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ExcelImportModal
      open={open}
      onClose={onClose}
      title={t('导入资产')}
      hint={t('先校验全部行：有任何错误则逐行逐列列出且不写入任何数据；无误则一次全部写入，资产编号按规则自动生成。')}
      template={assetsApi.importTemplate}
      upload={assetsApi.import}
      queryKey={['assets']}
      done={(r) => t('已导入 {n} 项资产', { n: r.created })}
    />
  );
}
