import {
  AimOutlined,
  CrownOutlined,
  SettingOutlined,
  ApartmentOutlined,
  AuditOutlined,
  FundOutlined,
  GlobalOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  MergeCellsOutlined,
  NodeIndexOutlined,
  ProjectOutlined,
  FlagOutlined,
  BarsOutlined,
  CalendarOutlined,
  ClusterOutlined,
  TeamOutlined,
  ShopOutlined,
  SolutionOutlined,
  TrophyOutlined,
  RiseOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '@shared/permissions.ts';
import { Layout, Menu, Typography } from 'antd';
import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../../auth/hooks/useSession.ts';
import { ChainSwitcher } from '../../chains/components/ChainSwitcher.tsx';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { roleHasPermission } from '@shared/permissions.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { FirmLayout } from './FirmLayout.tsx';
import { HeaderTools } from './HeaderTools.tsx';

// The notice's illustration is heavy: loaded only when a page is refused.
const ForbiddenPage = lazy(() =>
  import('../../ui/components/ForbiddenPage.tsx').then((m) => ({ default: m.ForbiddenPage })),
);

interface Section {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** The permission the entry needs, or a list of which any one will do. */
  permission: Permission | Permission[];
  /** Only these roles see the entry (besides the permission). */
  roles?: Role[];
  /** Sub-pages shown as a sub-menu under this entry. */
  children?: Section[];
  /** A chain page: the link opens it on the chain in view (`/chains/ic/map` for `/chain-map`). */
  chain?: boolean;
}

const SECTIONS: Section[] = [
  {
    path: '/workbench',
    label: 'nav.workbench',
    icon: <ScheduleOutlined />,
    permission: 'problem:act',
    roles: ['department'],
  },
  {
    path: '/',
    label: 'nav.cockpit',
    icon: <DashboardOutlined />,
    permission: 'chain:read',
    chain: true,
  },
  { path: '/overview', label: 'nav.overview', icon: <BarsOutlined />, permission: 'leader:read' },
  {
    path: '/chain-map',
    label: 'nav.chainMap',
    icon: <DeploymentUnitOutlined />,
    permission: 'chain:read',
    chain: true,
  },
  {
    path: '/districts',
    label: 'nav.districtMap',
    icon: <EnvironmentOutlined />,
    permission: 'chain:read',
    chain: true,
  },
  {
    path: '/enterprises',
    label: 'nav.enterprises',
    icon: <DatabaseOutlined />,
    permission: 'enterprise:read',
    chain: true,
  },
  {
    path: '/chain-masters',
    label: 'nav.chainMasters',
    icon: <NodeIndexOutlined />,
    permission: 'enterprise:read',
    chain: true,
  },
  {
    path: '/duplicates',
    label: 'nav.duplicates',
    icon: <MergeCellsOutlined />,
    permission: 'enterprise:read',
  },
  {
    path: '/imports',
    label: 'nav.imports',
    icon: <CloudUploadOutlined />,
    permission: 'enterprise:read',
  },
  {
    path: '/problems',
    label: 'nav.problems',
    icon: <CustomerServiceOutlined />,
    permission: 'problem:read',
    chain: true,
  },
  { path: '/parks', label: 'nav.parks', icon: <ApartmentOutlined />, permission: 'park:read' },
  {
    path: '/analysis',
    label: 'nav.analysis',
    icon: <BarChartOutlined />,
    permission: 'stats:read',
    chain: true,
  },
  {
    path: '/reports',
    label: 'nav.reports',
    icon: <FileTextOutlined />,
    permission: 'chain:read',
    chain: true,
  },
  {
    path: '/leader',
    label: 'nav.leader',
    icon: <FlagOutlined />,
    permission: 'leader:read',
    chain: true,
  },
  {
    path: '/scorecard',
    label: 'nav.scorecard',
    icon: <TrophyOutlined />,
    permission: 'leader:read',
    chain: true,
  },
  {
    path: '/matchmaking',
    label: 'nav.matchmaking',
    icon: <ShopOutlined />,
    permission: 'need:read',
    chain: true,
  },
  {
    path: '/experts',
    label: 'nav.experts',
    icon: <SolutionOutlined />,
    permission: 'expert:read',
    chain: true,
  },
  {
    path: '/events',
    label: 'nav.events',
    icon: <CalendarOutlined />,
    permission: 'event:read',
    chain: true,
  },
  {
    path: '/platforms',
    label: 'nav.platforms',
    icon: <DeploymentUnitOutlined />,
    permission: 'platform:read',
    chain: true,
  },
  {
    path: '/investment',
    label: 'invest.nav',
    icon: null,
    permission: 'project:read',
    children: [
      {
        path: '/investment/candidates',
        chain: true,
        label: 'invest.nav.candidates',
        icon: <AimOutlined />,
        permission: 'project:read',
      },
      {
        path: '/investment/projects',
        chain: true,
        label: 'invest.nav.kanban',
        icon: <ProjectOutlined />,
        permission: 'project:read',
      },
      {
        path: '/investment/road',
        chain: true,
        label: 'invest.nav.road',
        icon: <RiseOutlined />,
        permission: 'project:read',
      },
    ],
  },
  {
    path: '/admin',
    label: 'nav.admin',
    icon: null,
    permission: [
      'department:manage',
      'problem:manage',
      'calendar:manage',
      'user:manage',
      'chain:write',
      'audit:read',
      'template:manage',
      'settings:manage',
      'region:write',
    ],
    children: [
      {
        path: '/admin/departments',
        label: 'nav.admin.departments',
        icon: <ClusterOutlined />,
        permission: ['department:manage', 'problem:manage'],
      },
      {
        path: '/admin/calendar',
        label: 'nav.admin.calendar',
        icon: <CalendarOutlined />,
        permission: 'calendar:manage',
      },
      {
        path: '/admin/users',
        label: 'nav.admin.users',
        icon: <TeamOutlined />,
        permission: ['user:manage', 'firm-account:create'],
      },
      {
        path: '/admin/targets',
        label: 'nav.admin.targets',
        icon: <FundOutlined />,
        permission: 'chain:write',
      },
      {
        path: '/admin/templates',
        label: 'nav.admin.templates',
        icon: <ApartmentOutlined />,
        permission: 'template:manage',
      },
      {
        path: '/admin/leaders',
        label: 'nav.admin.leaders',
        icon: <CrownOutlined />,
        permission: 'settings:manage',
      },
      {
        path: '/admin/settings',
        label: 'nav.admin.settings',
        icon: <SettingOutlined />,
        permission: 'settings:manage',
      },
      {
        path: '/admin/audit',
        label: 'nav.admin.audit',
        icon: <AuditOutlined />,
        permission: 'audit:read',
      },
      {
        path: '/admin/maps',
        label: 'nav.admin.maps',
        icon: <GlobalOutlined />,
        permission: 'region:write',
      },
    ],
  },
];

/** The entries the role may open, sub-pages too; a group left empty is dropped. */
function visibleSections(role: Role): Section[] {
  const allowed = (section: Section) =>
    (Array.isArray(section.permission) ? section.permission : [section.permission]).some((p) =>
      roleHasPermission(role, p),
    ) &&
    (!section.roles || section.roles.includes(role));
  return SECTIONS.filter(allowed)
    .map((section) =>
      section.children ? { ...section, children: section.children.filter(allowed) } : section,
    )
    .filter((section) => !section.children || section.children.length > 0);
}

/**
 * Whether the role may not open the menu page at `pathname` (an address typed or bookmarked): the
 * page is then replaced by one notice instead of half a page of failed requests.
 */
function menuPageDenied(role: Role, pathname: string): boolean {
  const all = SECTIONS.flatMap((section) => [section, ...(section.children ?? [])]);
  const page = all.find((section) => !section.chain && section.path === pathname);
  if (!page) return false;
  const visible = visibleSections(role).flatMap((section) => [
    section,
    ...(section.children ?? []),
  ]);
  return !visible.some((section) => section.path === page.path);
}

/** The frame of every signed-in page: side menu, language switch, the user and sign-out. */
export function AppLayout() {
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const chainPath = useChainPath();
  const sections = user === null || user.role === 'firm' ? [] : visibleSections(user.role);
  const pathOf = (section: Section) => (section.chain ? chainPath(section.path) : section.path);
  // A chain's pages stay on the region in view (苏州 chosen on the cockpit stays 苏州 on the map).
  const region = new URLSearchParams(location.search).get('region');
  const linkOf = (section: Section) =>
    section.chain && region
      ? `${pathOf(section)}?region=${encodeURIComponent(region)}`
      : pathOf(section);
  // The cockpit is the chain's own address: every other section matches its address and below.
  const selected = sections
    .flatMap((s) => [s, ...(s.children ?? [])])
    .filter((s) =>
      s.path === '/'
        ? location.pathname === pathOf(s)
        : `${location.pathname}/`.startsWith(`${pathOf(s)}/`),
    )
    .pop()?.path;
  // The browser tab and history name the page, not only the product.
  const pageLabel = sections
    .flatMap((s) => [s, ...(s.children ?? [])])
    .find((s) => s.path === selected)?.label;
  const pageTitle = pageLabel ? `${t(pageLabel)} · ${t('app.shortTitle')}` : t('app.title');
  useEffect(() => {
    document.title = pageTitle;
  }, [pageTitle]);
  if (user?.role === 'firm') return <FirmLayout />;

  return (
    <Layout className="app-layout">
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={64} theme="dark">
        <Link to="/" className="app-brand">
          <span className="app-brand-mark" lang="zh-CN" aria-hidden>
            链
          </span>
          <span className="app-brand-name">{t('app.shortTitle')}</span>
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={sections.map((section) =>
            section.children
              ? {
                  // A group, not a sub-menu: always open, and no menu nested in the menu.
                  type: 'group' as const,
                  key: section.path,
                  label: t(section.label),
                  children: section.children.map((child) => ({
                    key: child.path,
                    icon: child.icon,
                    label: <Link to={linkOf(child)}>{t(child.label)}</Link>,
                  })),
                }
              : {
                  key: section.path,
                  icon: section.icon,
                  label: <Link to={linkOf(section)}>{t(section.label)}</Link>,
                },
          )}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <div className="app-header-start">
            <Typography.Text strong className="app-header-title">
              {t('app.title')}
            </Typography.Text>
            <ChainSwitcher />
          </div>
          <HeaderTools />
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageSpinner />}>
            {user && menuPageDenied(user.role, location.pathname) ? <ForbiddenPage /> : <Outlet />}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
