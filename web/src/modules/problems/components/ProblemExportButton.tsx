import { DownloadOutlined } from '@ant-design/icons';
import { mayIncludePersonalData } from '@shared/personal-data.ts';
import { Button, Space, Tooltip } from 'antd';
import { apiUrl } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { ProblemQuery } from '../hooks/useProblemFilters.ts';

/**
 * 问题清单: the chain's problems in the home region as a workbook, for the receipt dates chosen
 * (both ends) or else the current year. Contacts come masked; roles that see them whole get a
 * second button for the list with contacts, which the server records in the audit log.
 */
export function ProblemExportButton({ query }: { query: ProblemQuery }) {
  const { t, locale } = useI18n();
  const { chain } = useChain();
  const { user } = useSession();
  const region = useHomeRegion();
  const period =
    query.receivedFrom && query.receivedTo
      ? { from: query.receivedFrom, to: query.receivedTo }
      : {};
  if (!chain || !region) return null;
  const href = (includePersonalData: boolean) =>
    apiUrl('/problems/export', {
      query: {
        chain: chain.code,
        region,
        ...period,
        lang: locale === 'en' ? 'en' : 'zh',
        ...(includePersonalData && { includePersonalData: 'true' as const }),
      },
    });
  return (
    <Space.Compact>
      <Tooltip title={t('problems.exportHint')}>
        <Button icon={<DownloadOutlined />} href={href(false)} data-testid="problem-export">
          {t('problems.export')}
        </Button>
      </Tooltip>
      {user && mayIncludePersonalData(user.role) && (
        <Tooltip title={t('problems.exportWithContactsHint')}>
          <Button href={href(true)} data-testid="problem-export-contacts">
            {t('problems.exportWithContacts')}
          </Button>
        </Tooltip>
      )}
    </Space.Compact>
  );
}
