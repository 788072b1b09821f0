import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireSession } from '../../auth/components/RequireSession.tsx';
import { useSession } from '../../auth/hooks/useSession.ts';
import { ChainScope } from '../../chains/components/ChainScope.tsx';
import { ToChainPage } from '../../chains/components/ToChainPage.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';

// Each page, the login page and the signed-in frame are chunks of their own: the first page
// loads only what it shows (the login page needs no menu, the registry no charts).
const LoginPage = lazy(() =>
  import('../../auth/components/LoginPage.tsx').then((m) => ({ default: m.LoginPage })),
);
const AppLayout = lazy(() => import('./AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() =>
  import('../../ui/components/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })),
);
const EnterprisesPage = lazy(() =>
  import('../../enterprises/components/EnterprisesPage.tsx').then((m) => ({
    default: m.EnterprisesPage,
  })),
);
const EnterprisePage = lazy(() =>
  import('../../enterprises/components/EnterprisePage.tsx').then((m) => ({
    default: m.EnterprisePage,
  })),
);
const DuplicatesPage = lazy(() =>
  import('../../enterprises/components/DuplicatesPage.tsx').then((m) => ({
    default: m.DuplicatesPage,
  })),
);
const ImportsPage = lazy(() =>
  import('../../imports/components/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })),
);
const ParksPage = lazy(() =>
  import('../../parks/components/ParksPage.tsx').then((m) => ({ default: m.ParksPage })),
);
const ParkPage = lazy(() =>
  import('../../parks/components/ParkPage.tsx').then((m) => ({ default: m.ParkPage })),
);
const AnalysisPage = lazy(() =>
  import('../../analysis/components/AnalysisPage.tsx').then((m) => ({ default: m.AnalysisPage })),
);
const CockpitPage = lazy(() =>
  import('../../cockpit/components/CockpitPage.tsx').then((m) => ({ default: m.CockpitPage })),
);
const ChainMapPage = lazy(() =>
  import('../../chainmap/components/ChainMapPage.tsx').then((m) => ({ default: m.ChainMapPage })),
);
const DistrictMapPage = lazy(() =>
  import('../../maps/components/DistrictMapPage.tsx').then((m) => ({
    default: m.DistrictMapPage,
  })),
);
const ReportsPage = lazy(() =>
  import('../../reports/components/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
);
const CandidatesPage = lazy(() =>
  import('../../investment/components/CandidatesPage.tsx').then((m) => ({
    default: m.CandidatesPage,
  })),
);
const KanbanPage = lazy(() =>
  import('../../investment/components/KanbanPage.tsx').then((m) => ({ default: m.KanbanPage })),
);
const RoadToTargetPage = lazy(() =>
  import('../../investment/components/RoadToTargetPage.tsx').then((m) => ({
    default: m.RoadToTargetPage,
  })),
);
const ProblemsPage = lazy(() =>
  import('../../problems/components/ProblemsPage.tsx').then((m) => ({ default: m.ProblemsPage })),
);
const ProblemPage = lazy(() =>
  import('../../problems/components/ProblemPage.tsx').then((m) => ({ default: m.ProblemPage })),
);
const WorkbenchPage = lazy(() =>
  import('../../problems/components/WorkbenchPage.tsx').then((m) => ({
    default: m.WorkbenchPage,
  })),
);
const ServicePage = lazy(() =>
  import('../../problems/components/ServicePage.tsx').then((m) => ({ default: m.ServicePage })),
);

const ChainMastersPage = lazy(() =>
  import('../../ecology/components/ChainMastersPage.tsx').then((m) => ({
    default: m.ChainMastersPage,
  })),
);
const ChainMasterPage = lazy(() =>
  import('../../ecology/components/ChainMasterPage.tsx').then((m) => ({
    default: m.ChainMasterPage,
  })),
);

const PlatformsPage = lazy(() =>
  import('../../ecology/components/PlatformsPage.tsx').then((m) => ({
    default: m.PlatformsPage,
  })),
);
const PlatformPage = lazy(() =>
  import('../../ecology/components/PlatformPage.tsx').then((m) => ({
    default: m.PlatformPage,
  })),
);
const MatchmakingPage = lazy(() =>
  import('../../ecology/components/MatchmakingPage.tsx').then((m) => ({
    default: m.MatchmakingPage,
  })),
);
const OverviewPage = lazy(() =>
  import('../../overview/components/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })),
);

/** The landing page: the chain's cockpit, but an enterprise user sees only its service page. */
function Home() {
  const { user } = useSession();
  return user?.role === 'firm' ? <Navigate to="/service" replace /> : <ToChainPage />;
}

/** The chain pages' older flat addresses, taken to the chain in view (see ToChainPage). */
const FLAT_CHAIN_PAGES = [
  'chain-map',
  'districts',
  'reports',
  'enterprises',
  'analysis/*',
  'investment/*',
  'problems',
  'leader',
  'scorecard',
  'chain-masters',
  'matchmaking',
  'platforms',
];
const LeaderPage = lazy(() =>
  import('../../leadership/components/LeaderPage.tsx').then((m) => ({ default: m.LeaderPage })),
);
const SupervisionPage = lazy(() =>
  import('../../leadership/components/SupervisionPage.tsx').then((m) => ({
    default: m.SupervisionPage,
  })),
);
const ScorecardPage = lazy(() =>
  import('../../leadership/components/ScorecardPage.tsx').then((m) => ({
    default: m.ScorecardPage,
  })),
);
const AdminDepartmentsPage = lazy(() =>
  import('../../admin/components/AdminDepartmentsPage.tsx').then((m) => ({
    default: m.AdminDepartmentsPage,
  })),
);
const AdminCalendarPage = lazy(() =>
  import('../../admin/components/AdminCalendarPage.tsx').then((m) => ({
    default: m.AdminCalendarPage,
  })),
);
const AdminUsersPage = lazy(() =>
  import('../../admin/components/AdminUsersPage.tsx').then((m) => ({
    default: m.AdminUsersPage,
  })),
);
const AdminLeadersPage = lazy(() =>
  import('../../admin/components/AdminLeadersPage.tsx').then((m) => ({
    default: m.AdminLeadersPage,
  })),
);
const AdminSettingsPage = lazy(() =>
  import('../../admin/components/AdminSettingsPage.tsx').then((m) => ({
    default: m.AdminSettingsPage,
  })),
);
const AdminTemplatesPage = lazy(() =>
  import('../../admin/components/AdminTemplatesPage.tsx').then((m) => ({
    default: m.AdminTemplatesPage,
  })),
);
const AdminTargetsPage = lazy(() =>
  import('../../admin/components/AdminTargetsPage.tsx').then((m) => ({
    default: m.AdminTargetsPage,
  })),
);
const AdminMapsPage = lazy(() =>
  import('../../admin/components/AdminMapsPage.tsx').then((m) => ({ default: m.AdminMapsPage })),
);
const AdminAuditPage = lazy(() =>
  import('../../admin/components/AdminAuditPage.tsx').then((m) => ({ default: m.AdminAuditPage })),
);

/** The app's addresses; everything but /login needs a session. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          {/* Every chain page names its chain first, so a link shows the same chain. */}
          <Route path="chains/:chain" element={<ChainScope />}>
            <Route index element={<CockpitPage />} />
            <Route path="map" element={<ChainMapPage />} />
            <Route path="districts" element={<DistrictMapPage />} />
            <Route path="reports" element={<ReportsPage />} />
            <Route path="enterprises" element={<EnterprisesPage />} />
            <Route path="analysis/*" element={<AnalysisPage />} />
            <Route path="investment/candidates" element={<CandidatesPage />} />
            <Route path="investment/projects" element={<KanbanPage />} />
            <Route path="investment/road" element={<RoadToTargetPage />} />
            <Route path="problems" element={<ProblemsPage />} />
            <Route path="leader" element={<LeaderPage />} />
            <Route path="scorecard" element={<ScorecardPage />} />
            <Route path="chain-masters" element={<ChainMastersPage />} />
            <Route path="chain-masters/:id" element={<ChainMasterPage />} />
            <Route path="matchmaking" element={<MatchmakingPage />} />
            <Route path="platforms" element={<PlatformsPage />} />
            <Route path="platforms/:id" element={<PlatformPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          {FLAT_CHAIN_PAGES.map((path) => (
            <Route key={path} path={path} element={<ToChainPage />} />
          ))}
          <Route path="overview" element={<OverviewPage />} />
          <Route path="enterprises/:id" element={<EnterprisePage />} />
          <Route path="duplicates" element={<DuplicatesPage />} />
          <Route path="imports" element={<ImportsPage />} />
          <Route path="parks" element={<ParksPage />} />
          <Route path="parks/:id" element={<ParkPage />} />
          <Route path="problems/:id" element={<ProblemPage />} />
          <Route path="workbench" element={<WorkbenchPage />} />
          <Route path="service" element={<ServicePage />} />
          <Route path="leader/supervision/:id" element={<SupervisionPage />} />
          <Route path="admin/departments" element={<AdminDepartmentsPage />} />
          <Route path="admin/calendar" element={<AdminCalendarPage />} />
          <Route path="admin/users" element={<AdminUsersPage />} />
          <Route path="admin/targets" element={<AdminTargetsPage />} />
          <Route path="admin/templates" element={<AdminTemplatesPage />} />
          <Route path="admin/leaders" element={<AdminLeadersPage />} />
          <Route path="admin/settings" element={<AdminSettingsPage />} />
          <Route path="admin/audit" element={<AdminAuditPage />} />
          <Route path="admin/maps" element={<AdminMapsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
