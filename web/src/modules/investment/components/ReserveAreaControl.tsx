import type { Reservation } from '@shared/api/projects.ts';
import type { SpaceKind } from '@shared/api/parks.ts';
import { Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { apiRequest } from '../../api/utils/apiRequest.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../hooks/useAction.ts';

/** Reserve an area of one kind in a park for a project, spread by the server over free units. */
export function ReserveAreaControl({
  projectId,
  parkId,
  kind,
  onReserved,
}: {
  projectId: number;
  parkId: number;
  kind: SpaceKind;
  onReserved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [area, setArea] = useState<number | null>(100);
  const reserve = async () => {
    if (!area) return;
    const made = await action.run(() =>
      apiRequest<{ items: Reservation[] }>('POST', `/api/projects/${projectId}/reservations`, {
        parkId,
        kind,
        areaM2: area,
      }),
    );
    if (made) onReserved();
  };
  return (
    <Space.Compact size="small">
      <InputNumber
        size="small"
        min={1}
        value={area}
        onChange={setArea}
        suffix="m²"
        style={{ width: 130 }}
      />
      <Button
        size="small"
        type="primary"
        loading={action.busy}
        onClick={() => void reserve()}
        data-testid="park-reserve"
      >
        {t('invest.space.reserve')}
      </Button>
    </Space.Compact>
  );
}
