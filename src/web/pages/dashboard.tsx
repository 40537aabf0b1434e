import { useState } from 'preact/hooks';
import { download, getJson, query } from '../api';
import { BarChart, Loading, Page, Problem, useLoad, when, words } from '../components';
import type { ConsistencyReport } from '../../domain/consistencyReport';
import { SANCTIONS } from '../../domain/vocabulary';

const DAY = 24 * 60 * 60 * 1000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

const bySanction = (groups: { key: string; bySanction: { key: string; count: number }[] }[]) =>
  groups.map((group) => ({
    label: words(group.key),
    segments: SANCTIONS.map((sanction) => ({
      key: sanction,
      value: group.bySanction.find((item) => item.key === sanction)?.count ?? 0,
    })).filter((segment) => segment.value > 0),
  }));

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <div class="tile">
      <p class="tile-value">{value}</p>
      <p class="tile-label">{label}</p>
    </div>
  );
}

/** The consistency dashboard: does the same act get the same sanction for everyone, who decides, how fast, and where it departed. */
export function DashboardPage() {
  const [from, setFrom] = useState(day(Date.now() - 90 * DAY));
  const [to, setTo] = useState(day(Date.now() + DAY));
  const [problem, setProblem] = useState<Error | null>(null);
  const period = query({ from, to });
  const report = useLoad(() => getJson<ConsistencyReport>(`/api/reports/consistency${period}`), [period]);
  return (
    <Page
      title="Consistency"
      actions={
        <>
          <button
            type="button"
            onClick={() => download(`/api/reports/consistency.csv${period}`, `consistency-${from}-${to}.csv`).catch(setProblem)}
          >
            Download CSV
          </button>
          <button
            type="button"
            onClick={() => download(`/api/reports/consistency${period}`, `consistency-${from}-${to}.json`).catch(setProblem)}
          >
            Download JSON
          </button>
        </>
      }
    >
      <Problem problem={problem} />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label for="period-from">From</label>
        <input id="period-from" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <label for="period-to">to (excluded)</label>
        <input id="period-to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </form>
      <Loading loaded={report}>
        {(data) => (
          <>
            <div class="tiles">
              <Tile label="decisions in force" value={data.decisions} />
              <Tile label="sanctions" value={data.sanctions.total} />
              <Tile label="departures from precedent" value={data.deviations.length} />
              <Tile label="median hours to decide" value={data.timeToDecision.medianHours ?? '—'} />
              <Tile label="overdue decisions now" value={data.overdue.total} />
              <Tile label="escalations" value={data.escalations.total} />
            </div>
            <BarChart
              id="by-act"
              title="Sanctions by act (category and severity)"
              legend={SANCTIONS}
              bars={bySanction(data.sanctions.byAct)}
            />
            <BarChart
              id="by-department"
              title="Sanctions by department"
              legend={SANCTIONS}
              bars={bySanction(data.sanctions.byDepartment)}
            />
            <BarChart id="by-role" title="Sanctions by deciding role" legend={SANCTIONS} bars={bySanction(data.sanctions.byDecidingRole)} />
            <BarChart
              id="time-to-decision"
              title="Median hours to a decision, by deciding role"
              legend={['hours']}
              bars={data.timeToDecision.byDecidingRole.map((role) => ({
                label: words(role.key),
                segments: [{ key: 'hours', value: role.medianHours ?? 0 }],
              }))}
            />
            <BarChart
              id="escalations"
              title="Escalations, by step"
              legend={['escalations']}
              bars={data.escalations.byStep.map((step) => ({
                label: words(step.key).replace('>', ' → '),
                segments: [{ key: 'escalations', value: step.count }],
              }))}
            />
            <section class="panel" aria-labelledby="deviations-title">
              <h2 id="deviations-title">Departures from precedent</h2>
              {data.deviations.length === 0 ? (
                <p>None in this period.</p>
              ) : (
                <table class="list">
                  <thead>
                    <tr>
                      <th scope="col">Case</th>
                      <th scope="col">Act</th>
                      <th scope="col">Sanction</th>
                      <th scope="col">Justification</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.deviations.map((deviation) => (
                      <tr key={deviation.caseId}>
                        <td>
                          <a href={`#/cases/${encodeURIComponent(deviation.caseId)}`}>{deviation.caseId}</a>
                        </td>
                        <td>{words(deviation.act)}</td>
                        <td>{words(deviation.sanction)}</td>
                        <td>{deviation.justification}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section class="panel" aria-labelledby="overdue-title">
              <h2 id="overdue-title">Overdue decisions now</h2>
              {data.overdue.cases.length === 0 ? (
                <p>None.</p>
              ) : (
                <ul>
                  {data.overdue.cases.map((item) => (
                    <li key={item.caseId}>
                      <a href={`#/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</a>, {words(item.decidingRole)}, due{' '}
                      {when(item.dueAt)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </Loading>
    </Page>
  );
}
