import { describe, expect, it } from 'vitest';
import { INSPECTION_PRODUCTS, matchInspectionProduct } from './inspection-products';

describe('matchInspectionProduct', () => {
  it('names the product from an issuer text', () => {
    expect(matchInspectionProduct('CN=avast! Web/Mail Shield Root, O=avast! Web/Mail Shield')?.id).toBe('avast');
    expect(matchInspectionProduct('CN=ESET SSL Filter CA, O=ESET spol. s r. o.')?.id).toBe('eset');
    expect(matchInspectionProduct('CN=Zscaler Intermediate Root CA, O=Zscaler Inc.')?.id).toBe('zscaler');
  });
  it('matches no public CA', () => {
    for (const issuer of ["CN=R11, O=Let's Encrypt, C=US", 'CN=WR2, O=Google Trust Services, C=US', 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc', 'CN=Mail Doctor Lab Root CA']) {
      expect(matchInspectionProduct(issuer), issuer).toBeUndefined();
    }
  });
  it('every entry has both languages and a grade', () => {
    for (const p of INSPECTION_PRODUCTS) expect(p.name.ja && p.name.en && p.grade).toBeTruthy();
  });
});
