import type { RequestRecord } from '@cors-playground/scenario';
import type { ReactNode } from 'react';
import type { VerdictView } from '../predict/messages';
import { FixView } from './fix-view';
import { OutcomeBadge } from './outcome-badge';
import { SpecStep, VerdictList } from './verdict-list';

export interface RecordCellProps {
  side: 'predicted' | 'actual';
  record: RequestRecord | null;
  differing: ReadonlySet<string>;
  /** Shown when there is no record on this side. */
  placeholder: string;
  stale?: boolean;
  /** The model's reasons (predicted side). */
  trace?: VerdictView[];
}

function Field({ name, differs, children }: { name: string; differs: boolean; children: ReactNode }) {
  return (
    <div className={differs ? 'field differs' : 'field'}>
      <span className="field-name">{name}</span>
      <span className="field-value">{children}</span>
    </div>
  );
}

function Preflight({ record }: { record: RequestRecord }) {
  if (!record.preflight.sent) return <span className="muted">not sent</span>;
  return (
    <span>
      <span className="preflight-sent">sent</span>
      {record.preflight.reasons.length > 0 && <span className="reasons"> · {record.preflight.reasons.join('; ')}</span>}
    </span>
  );
}

function Headers({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="muted">none</span>;
  return (
    <span className="chips">
      {names.map((name) => (
        <code key={name} className="chip">
          {name}
        </code>
      ))}
    </span>
  );
}

/** The names of the cookies the request carried to its server; shown when there are some, or when the sides disagree. */
function Cookies({ cookies }: { cookies: string[] | null }) {
  if (cookies === null) return <span className="muted">did not reach a server</span>;
  return <Headers names={cookies} />;
}

/** One side of a request row: outcome, status, preflight and why, readable headers, console line. */
function FailedCheck({ record, trace }: { record: RequestRecord; trace: VerdictView[] }) {
  const failure = trace.find((verdict) => verdict.result === 'fail');
  if (!failure && !record.blockedBy) return null;
  return (
    <Field name="failed" differs={false}>
      {failure ? (
        <span className="failed-check">
          <SpecStep verdict={failure} />
        </span>
      ) : (
        <code>{record.blockedBy}</code>
      )}
    </Field>
  );
}

export function RecordCell({ side, record, differing, placeholder, stale = false, trace = [] }: RecordCellProps) {
  const testId = `${side}-cell`;
  if (!record) {
    return (
      <div className={`record-cell record-cell-empty${stale ? ' stale' : ''}`} data-testid={testId}>
        <span className="muted">{placeholder}</span>
      </div>
    );
  }
  const consoleLine = record.console.chromium;
  return (
    <div className={`record-cell${stale ? ' stale' : ''}`} data-testid={testId} data-outcome={record.outcome}>
      <div className={differing.has('outcome') ? 'cell-head differs' : 'cell-head'}>
        <OutcomeBadge outcome={record.outcome} testId={`${side}-outcome`} />
        <span className={differing.has('status') ? 'status differs' : 'status'} title="Status as JavaScript sees it">
          {record.status === 0 ? 'status 0' : record.status}
        </span>
      </div>
      <Field name="preflight" differs={differing.has('preflight.sent')}>
        <Preflight record={record} />
      </Field>
      <Field name="readable" differs={differing.has('visibleHeaders')}>
        <Headers names={record.visibleHeaders} />
      </Field>
      {record.cookies !== undefined && ((record.cookies?.length ?? 0) > 0 || differing.has('cookies')) && (
        <Field name="cookies" differs={differing.has('cookies')}>
          <span data-testid={`${side}-cookies`}>
            <Cookies cookies={record.cookies} />
          </span>
        </Field>
      )}
      {record.outcome !== 'ok' && <FailedCheck record={record} trace={trace} />}
      {consoleLine && (
        <Field name="console" differs={differing.has('console.chromium')}>
          <span className="console-line" title={consoleLine}>
            {consoleLine}
          </span>
        </Field>
      )}
      {side === 'predicted' && record.fix && <FixView fix={record.fix} />}
      <VerdictList verdicts={trace} />
    </div>
  );
}
