/**
 * Recognisable device pictograms, drawn inline (no external assets under the CSP).
 * Decorative: the device name is always written next to the icon.
 */
import type { Device } from '../../shared/models/device';
import { assertNever } from '../../shared/result';

export function DeviceIcon({ device, size = 48 }: { device: Device; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false" className="device-icon">
      {shape(device)}
    </svg>
  );
}

function shape(device: Device) {
  switch (device) {
    case 'iphone':
      return (
        <g fill="none" stroke="currentColor" strokeWidth="2.5">
          <rect x="14" y="4" width="20" height="40" rx="4" />
          <rect x="20" y="7" width="8" height="2.5" rx="1.2" fill="currentColor" stroke="none" />
          <rect x="17" y="13" width="6" height="6" rx="1.5" fill="#2f7de1" stroke="none" />
          <rect x="25" y="13" width="6" height="6" rx="1.5" fill="#34c759" stroke="none" />
          <rect x="17" y="21" width="6" height="6" rx="1.5" fill="#ff9500" stroke="none" />
          <rect x="25" y="21" width="6" height="6" rx="1.5" fill="#af52de" stroke="none" />
        </g>
      );
    case 'outlook-classic':
      return (
        <g>
          <rect x="18" y="10" width="26" height="28" rx="2" fill="#1490df" />
          <path d="M18 14 L31 24 L44 14" fill="none" stroke="#fff" strokeWidth="2" />
          <rect x="4" y="8" width="22" height="32" rx="3" fill="#0a64ad" />
          <ellipse cx="15" cy="24" rx="6" ry="8" fill="none" stroke="#fff" strokeWidth="3" />
        </g>
      );
    case 'outlook-new':
      return (
        <g>
          <rect x="18" y="10" width="26" height="28" rx="6" fill="#28a8ea" />
          <path d="M18 16 L31 26 L44 16" fill="none" stroke="#fff" strokeWidth="2" />
          <rect x="4" y="8" width="22" height="32" rx="7" fill="#0f78d4" />
          <ellipse cx="15" cy="24" rx="6" ry="8" fill="none" stroke="#fff" strokeWidth="3" />
          <circle cx="40" cy="9" r="5" fill="#ffb900" />
        </g>
      );
    case 'android-gmail':
      return (
        <g>
          <rect x="5" y="11" width="38" height="28" rx="3" fill="#fff" stroke="currentColor" strokeWidth="1.5" />
          <path d="M5 14 L24 28 L43 14" fill="none" stroke="#ea4335" strokeWidth="4" strokeLinejoin="round" />
          <path d="M5 14 V39" stroke="#4285f4" strokeWidth="4" />
          <path d="M43 14 V39" stroke="#34a853" strokeWidth="4" />
          <circle cx="40" cy="9" r="5" fill="#3ddc84" />
        </g>
      );
    case 'samsung-email':
      return (
        <g>
          <rect x="4" y="4" width="40" height="40" rx="12" fill="#e8473e" />
          <rect x="12" y="15" width="24" height="18" rx="2" fill="none" stroke="#fff" strokeWidth="2.5" />
          <path d="M12 17 L24 26 L36 17" fill="none" stroke="#fff" strokeWidth="2.5" />
        </g>
      );
    case 'mac-mail':
      return (
        <g>
          <rect x="4" y="6" width="40" height="28" rx="3" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <path d="M18 34 L16 42 H32 L30 34" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
          <rect x="12" y="12" width="24" height="16" rx="2" fill="#2f7de1" />
          <path d="M12 13 L24 22 L36 13" fill="none" stroke="#fff" strokeWidth="2" />
        </g>
      );
    default:
      return assertNever(device, 'device');
  }
}
