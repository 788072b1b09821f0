import { Spin } from 'antd';

/** A centred spinner while a page or the session loads. */
export function PageSpinner() {
  return (
    <div className="page-spinner">
      <Spin size="large" />
    </div>
  );
}
