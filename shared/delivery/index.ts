/** Fix delivery: profile, autoconfig, customer text and QR code from the sourced correct settings. */
export * from './delivery-types';
export { buildMobileconfig, profileIdentifier, MAIL_PAYLOAD_TYPE, type ProfileOptions, type ProfileResult } from './mobileconfig';
export { buildAutoconfig, type AutoconfigResult } from './autoconfig-doc';
export { buildCustomerText, type CustomerText } from './customer-text';
export { qrMatrix, qrPath, qrSvg, qrTerminal, QrTooLongError, QR_MAX_BYTES, type QrMatrix } from './qr-code';
export { SOURCE_NAME } from './delivery-text';
