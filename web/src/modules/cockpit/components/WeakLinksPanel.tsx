import type { ChainAnalysis } from '@shared/api/analysis.ts';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { langOf } from '../../i18n/utils/langOf.ts';
import { weakestLinks } from '../utils/weakestLinks.ts';

const STATUS_COLOR = { strong: 'green', weak: 'orange', missing: 'red' } as const;

/** Node status counts and the weakest links, each with the reasons the analysis gives. */
export function WeakLinksPanel({ analysis, limit }: { analysis: ChainAnalysis; limit: number }) {
  const { t, locale } = useI18n();
  const lang = langOf(locale);
  const links = weakestLinks(analysis.nodes, limit);
  return (
    <div className="cockpit-links">
      <div className="cockpit-status-counts" data-testid="status-counts">
        {(['strong', 'weak', 'missing'] as const).map((status) => (
          <div key={status} className={`cockpit-status cockpit-status-${status}`}>
            <span className="cockpit-status-value">{analysis.statusCounts[status]}</span>
            <span className="cockpit-status-label">{t(`cockpit.status.${status}`)}</span>
          </div>
        ))}
      </div>
      <ol className="cockpit-weak-list" data-testid="weak-links">
        {links.map((node) => (
          <li key={node.code}>
            <div className="cockpit-weak-head">
              <span className="cockpit-weak-name">{localName(node.name, locale)}</span>
              <Tag color={STATUS_COLOR[node.status]}>{t(`cockpit.status.${node.status}`)}</Tag>
            </div>
            <div className="cockpit-weak-reasons">
              {node.reasons.map((reason) => reason[lang]).join(lang === 'en' ? '; ' : '；')}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
