import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '../../auth/components/SessionProvider.tsx';
import { LocaleProvider } from '../../i18n/components/LocaleProvider.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import '../app.css';

/** The chainlead web app: language, session, then the pages. */
export function App() {
  return (
    <LocaleProvider>
      <BrowserRouter>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </LocaleProvider>
  );
}
