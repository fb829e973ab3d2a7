import { Suspense, lazy } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from './components/Loading';
import { AppLayout } from './components/AppLayout';
import { AuthGate } from './components/Session';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { LoginPage } from './pages/auth/LoginPage';
import { SetPasswordPage } from './pages/auth/SetPasswordPage';
import { NotFoundPage } from './pages/NotFoundPage';

// One chunk per screen: the login page does not load the import screen.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })));
const InvoicesPage = lazy(() => import('./pages/invoices/InvoicesPage').then((module) => ({ default: module.InvoicesPage })));
const DebtorsPage = lazy(() => import('./pages/debtors/DebtorsPage').then((module) => ({ default: module.DebtorsPage })));
const DebtorPage = lazy(() => import('./pages/debtors/DebtorPage').then((module) => ({ default: module.DebtorPage })));
const RecoveryPage = lazy(() => import('./pages/recovery/RecoveryPage').then((module) => ({ default: module.RecoveryPage })));
const CasesPage = lazy(() => import('./pages/recovery/CasesPage').then((module) => ({ default: module.CasesPage })));
const CasePage = lazy(() => import('./pages/recovery/CasePage').then((module) => ({ default: module.CasePage })));
const CampaignsPage = lazy(() => import('./pages/recovery/campaigns/CampaignsPage').then((module) => ({ default: module.CampaignsPage })));
const CampaignPage = lazy(() => import('./pages/recovery/campaigns/CampaignPage').then((module) => ({ default: module.CampaignPage })));
const ScenariosPage = lazy(() => import('./pages/recovery/ScenariosPage').then((module) => ({ default: module.ScenariosPage })));
const ImportPage = lazy(() => import('./pages/import/ImportPage').then((module) => ({ default: module.ImportPage })));
const CalculatorPage = lazy(() => import('./pages/calculator/CalculatorPage').then((module) => ({ default: module.CalculatorPage })));
const LetterTemplatesPage = lazy(() =>
  import('./pages/letters/LetterTemplatesPage').then((module) => ({ default: module.LetterTemplatesPage })),
);
const LettersToSendPage = lazy(() => import('./pages/letters/LettersToSendPage').then((module) => ({ default: module.LettersToSendPage })));
const AgencyProfilePage = lazy(() =>
  import('./pages/settings/AgencyProfilePage').then((module) => ({ default: module.AgencyProfilePage })),
);
const CreditorsPage = lazy(() => import('./pages/creditors/CreditorsPage').then((module) => ({ default: module.CreditorsPage })));
const CreditorPage = lazy(() => import('./pages/creditors/CreditorPage').then((module) => ({ default: module.CreditorPage })));
const RatesPage = lazy(() => import('./pages/settings/RatesPage').then((module) => ({ default: module.RatesPage })));

/** Path-based routes: the API serves index.html for any non-/api path. */
export function App() {
  return (
    <Switch>
      <Route path="/login" component={LoginPage} />
      <Route path="/forgot-password" component={ForgotPasswordPage} />
      <Route path="/reset-password">
        <SetPasswordPage mode="reset" />
      </Route>
      <Route path="/invitation">
        <SetPasswordPage mode="invitation" />
      </Route>
      <Route>
        <AuthGate>
          <AppLayout>
            <Suspense fallback={<Loading />}>
              <Switch>
                <Route path="/" component={DashboardPage} />
                <Route path="/invoices" component={InvoicesPage} />
                <Route path="/debtors" component={DebtorsPage} />
                <Route path="/debtors/:id">{(params) => <DebtorPage key={params.id} id={params.id} />}</Route>
                <Route path="/recovery" component={RecoveryPage} />
                <Route path="/recovery/cases" component={CasesPage} />
                <Route path="/recovery/cases/:id">{(params) => <CasePage key={params.id} id={params.id} />}</Route>
                <Route path="/recovery/scenarios" component={ScenariosPage} />
                <Route path="/recovery/campaigns" component={CampaignsPage} />
                <Route path="/recovery/campaigns/:id">{(params) => <CampaignPage key={params.id} id={params.id} />}</Route>
                <Route path="/recovery/letters" component={LettersToSendPage} />
                <Route path="/import" component={ImportPage} />
                <Route path="/calculator" component={CalculatorPage} />
                <Route path="/settings/rates" component={RatesPage} />
                <Route path="/settings/letters" component={LetterTemplatesPage} />
                <Route path="/settings/agency" component={AgencyProfilePage} />
                <Route path="/settings/creditors" component={CreditorsPage} />
                <Route path="/settings/creditors/:id">{(params) => <CreditorPage key={params.id} id={params.id} />}</Route>
                <Route component={NotFoundPage} />
              </Switch>
            </Suspense>
          </AppLayout>
        </AuthGate>
      </Route>
    </Switch>
  );
}
