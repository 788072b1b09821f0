import '../leadership.css';
import { Space, Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useLeaderScope } from '../hooks/useLeaderScope.ts';
import { useUrlFilters } from '../hooks/useUrlFilters.ts';
import { ActivitiesTab } from './ActivitiesTab.tsx';
import { LeadershipBanner } from './LeadershipBanner.tsx';
import { SharedProblemsTab } from './SharedProblemsTab.tsx';
import { SupervisionTab } from './SupervisionTab.tsx';

const TABS = ['activities', 'supervision', 'shared'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | undefined): value is Tab =>
  (TABS as readonly string[]).includes(value ?? '');

/** 链长工作: the chain leader at the top; visits and meetings, 督办 items and 共性问题 as tabs. */
export function LeaderPage() {
  const { t } = useI18n();
  const { chainCode, regionCode } = useLeaderScope();
  const filters = useUrlFilters();
  const requested = filters.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'activities';
  if (!chainCode) return <PageSpinner />;
  const scope = { chainCode, regionCode };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Typography.Title level={3}>{t('leader.title')}</Typography.Title>
      </div>
      <LeadershipBanner {...scope} />
      <Tabs
        activeKey={tab}
        // A new tab starts with its own filters: only the chain and region carry over.
        onChange={(key) =>
          filters.set({
            tab: key,
            kind: undefined,
            from: undefined,
            to: undefined,
            state: undefined,
            dueFrom: undefined,
            dueTo: undefined,
            department: undefined,
          })
        }
        items={[
          {
            key: 'activities',
            label: <span data-testid="tab-activities">{t('leader.tab.activities')}</span>,
            children: <ActivitiesTab {...scope} />,
          },
          {
            key: 'supervision',
            label: <span data-testid="tab-supervision">{t('leader.tab.supervision')}</span>,
            children: <SupervisionTab {...scope} />,
          },
          {
            key: 'shared',
            label: <span data-testid="tab-shared">{t('leader.tab.shared')}</span>,
            children: <SharedProblemsTab {...scope} />,
          },
        ]}
      />
    </Space>
  );
}
