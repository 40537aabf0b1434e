import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CampaignPage, CampaignsPage } from './pages/campaigns';
import { CasePage } from './pages/case';
import { CasesPage } from './pages/cases';
import { DashboardPage } from './pages/dashboard';
import { LessonsPage } from './pages/lessons';
import { MinePage } from './pages/mine';
import { DocumentPage, PolicyPage } from './pages/policy';
import { ReviewPage } from './pages/review';
import { SignInPage } from './pages/signIn';
import { WorkPage } from './pages/work';
import type { Role } from '../domain/vocabulary';
import { currentSession, type Session, signOut } from './session';

const NAV: { href: string; label: string; shownTo?: Role[] }[] = [
  { href: '#/work', label: 'My work' },
  { href: '#/cases', label: 'Cases' },
  { href: '#/policy', label: 'Policy' },
  { href: '#/campaigns', label: 'Campaigns' },
  { href: '#/me', label: 'To acknowledge' },
  { href: '#/lessons', label: 'Lessons' },
  // The consistency report is for those who see every case whole (the API refuses anyone else).
  { href: '#/dashboard', label: 'Consistency', shownTo: ['steering_committee', 'hr'] },
];

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/work');
  useEffect(() => {
    const changed = () => setHash(location.hash || '#/work');
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

function route(hash: string, session: Session) {
  const [section = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const param = rest.length > 0 ? decodeURIComponent(rest.join('/')) : '';
  switch (section) {
    case 'cases':
      return param ? <CasePage caseId={param} session={session} /> : <CasesPage />;
    case 'policy':
      return param ? <DocumentPage documentId={param} /> : <PolicyPage />;
    case 'reviews':
      return <ReviewPage reviewId={param} session={session} />;
    case 'campaigns':
      return param ? <CampaignPage campaignId={param} session={session} /> : <CampaignsPage />;
    case 'me':
      return <MinePage />;
    case 'lessons':
      return <LessonsPage />;
    case 'dashboard':
      return <DashboardPage />;
    default:
      return <WorkPage />;
  }
}

function App() {
  const [session, setSession] = useState<Session | null>(currentSession());
  const hash = useHash();
  useEffect(() => {
    const lost = () => setSession(null);
    window.addEventListener('signed-out', lost);
    return () => window.removeEventListener('signed-out', lost);
  }, []);
  // A new page: its heading takes the focus, so keyboard and screen-reader users start there.
  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, [hash, session]);
  if (!session) return <SignInPage onSignedIn={setSession} />;
  const links = NAV.filter((link) => !link.shownTo || link.shownTo.some((role) => session.roles.includes(role)));
  const active = links.find((link) => hash.startsWith(link.href))?.href;
  return (
    <>
      {/* The hash is the page's route: the skip link moves the focus itself rather than following #main. */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('page-title')?.focus();
        }}
      >
        Skip to the content
      </a>
      <header class="top">
        <p class="brand">Case governance</p>
        <nav aria-label="Main">
          <ul>
            {links.map(({ href, label }) => (
              <li key={href}>
                <a href={href} aria-current={href === active ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="who">
          <span>
            {session.name} <span class="roles">({session.roles.join(', ').replaceAll('_', ' ')})</span>
          </span>
          <button
            type="button"
            class="link-button"
            onClick={() => {
              signOut();
              setSession(null);
            }}
          >
            Sign out
          </button>
        </p>
      </header>
      <main id="main">{route(hash, session)}</main>
    </>
  );
}

const root = document.getElementById('app')!;
// The server's "Loading" placeholder goes: the page renders in its place.
root.replaceChildren();
render(<App />, root);
