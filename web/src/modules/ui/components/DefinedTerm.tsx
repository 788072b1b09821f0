import { QuestionCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';

/** A label whose definition is a hover away (a question mark with a tooltip). */
export function DefinedTerm({ label, definition }: { label: string; definition: string }) {
  return (
    <span className="defined-term">
      {label}{' '}
      <Tooltip title={definition}>
        <QuestionCircleOutlined
          aria-label={definition}
          data-testid="term-definition"
          style={{ color: '#8c8c8c', cursor: 'help' }}
        />
      </Tooltip>
    </span>
  );
}
