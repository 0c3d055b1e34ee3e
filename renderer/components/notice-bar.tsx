import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { appErrorText } from '../../shared/i18n/app-error-text';

/** Long enough to read a sentence aloud to the customer. */
const INFO_VISIBLE_MS = 8000;

/** One live region for engine errors and confirmations, always translated. */
export function NoticeBar() {
  const t = useT();
  const { notice, seq, lang, dismiss } = useApp(useShallow((s) => ({ notice: s.notice, seq: s.noticeSeq, lang: s.lang, dismiss: s.dismissNotice })));
  // Confirmations fade after a while; errors stay until dismissed so none is missed.
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(dismiss, INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, seq, dismiss]);
  const text = !notice ? '' : notice.kind === 'error' ? appErrorText(notice.code, lang) : t(notice.key, notice.params);
  return (
    <div className={`notice-bar ${notice?.kind === 'error' ? 'notice-error' : ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'} aria-live={notice?.kind === 'error' ? 'assertive' : 'polite'}>
      {notice ? (
        <>
          <span key={seq} className="notice-text">
            {notice.kind === 'error' ? <strong>{notice.context ? t(notice.context) : t('app.error')}: </strong> : null}
            {text}
          </span>
          <button type="button" className="btn btn-small" onClick={dismiss}>
            {t('app.dismiss')}
          </button>
        </>
      ) : null}
    </div>
  );
}
