import type { Reservation } from '@shared/api/projects.ts';
import { Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { apiRequest } from '../../api/utils/apiRequest.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../hooks/useAction.ts';

/** Reserve an area of one unit for a project; the server refuses more than is free. */
export function ReserveUnitControl({
  projectId,
  spaceId,
  suggestedM2,
  onReserved,
}: {
  projectId: number;
  spaceId: number;
  suggestedM2: number;
  onReserved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [area, setArea] = useState<number | null>(suggestedM2);
  const reserve = async () => {
    const made = await action.run(() =>
      apiRequest<{ items: Reservation[] }>('POST', `/api/projects/${projectId}/reservations`, {
        spaceId,
        ...(area ? { areaM2: area } : {}),
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
        style={{ width: 140 }}
        data-testid="reserve-area"
      />
      <Button
        size="small"
        type="primary"
        loading={action.busy}
        onClick={() => void reserve()}
        data-testid="reserve"
      >
        {t('invest.space.reserve')}
      </Button>
    </Space.Compact>
  );
}
