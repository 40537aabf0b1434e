import { getJson } from '../api';
import { Loading, Page, useLoad, when } from '../components';

interface Lesson {
  id: string;
  kind: string;
  title: string;
  parts: { key: string; heading: string; text: string }[];
  publishedAt: string;
}

/** The community feed of published, anonymised lessons. */
export function LessonsPage() {
  const lessons = useLoad(() => getJson<{ lessons: Lesson[] }>('/api/lessons'), []);
  return (
    <Page title="Lessons">
      <Loading loaded={lessons}>
        {({ lessons: list }) =>
          list.length === 0 ? (
            <p class="empty">No lesson published yet.</p>
          ) : (
            list.map((lesson) => (
              <article key={lesson.id} class="panel lesson">
                <h2>{lesson.title}</h2>
                <p class="sub">
                  {lesson.kind === 'good_practice' ? 'Good practice' : 'What we learnt'}, published {when(lesson.publishedAt)}
                </p>
                {lesson.parts.map((part) => (
                  <section key={part.key}>
                    <h3>{part.heading}</h3>
                    <p>{part.text}</p>
                  </section>
                ))}
              </article>
            ))
          )
        }
      </Loading>
    </Page>
  );
}
