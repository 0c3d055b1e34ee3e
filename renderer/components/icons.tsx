/** Small inline icons (no emoji font is guaranteed on helpdesk PCs). Decorative: text always accompanies them. */
export function LockIcon() {
  return (
    <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7 V5 a3 3 0 0 1 6 0 V7" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

export function KeyIcon() {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="5" cy="8" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 8 H15 M12.5 8 V11 M14.5 8 V10" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
