import { Space, Typography } from 'antd';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { CategoriesCard } from './CategoriesCard.tsx';
import { DepartmentsCard } from './DepartmentsCard.tsx';

/** 部门与类别: the departments (department:manage) and problem categories (problem:manage). */
export function AdminDepartmentsPage() {
  const { t } = useI18n();
  const canDepartments = useCan('department:manage');
  const canCategories = useCan('problem:manage');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Typography.Title level={3}>{t('admin.departments.page')}</Typography.Title>
      </div>
      {canDepartments && <DepartmentsCard />}
      {canCategories && <CategoriesCard />}
    </Space>
  );
}
