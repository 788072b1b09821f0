import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import type { BoundaryProblemView } from '@shared/api/maps.ts';
import { BOUNDARY_FILE_PROBLEMS, type BoundaryFileProblem } from '@shared/boundary-problems.ts';
import { formatDateTime } from '@shared/format.ts';
import type { UploadFile } from 'antd';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, apiGet, asFormData } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { DataText, Phrase } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useAction } from '../../ui/hooks/useAction.ts';
import { regionSelectOptions } from '../../chains/utils/regionOptions.ts';

/** The GeoJSON words of the upload hint: the format's own terms, shown as code. */
const HINT_TERMS = {
  collection: 'FeatureCollection',
  polygon: 'Polygon',
  multi: 'MultiPolygon',
  code: 'code',
  adcode: 'adcode',
  name: 'name',
};

interface Refusal {
  problem?: BoundaryFileProblem;
  features?: BoundaryProblemView[];
}

const refusalOf = (error: ApiError): Refusal => {
  const details = error.details as Refusal | undefined;
  return {
    problem: BOUNDARY_FILE_PROBLEMS.find((p) => p === details?.problem),
    features: Array.isArray(details?.features) ? details.features : [],
  };
};

/**
 * 区县边界: the admin uploads the office's own approved district boundaries (GeoJSON) for a
 * region; every feature that matches no district is listed. chainlead ships none.
 */
export function AdminMapsPage() {
  const { t, locale } = useI18n();
  const homeRegion = useHomeRegion();
  const [chosen, setChosen] = useState<string | null>(null);
  // A city: the home region's own city when the home region is a district.
  const region = chosen ?? homeRegion.slice(0, 4);
  const cities = useApiQuery(
    apiGet('/regions', { params: { query: { parent: region.slice(0, 2) } } }),
  );
  const summary = useApiQuery(
    apiGet('/regions/{code}/boundaries', { params: { path: { code: region } } }),
  );
  const [file, setFile] = useState<UploadFile | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = useAction();
  const uploaded = summary.data?.upload;

  const upload = async () => {
    if (!file?.originFileObj) return;
    setBusy(true);
    setFailure(null);
    try {
      const stored = await api.PUT('/regions/{code}/boundaries', {
        params: { path: { code: region } },
        body: { file: file.originFileObj },
        bodySerializer: asFormData,
      });
      summary.setData(stored);
      setFile(null);
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError(0, 'INTERNAL', String(caught)));
    } finally {
      setBusy(false);
    }
  };
  const refusal = failure ? refusalOf(failure) : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('mapAdmin.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {/* 审图号, the map-approval number, is the Chinese term in either language. */}
            <Phrase
              text={t('mapAdmin.subtitle')}
              slots={{ approval: <span lang="zh-CN">审图号</span> }}
            />
          </Typography.Text>
        </div>
        <Select
          value={region}
          onChange={(code: string) => {
            setChosen(code);
            setFailure(null);
          }}
          options={regionSelectOptions(cities.data?.items ?? [], undefined, locale)}
          style={{ minWidth: 160 }}
          showSearch
          optionFilterProp="search"
          aria-label={t('mapAdmin.region')}
          labelRender={(p) => <DataText>{p.label}</DataText>}
          data-testid="boundary-region"
        />
      </div>
      <Card title={t('mapAdmin.uploaded')} data-testid="boundary-summary">
        {summary.error ? (
          <ApiErrorAlert error={summary.error} onRetry={summary.reload} />
        ) : summary.data && !uploaded ? (
          <Typography.Text type="secondary" data-testid="boundary-none">
            {t('mapAdmin.none')}
          </Typography.Text>
        ) : uploaded ? (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('mapAdmin.file')}>
              <DataText>{uploaded.fileName}</DataText>
            </Descriptions.Item>
            <Descriptions.Item label={t('mapAdmin.when')}>
              {formatDateTime(uploaded.uploadedAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mapAdmin.by')}>
              {uploaded.uploadedBy ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('mapAdmin.drawn')}>
              <span data-testid="boundary-drawn">
                {uploaded.districts.map((d) => (
                  <Tag key={d.code} color="blue">
                    <DataText>{d.name}</DataText>
                  </Tag>
                ))}
              </span>
            </Descriptions.Item>
            {uploaded.missing.length > 0 && (
              <Descriptions.Item label={t('mapAdmin.missing')}>
                {uploaded.missing.map((d) => (
                  <Tag key={d.code}>
                    <DataText>{d.name}</DataText>
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : null}
        {uploaded && (
          <Popconfirm
            title={t('mapAdmin.removeConfirm')}
            onConfirm={() =>
              void remove.run(async () => {
                await api.DELETE('/regions/{code}/boundaries', {
                  params: { path: { code: region } },
                });
                summary.reload();
              })
            }
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.busy}>
              {t('mapAdmin.remove')}
            </Button>
          </Popconfirm>
        )}
      </Card>
      <Card>
        <Upload.Dragger
          accept=".geojson,.json"
          maxCount={1}
          fileList={file ? [file] : []}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFile(fileList.at(-1) ?? null)}
          data-testid="boundary-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('mapAdmin.drop')}</p>
          <p className="ant-upload-hint">
            <Phrase
              text={t('mapAdmin.dropHint')}
              slots={Object.fromEntries(
                Object.entries(HINT_TERMS).map(([slot, term]) => [
                  slot,
                  <code key={slot}>{term}</code>,
                ]),
              )}
            />
          </p>
        </Upload.Dragger>
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          disabled={!file}
          loading={busy}
          onClick={() => void upload()}
          data-testid="boundary-upload"
        >
          {t('mapAdmin.upload')}
        </Button>
      </Card>
      {failure && refusal && (
        <Card title={t('mapAdmin.refused')} data-testid="boundary-refused">
          <Alert
            type="error"
            showIcon
            message={
              refusal.problem
                ? t(`mapAdmin.problem.${refusal.problem}`)
                : errorText(failure, locale)
            }
            style={{ marginBottom: refusal.features?.length ? 16 : 0 }}
          />
          {(refusal.features?.length ?? 0) > 0 && (
            <Table<BoundaryProblemView>
              rowKey="index"
              size="small"
              pagination={false}
              dataSource={refusal.features}
              data-testid="boundary-problems"
              columns={[
                { key: 'index', title: t('mapAdmin.feature'), dataIndex: 'index' },
                {
                  key: 'name',
                  title: t('mapAdmin.featureName'),
                  render: (_, p) => <DataText>{p.name || '—'}</DataText>,
                },
                {
                  key: 'reason',
                  title: t('mapAdmin.reason'),
                  render: (_, p) => t(`mapAdmin.reason.${p.reason}`),
                },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
