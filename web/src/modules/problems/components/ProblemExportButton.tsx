import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { apiUrl } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { ProblemQuery } from '../hooks/useProblemFilters.ts';

/**
 * 问题清单: the chain's problems in the home region as a workbook, for the receipt dates chosen
 * (both ends) or else the current year.
 */
export function ProblemExportButton({ query }: { query: ProblemQuery }) {
  const { t, locale } = useI18n();
  const { chain } = useChain();
  const region = useHomeRegion();
  const period =
    query.receivedFrom && query.receivedTo
      ? { from: query.receivedFrom, to: query.receivedTo }
      : {};
  if (!chain || !region) return null;
  return (
    <Tooltip title={t('problems.exportHint')}>
      <Button
        icon={<DownloadOutlined />}
        href={apiUrl('/problems/export', {
          query: {
            chain: chain.code,
            region,
            ...period,
            lang: locale === 'en' ? 'en' : 'zh',
          },
        })}
        data-testid="problem-export"
      >
        {t('problems.export')}
      </Button>
    </Tooltip>
  );
}
