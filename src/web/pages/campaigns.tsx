import { useState } from 'preact/hooks';
import { getJson, send } from '../api';
import { Badge, BarChart, described, Field, Loading, Page, Problem, useLoad, when, words } from '../components';
import { useSubmission } from '../forms';
import { holds, type Session } from '../session';

interface CampaignSummary {
  campaignId: string;
  status: string;
  title: string;
  versionNumber: number;
  deadline: string;
  recipients: number;
  acknowledged: number;
}

interface Emails {
  sent: number;
  failed: number;
  inDoubt: number;
  skipped: number;
  sending: number;
}

interface CampaignReport {
  campaignId: string;
  status: string;
  title: string;
  versionNumber: number;
  changeSummary: string;
  startedAt: string;
  deadline: string;
  coverage: {
    total: number;
    acknowledged: number;
    rate: number;
    byDepartment: { department: string; total: number; acknowledged: number; rate: number }[];
  };
  emails: { announcement: Emails; reminders: Emails & { rounds: number }; managerReports: Emails };
  sessions: {
    scheduled: number;
    held: number;
    registered: number;
    attended: number;
    list: {
      id: string;
      startsAt: string;
      facilitator: string;
      capacity: number;
      registered: number;
      attended: number;
      heldAt: string | null;
    }[];
  };
  live: { phase: string; nextReminderAt?: string | null } | null;
}

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

export function CampaignsPage() {
  const campaigns = useLoad(() => getJson<{ campaigns: CampaignSummary[] }>('/api/campaigns'), []);
  return (
    <Page title="Campaigns">
      <Loading loaded={campaigns}>
        {({ campaigns: list }) =>
          list.length === 0 ? (
            <p class="empty">No campaign yet: one starts when a revision of the social-media policy is approved.</p>
          ) : (
            <table class="list">
              <caption>Awareness campaigns, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col">Status</th>
                  <th scope="col">Acknowledged</th>
                  <th scope="col">Deadline</th>
                </tr>
              </thead>
              <tbody>
                {list.map((campaign) => (
                  <tr key={campaign.campaignId}>
                    <td>
                      <a href={`#/campaigns/${encodeURIComponent(campaign.campaignId)}`}>
                        {campaign.title}, version {campaign.versionNumber}
                      </a>
                    </td>
                    <td>
                      <Badge tone={campaign.status === 'running' ? 'warn' : 'ok'}>{words(campaign.status)}</Badge>
                    </td>
                    <td>
                      {campaign.acknowledged} of {campaign.recipients}
                    </td>
                    <td>{when(campaign.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </Page>
  );
}

function SessionForm({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const submission = useSubmission();
  const [startsAt, setStartsAt] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [capacity, setCapacity] = useState('20');
  const schedule = async (event: Event) => {
    event.preventDefault();
    const body = { startsAt: startsAt ? new Date(startsAt).toISOString() : '', facilitator, capacity: Number(capacity) };
    if (
      await submission.submit(() => send('POST', `/api/campaigns/${encodeURIComponent(campaignId)}/sessions`, body), 'Session scheduled.')
    )
      onDone();
  };
  return (
    <form class="panel" onSubmit={schedule} aria-labelledby="session-title" noValidate>
      <h2 id="session-title">Schedule a know-how session</h2>
      <Field id="session-starts" label="Starts at" error={submission.errorAt('startsAt')}>
        <input
          type="datetime-local"
          {...described('session-starts', submission.errorAt('startsAt'))}
          value={startsAt}
          onInput={(e) => setStartsAt(e.currentTarget.value)}
        />
      </Field>
      <Field id="session-facilitator" label="Facilitator" error={submission.errorAt('facilitator')}>
        <input
          {...described('session-facilitator', submission.errorAt('facilitator'))}
          value={facilitator}
          onInput={(e) => setFacilitator(e.currentTarget.value)}
        />
      </Field>
      <Field id="session-capacity" label="Places" error={submission.errorAt('capacity')}>
        <input
          type="number"
          min={1}
          {...described('session-capacity', submission.errorAt('capacity'))}
          value={capacity}
          onInput={(e) => setCapacity(e.currentTarget.value)}
        />
      </Field>
      <Problem problem={submission.problem} />
      <button type="submit" disabled={submission.busy}>
        Schedule
      </button>
    </form>
  );
}

/** A campaign's coverage by department, its e-mails and reminders, and its sessions. */
export function CampaignPage({ campaignId, session }: { campaignId: string; session: Session }) {
  const report = useLoad(() => getJson<CampaignReport>(`/api/campaigns/${encodeURIComponent(campaignId)}`), [campaignId]);
  return (
    <Page title={report.data ? `${report.data.title}, version ${report.data.versionNumber}` : 'Campaign'}>
      <Loading loaded={report}>
        {(view) => (
          <>
            <p class="status-line">
              <Badge tone={view.status === 'running' ? 'warn' : 'ok'}>{words(view.status)}</Badge> since {when(view.startedAt)}, deadline{' '}
              {when(view.deadline)}
              {view.live?.phase && <span> · {words(view.live.phase)}</span>}
            </p>
            <p>{view.changeSummary}</p>
            <p class="figure">
              <strong>{percent(view.coverage.rate)}</strong> acknowledged ({view.coverage.acknowledged} of {view.coverage.total})
            </p>
            <BarChart
              id="coverage"
              title="Acknowledgements by department"
              legend={['acknowledged', 'not yet']}
              tones={{ acknowledged: 'segment-done', 'not yet': 'segment-pending' }}
              bars={view.coverage.byDepartment.map((row) => ({
                label: `${row.department} (${percent(row.rate)})`,
                segments: [
                  { key: 'acknowledged', value: row.acknowledged },
                  { key: 'not yet', value: row.total - row.acknowledged },
                ],
              }))}
            />
            <section class="panel" aria-labelledby="emails-title">
              <h2 id="emails-title">E-mails and reminders</h2>
              <table class="list">
                <thead>
                  <tr>
                    <th scope="col">Message</th>
                    <th scope="col">Sent</th>
                    <th scope="col">Failed</th>
                    <th scope="col">In doubt</th>
                    <th scope="col">Skipped</th>
                  </tr>
                </thead>
                <tbody>
                  {(
                    [
                      ['Announcement', view.emails.announcement],
                      [`Reminders (${view.emails.reminders.rounds} rounds)`, view.emails.reminders],
                      ['Manager reports', view.emails.managerReports],
                    ] as const
                  ).map(([label, counts]) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td>{counts.sent}</td>
                      <td>{counts.failed}</td>
                      <td>{counts.inDoubt}</td>
                      <td>{counts.skipped}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section class="panel" aria-labelledby="sessions-title">
              <h2 id="sessions-title">Know-how sessions</h2>
              {view.sessions.list.length === 0 ? (
                <p>None scheduled.</p>
              ) : (
                <ul>
                  {view.sessions.list.map((item) => (
                    <li key={item.id}>
                      {when(item.startsAt)} with {item.facilitator}: {item.registered} of {item.capacity} places taken
                      {item.heldAt ? `, held (${item.attended} attended)` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {view.status === 'running' && holds(session, 'communications') && (
              <SessionForm campaignId={campaignId} onDone={report.reload} />
            )}
          </>
        )}
      </Loading>
    </Page>
  );
}
