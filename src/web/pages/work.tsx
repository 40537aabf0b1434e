import { getJson } from '../api';
import { Badge, Loading, Page, useLoad, when, words } from '../components';
import { WORK_KIND_LABELS, type WorkItem } from '../../domain/workItems';

export function linkOf(subject: WorkItem['subject']): string {
  if (subject.type === 'case') return `#/cases/${encodeURIComponent(subject.id)}`;
  if (subject.type === 'policy_review') return `#/reviews/${encodeURIComponent(subject.id)}`;
  return '#/me';
}

/** What waits on the signed-in person, oldest first, overdue ones marked. */
export function WorkPage() {
  const work = useLoad(() => getJson<{ items: WorkItem[] }>('/api/me/work'), []);
  return (
    <Page title="My work">
      <Loading loaded={work}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="empty">Nothing waits on you.</p>
          ) : (
            <table class="list">
              <caption>{items.length === 1 ? '1 item waits on you' : `${items.length} items wait on you`}, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">About</th>
                  <th scope="col">Waiting since</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={`${item.kind}:${item.subject.id}`} class={item.overdue ? 'overdue' : undefined}>
                    <td>
                      <a href={linkOf(item.subject)}>{WORK_KIND_LABELS[item.kind]}</a>
                      <div class="sub">{item.subject.id}</div>
                    </td>
                    <td>{words(item.about)}</td>
                    <td>{when(item.since)}</td>
                    <td>
                      {when(item.dueAt)} {item.overdue && <Badge tone="overdue">Overdue</Badge>}
                    </td>
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
