import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireSession } from '../../auth/components/RequireSession.tsx';
import { useSession } from '../../auth/hooks/useSession.ts';
import { ChainScope } from '../../chains/components/ChainScope.tsx';
import { ToChainPage } from '../../chains/components/ToChainPage.tsx';
import { withMessages } from '../../i18n/utils/messageCatalogue.ts';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';

// Each page area's texts load with its pages (i18n/utils/messageCatalogue.ts), not with the shell.
const adminMessages = () => import('../../i18n/areas/admin.ts');
const analysisMessages = () => import('../../i18n/areas/analysis.ts');
const chainmapMessages = () => import('../../i18n/areas/chainmap.ts');
const cockpitMessages = () => import('../../i18n/areas/cockpit.ts');
const ecologyMessages = () => import('../../i18n/areas/ecology.ts');
const enterprisesMessages = () => import('../../i18n/areas/enterprises.ts');
const importsMessages = () => import('../../i18n/areas/imports.ts');
const investmentMessages = () => import('../../i18n/areas/investment.ts');
const leadershipMessages = () => import('../../i18n/areas/leadership.ts');
const mapsMessages = () => import('../../i18n/areas/maps.ts');
const overviewMessages = () => import('../../i18n/areas/overview.ts');
const parksMessages = () => import('../../i18n/areas/parks.ts');
const problemsMessages = () => import('../../i18n/areas/problems.ts');
const reportsMessages = () => import('../../i18n/areas/reports.ts');

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
  withMessages(
    enterprisesMessages,
    import('../../enterprises/components/EnterprisesPage.tsx'),
  ).then((m) => ({
    default: m.EnterprisesPage,
  })),
);
const EnterprisePage = lazy(() =>
  withMessages(enterprisesMessages, import('../../enterprises/components/EnterprisePage.tsx')).then(
    (m) => ({
      default: m.EnterprisePage,
    }),
  ),
);
const DuplicatesPage = lazy(() =>
  withMessages(enterprisesMessages, import('../../enterprises/components/DuplicatesPage.tsx')).then(
    (m) => ({
      default: m.DuplicatesPage,
    }),
  ),
);
const ImportsPage = lazy(() =>
  withMessages(importsMessages, import('../../imports/components/ImportsPage.tsx')).then((m) => ({
    default: m.ImportsPage,
  })),
);
const ParksPage = lazy(() =>
  withMessages(parksMessages, import('../../parks/components/ParksPage.tsx')).then((m) => ({
    default: m.ParksPage,
  })),
);
const ParkPage = lazy(() =>
  withMessages(parksMessages, import('../../parks/components/ParkPage.tsx')).then((m) => ({
    default: m.ParkPage,
  })),
);
const AnalysisPage = lazy(() =>
  withMessages(analysisMessages, import('../../analysis/components/AnalysisPage.tsx')).then(
    (m) => ({ default: m.AnalysisPage }),
  ),
);
const CockpitPage = lazy(() =>
  withMessages(cockpitMessages, import('../../cockpit/components/CockpitPage.tsx')).then((m) => ({
    default: m.CockpitPage,
  })),
);
const ChainMapPage = lazy(() =>
  withMessages(chainmapMessages, import('../../chainmap/components/ChainMapPage.tsx')).then(
    (m) => ({ default: m.ChainMapPage }),
  ),
);
const DistrictMapPage = lazy(() =>
  withMessages(mapsMessages, import('../../maps/components/DistrictMapPage.tsx')).then((m) => ({
    default: m.DistrictMapPage,
  })),
);
const ReportsPage = lazy(() =>
  withMessages(reportsMessages, import('../../reports/components/ReportsPage.tsx')).then((m) => ({
    default: m.ReportsPage,
  })),
);
const CandidatesPage = lazy(() =>
  withMessages(investmentMessages, import('../../investment/components/CandidatesPage.tsx')).then(
    (m) => ({
      default: m.CandidatesPage,
    }),
  ),
);
const KanbanPage = lazy(() =>
  withMessages(investmentMessages, import('../../investment/components/KanbanPage.tsx')).then(
    (m) => ({ default: m.KanbanPage }),
  ),
);
const RoadToTargetPage = lazy(() =>
  withMessages(investmentMessages, import('../../investment/components/RoadToTargetPage.tsx')).then(
    (m) => ({
      default: m.RoadToTargetPage,
    }),
  ),
);
const ProblemsPage = lazy(() =>
  withMessages(problemsMessages, import('../../problems/components/ProblemsPage.tsx')).then(
    (m) => ({ default: m.ProblemsPage }),
  ),
);
const ProblemPage = lazy(() =>
  withMessages(problemsMessages, import('../../problems/components/ProblemPage.tsx')).then((m) => ({
    default: m.ProblemPage,
  })),
);
const WorkbenchPage = lazy(() =>
  withMessages(problemsMessages, import('../../problems/components/WorkbenchPage.tsx')).then(
    (m) => ({
      default: m.WorkbenchPage,
    }),
  ),
);
const ServicePage = lazy(() =>
  withMessages(problemsMessages, import('../../problems/components/ServicePage.tsx')).then((m) => ({
    default: m.ServicePage,
  })),
);

const ChainMastersPage = lazy(() =>
  withMessages(ecologyMessages, import('../../ecology/components/ChainMastersPage.tsx')).then(
    (m) => ({
      default: m.ChainMastersPage,
    }),
  ),
);
const ChainMasterPage = lazy(() =>
  withMessages(ecologyMessages, import('../../ecology/components/ChainMasterPage.tsx')).then(
    (m) => ({
      default: m.ChainMasterPage,
    }),
  ),
);

const PlatformsPage = lazy(() =>
  withMessages(ecologyMessages, import('../../ecology/components/PlatformsPage.tsx')).then((m) => ({
    default: m.PlatformsPage,
  })),
);
const PlatformPage = lazy(() =>
  withMessages(ecologyMessages, import('../../ecology/components/PlatformPage.tsx')).then((m) => ({
    default: m.PlatformPage,
  })),
);
const MatchmakingPage = lazy(() =>
  withMessages(ecologyMessages, import('../../ecology/components/MatchmakingPage.tsx')).then(
    (m) => ({
      default: m.MatchmakingPage,
    }),
  ),
);
const ExpertsPage = lazy(() =>
  withMessages(ecologyMessages, import('../../ecology/components/ExpertsPage.tsx')).then((m) => ({
    default: m.ExpertsPage,
  })),
);
const EventsPage = lazy(() =>
  withMessages(ecologyMessages, import('../../ecology/components/EventsPage.tsx')).then((m) => ({
    default: m.EventsPage,
  })),
);
const OverviewPage = lazy(() =>
  withMessages(overviewMessages, import('../../overview/components/OverviewPage.tsx')).then(
    (m) => ({ default: m.OverviewPage }),
  ),
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
  'experts',
  'events',
  'platforms',
];
const LeaderPage = lazy(() =>
  withMessages(leadershipMessages, import('../../leadership/components/LeaderPage.tsx')).then(
    (m) => ({ default: m.LeaderPage }),
  ),
);
const SupervisionPage = lazy(() =>
  withMessages(leadershipMessages, import('../../leadership/components/SupervisionPage.tsx')).then(
    (m) => ({
      default: m.SupervisionPage,
    }),
  ),
);
const ScorecardPage = lazy(() =>
  withMessages(leadershipMessages, import('../../leadership/components/ScorecardPage.tsx')).then(
    (m) => ({
      default: m.ScorecardPage,
    }),
  ),
);
const AdminDepartmentsPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminDepartmentsPage.tsx')).then(
    (m) => ({
      default: m.AdminDepartmentsPage,
    }),
  ),
);
const AdminCalendarPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminCalendarPage.tsx')).then((m) => ({
    default: m.AdminCalendarPage,
  })),
);
const AdminUsersPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminUsersPage.tsx')).then((m) => ({
    default: m.AdminUsersPage,
  })),
);
const AdminLeadersPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminLeadersPage.tsx')).then((m) => ({
    default: m.AdminLeadersPage,
  })),
);
const AdminSettingsPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminSettingsPage.tsx')).then((m) => ({
    default: m.AdminSettingsPage,
  })),
);
const AdminTemplatesPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminTemplatesPage.tsx')).then(
    (m) => ({
      default: m.AdminTemplatesPage,
    }),
  ),
);
const AdminTargetsPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminTargetsPage.tsx')).then((m) => ({
    default: m.AdminTargetsPage,
  })),
);
const AdminMapsPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminMapsPage.tsx')).then((m) => ({
    default: m.AdminMapsPage,
  })),
);
const AdminAuditPage = lazy(() =>
  withMessages(adminMessages, import('../../admin/components/AdminAuditPage.tsx')).then((m) => ({
    default: m.AdminAuditPage,
  })),
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
            <Route path="experts" element={<ExpertsPage />} />
            <Route path="events" element={<EventsPage />} />
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
