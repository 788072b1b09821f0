import type { SpaceKind } from '@shared/api/parks.ts';
import { Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../hooks/useAction.ts';

/**
 * Where a reservation goes: one unit (the server refuses more than it has free), or an area of
 * one kind in a park, which the server spreads over free units.
 */
export type ReservePlace = { spaceId: number } | { parkId: number; kind: SpaceKind };

/** An area and a reserve button for a project: the same control for a unit or a park's kind. */
export function ReserveSpaceControl({
  projectId,
  place,
  suggestedM2,
  testIds,
  onReserved,
}: {
  projectId: number;
  place: ReservePlace;
  suggestedM2: number;
  testIds: { area?: string; button: string };
  onReserved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [area, setArea] = useState<number | null>(suggestedM2);
  const reserve = async () => {
    // A unit without an area is reserved whole; a park's kind needs the area.
    const body =
      'spaceId' in place
        ? { ...place, ...(area ? { areaM2: area } : {}) }
        : area
          ? { ...place, areaM2: area }
          : null;
    if (body === null) return;
    const made = await action.run(() =>
      api.POST('/projects/{id}/reservations', { params: { path: { id: projectId } }, body }),
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
        data-testid={testIds.area}
      />
      <Button
        size="small"
        type="primary"
        loading={action.busy}
        onClick={() => void reserve()}
        data-testid={testIds.button}
      >
        {t('invest.space.reserve')}
      </Button>
    </Space.Compact>
  );
}
