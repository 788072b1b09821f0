import type { NeedKind } from '@shared/api/needs.ts';
import { Alert, Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useAction } from '../../ui/hooks/useAction.ts';
import { MatchesDrawer } from './MatchesDrawer.tsx';
import { NeedFormModal } from './NeedFormModal.tsx';
import { NeedTable } from './NeedTable.tsx';
import '../matchmaking.css';

/** 供需对接: needs and offers of the chain's enterprises, proposed matches and their outcomes. */
export function MatchmakingPage() {
  const { t } = useI18n();
  const chainCode = useChainCode();
  const { user } = useSession();
  const canWrite = useCan('need:write');
  const isFirm = user?.role === 'firm';
  const [tab, setTab] = useState<NeedKind>('need');
  const [publishing, setPublishing] = useState<NeedKind | null>(null);
  const [matchesOf, setMatchesOf] = useState<number | null>(null);
  const closeNeed = useAction();
  const query = { pageSize: 500 };
  const needs = useApiQuery(
    chainCode
      ? apiGet('/chains/{code}/needs', { params: { path: { code: chainCode }, query } })
      : null,
  );
  const offers = useApiQuery(
    chainCode
      ? apiGet('/chains/{code}/offers', { params: { path: { code: chainCode }, query } })
      : null,
  );
  if (!chainCode) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  // A firm follows the proposals of its own needs; the office and the chain's readers all needs.
  const followable = (own: boolean) => !isFirm || own;
  const list = tab === 'need' ? needs : offers;
  return (
    <div data-testid="match-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 0 }}>
            {t('match.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('match.subtitle')}</Typography.Text>
        </div>
        {canWrite && (
          <Space>
            <Button type="primary" onClick={() => setPublishing('need')} data-testid="publish-need">
              {t('match.publishNeed')}
            </Button>
            <Button onClick={() => setPublishing('offer')} data-testid="publish-offer">
              {t('match.publishOffer')}
            </Button>
          </Space>
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === 'offer' ? 'offer' : 'need')}
        items={[
          { key: 'need', label: `${t('match.tab.needs')} (${needs.data?.total ?? '…'})` },
          { key: 'offer', label: `${t('match.tab.offers')} (${offers.data?.total ?? '…'})` },
        ]}
      />
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      <NeedTable
        items={list.data?.items ?? []}
        loading={list.loading && !list.data}
        testId={tab === 'need' ? 'needs-table' : 'offers-table'}
        canFollow={(need) => followable(need.own)}
        onMatches={tab === 'need' ? (need) => setMatchesOf(need.id) : undefined}
        onCloseNeed={(need) =>
          canWrite && (need.own || !isFirm)
            ? () =>
                void closeNeed.run(async () => {
                  const params = { params: { path: { code: chainCode, id: need.id } } };
                  const body = { status: 'closed' as const };
                  const done =
                    need.kind === 'need'
                      ? await api.PATCH('/chains/{code}/needs/{id}', { ...params, body })
                      : await api.PATCH('/chains/{code}/offers/{id}', { ...params, body });
                  list.reload();
                  return done;
                })
            : null
        }
      />
      <NeedFormModal
        open={publishing !== null}
        kind={publishing ?? 'need'}
        chainCode={chainCode}
        forFirm={isFirm}
        onClose={() => setPublishing(null)}
        onSaved={() => {
          const kind = publishing;
          setPublishing(null);
          if (kind === 'offer') {
            offers.reload();
            setTab('offer');
          } else {
            needs.reload();
            setTab('need');
          }
        }}
      />
      <MatchesDrawer
        chainCode={chainCode}
        needId={matchesOf}
        onClose={() => setMatchesOf(null)}
        onChanged={needs.reload}
      />
    </div>
  );
}
