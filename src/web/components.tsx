import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiProblem } from './api';

export const words = (value: string | null | undefined) => (value ?? '').replaceAll('_', ' ');

export function when(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export interface Loaded<T> {
  data: T | null;
  problem: ApiProblem | Error | null;
  reload: () => void;
}

/** Loads what a page shows, again whenever `reload` is called or a dependency changes. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<ApiProblem | Error | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && (setData(value), setProblem(null)),
      (error: Error) => current && setProblem(error),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  return { data, problem, reload: useCallback(() => setGeneration((n) => n + 1), []) };
}

export function Problem({ problem }: { problem: ApiProblem | Error | null }) {
  if (!problem) return null;
  const code = problem instanceof ApiProblem ? problem.code : null;
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{problem instanceof ApiProblem && problem.status === 404 ? 'Not found or not yours to see.' : 'Refused:'}</strong>{' '}
        {problem.message}
      </p>
      {code && <p class="code">Reason code: {code}</p>}
      {problem instanceof ApiProblem && problem.fields.length > 0 && (
        <ul>
          {problem.fields.map((field) => (
            <li key={field.path}>
              <code>{field.path}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Page({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Case governance`;
  }, [title]);
  return (
    <section aria-labelledby="page-title">
      <header class="page-header">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div class="actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.problem) return <Problem problem={loaded.problem} />;
  if (loaded.data === null) return <p class="loading">Loading…</p>;
  return <>{children(loaded.data)}</>;
}

export function Badge({ tone, children }: { tone: 'overdue' | 'ok' | 'info' | 'warn'; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

/** A labelled form control; its error, when the API named it, is read out with it. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes tying a control to its hint and error. */
export function described(id: string, error?: string, hint?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

export interface Bar {
  label: string;
  segments: { key: string; value: number }[];
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 230;
const CHART_WIDTH = 640;

/** A horizontal stacked bar chart drawn as SVG, with the same figures in a table for screen readers. */
export function BarChart(props: { id: string; title: string; bars: Bar[]; legend: readonly string[]; tones?: Record<string, string> }) {
  const { id, title, bars, legend, tones = {} } = props;
  const toneOf = (key: string) => tones[key] ?? `segment-${legend.indexOf(key) % 8}`;
  if (bars.length === 0) return <p class="empty">{title}: nothing in this period.</p>;
  const max = Math.max(1, ...bars.map((bar) => bar.segments.reduce((sum, segment) => sum + segment.value, 0)));
  const scale = (CHART_WIDTH - LABEL_WIDTH - 40) / max;
  const height = bars.length * (BAR_HEIGHT + 8) + 8;
  return (
    <figure class="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`} class="chart-svg">
        {bars.map((bar, row) => {
          const y = 8 + row * (BAR_HEIGHT + 8);
          let x = LABEL_WIDTH;
          const total = bar.segments.reduce((sum, segment) => sum + segment.value, 0);
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 5} text-anchor="end" class="chart-label">
                {bar.label}
              </text>
              {bar.segments.map((segment) => {
                const width = segment.value * scale;
                const rect = (
                  <rect key={segment.key} x={x} y={y} width={width} height={BAR_HEIGHT} class={`segment ${toneOf(segment.key)}`}>
                    <title>{`${bar.label}, ${words(segment.key)}: ${segment.value}`}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + BAR_HEIGHT / 2 + 5} class="chart-value">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      {legend.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {legend.map((key) => (
            <li key={key}>
              <span class={`swatch ${toneOf(key)}`} />
              {words(key)}
            </li>
          ))}
        </ul>
      )}
      <table class="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.segments.map((segment) => `${words(segment.key)}: ${segment.value}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A labelled text area; `hint` and the API's error about it are tied to it. */
export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  hint?: string;
  rows?: number;
}) {
  const { id, label, value, onValue, error, hint, rows = 2 } = props;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <textarea {...described(id, error, hint)} rows={rows} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
    </Field>
  );
}
