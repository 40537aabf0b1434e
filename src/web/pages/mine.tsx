import { getJson, send } from '../api';
import { Badge, Loading, Page, Problem, useLoad, when } from '../components';
import { useSubmission } from '../forms';

interface Pending {
  campaignId: string;
  title: string;
  versionNumber: number;
  changeSummary: string;
  deadline: string;
  overdue: boolean;
}

interface SessionOffer {
  id: string;
  startsAt: string;
  facilitator: string;
  placesLeft: number;
  mine: { registered: boolean } | null;
}

function Sessions({ campaignId }: { campaignId: string }) {
  const sessions = useLoad(
    () => getJson<{ sessions: SessionOffer[] }>(`/api/campaigns/${encodeURIComponent(campaignId)}/sessions`),
    [campaignId],
  );
  const submission = useSubmission();
  const register = (sessionId: string) =>
    submission
      .submit(
        () => send('POST', `/api/campaigns/${encodeURIComponent(campaignId)}/sessions/${encodeURIComponent(sessionId)}/registrations`),
        'Registered.',
      )
      .then((done) => done && sessions.reload());
  return (
    <Loading loaded={sessions}>
      {({ sessions: list }) =>
        list.length === 0 ? (
          <p class="sub">No know-how session scheduled yet.</p>
        ) : (
          <ul>
            {list.map((item) => (
              <li key={item.id}>
                {when(item.startsAt)} with {item.facilitator} ({item.placesLeft} places left){' '}
                {item.mine?.registered ? (
                  <Badge tone="ok">Registered</Badge>
                ) : (
                  <button type="button" onClick={() => register(item.id)} disabled={submission.busy || item.placesLeft === 0}>
                    Register
                  </button>
                )}
              </li>
            ))}
            <Problem problem={submission.problem} />
          </ul>
        )
      }
    </Loading>
  );
}

function Acknowledgement({ item, onDone }: { item: Pending; onDone: () => void }) {
  const submission = useSubmission();
  const acknowledge = async () => {
    if (
      await submission.submit(
        () => send('POST', `/api/campaigns/${encodeURIComponent(item.campaignId)}/acknowledgements`),
        'Acknowledged. Thank you.',
      )
    )
      onDone();
  };
  return (
    <li class="panel">
      <h2>
        {item.title}, version {item.versionNumber} {item.overdue && <Badge tone="overdue">Overdue</Badge>}
      </h2>
      <p>{item.changeSummary}</p>
      <p class="sub">
        Please acknowledge by {when(item.deadline)}. <a href="#/policy/social-media-policy">Read what changed</a>
      </p>
      <Problem problem={submission.problem} />
      <button type="button" onClick={acknowledge} disabled={submission.busy}>
        I have read the revised policy
      </button>
      <h3>Know-how sessions</h3>
      <Sessions campaignId={item.campaignId} />
    </li>
  );
}

/** For every employee: the revised policies to acknowledge and the sessions to register for. */
export function MinePage() {
  const pending = useLoad(() => getJson<{ pending: Pending[] }>('/api/me/acknowledgements'), []);
  return (
    <Page title="To acknowledge">
      <Loading loaded={pending}>
        {({ pending: list }) =>
          list.length === 0 ? (
            <p class="empty" role="status">
              You have acknowledged every revised policy.
            </p>
          ) : (
            <ul class="cards">
              {list.map((item) => (
                <Acknowledgement key={item.campaignId} item={item} onDone={pending.reload} />
              ))}
            </ul>
          )
        }
      </Loading>
    </Page>
  );
}
