import { dismissNotice } from '../store/actions';
import { usePlaygroundStore } from '../store/store';

export function NoticeBanner() {
  const notice = usePlaygroundStore((state) => state.ui.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role="alert" data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="notice-close" onClick={dismissNotice} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
