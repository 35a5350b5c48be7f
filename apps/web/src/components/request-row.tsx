import type { RequestRecord } from '@cors-playground/scenario';
import { describeUrl, type RequestRowModel } from '../view/comparison';
import { usePlaygroundStore } from '../store/store';
import { apiLabel } from '../view/request-api';
import { blockedThirdPartyCookiesNote } from '../view/third-party-cookies';
import { RecordCell } from './record-cell';

export interface RequestRowProps {
  row: RequestRowModel;
  comparable: boolean;
  predictedPlaceholder: string;
  actualPlaceholder: string;
  actualStale: boolean;
}

/** The API that made the request; when the two sides disagree on it, both are named. */
function RequestApi({ row, shown }: { row: RequestRowModel; shown: RequestRecord }) {
  const differs = row.differing.has('api') && row.actual !== null;
  const { label, title } = apiLabel(shown.api);
  const actual = differs && row.actual ? apiLabel(row.actual.api).label : null;
  return (
    <span className={differs ? 'request-api differs' : 'request-api'} title={actual ? `${title}; the browser made it with ${actual}` : title} data-testid="request-api" data-api={shown.api}>
      {label}
      {actual && <span className="request-api-actual"> / {actual}</span>}
    </span>
  );
}

function Agreement({ row, comparable }: { row: RequestRowModel; comparable: boolean }) {
  if (!comparable) return null;
  const count = row.differing.size;
  if (count === 0) return <span className="agreement agree">agree</span>;
  return (
    <span className="agreement disagree" title={[...row.differing].join(', ')}>
      {count === 1 ? '1 difference' : `${count} differences`}
    </span>
  );
}

export function RequestRow({ row, comparable, predictedPlaceholder, actualPlaceholder, actualStale }: RequestRowProps) {
  const shown: RequestRecord | null = row.predicted ?? row.actual;
  const where = shown ? describeUrl(shown) : null;
  const differs = comparable && row.differing.size > 0;
  const ran = usePlaygroundStore((state) => state.ui.run.scenario);
  const cookiesNote = comparable && row.differing.has('cookies') ? blockedThirdPartyCookiesNote(ran, row.predicted, row.actual) : null;
  return (
    <article className={differs ? 'request-row disagrees' : 'request-row'} data-testid={`request-row-${row.index}`} data-disagrees={differs}>
      <header className="request-row-head">
        <span className="request-index">{row.index + 1}</span>
        {shown && (
          <>
            <RequestApi row={row} shown={shown} />
            <span className={row.differing.has('method') ? 'request-method differs' : 'request-method'}>{shown.method}</span>
            <span className={row.differing.has('url') ? 'request-url differs' : 'request-url'} title={shown.url}>
              <span className="origin-label">{where?.target}</span>
              {where?.path}
            </span>
          </>
        )}
        <Agreement row={row} comparable={comparable} />
      </header>
      <div className="request-row-sides">
        <RecordCell side="predicted" record={row.predicted} differing={row.differing} placeholder={predictedPlaceholder} trace={row.trace} />
        <RecordCell side="actual" record={row.actual} differing={row.differing} placeholder={actualPlaceholder} stale={actualStale} />
      </div>
      {cookiesNote && (
        <p className="row-note" data-testid="third-party-cookies-note">
          {cookiesNote}
        </p>
      )}
    </article>
  );
}
