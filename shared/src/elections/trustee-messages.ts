import { JsonShapeError, parseJson, readArray, readObject, readSignedMsg, readString, readTrusteePublicKey, str, writeSignedMsg, writeTrusteePublicKey } from './crypto/json.ts';
import type { Polynomial, SignedMsg, Vinput, Voutput } from './crypto/types.ts';

/**
 * The trustees' key-setup messages as they travel over HTTP (issue 17): a
 * trustee's device posts its certificate (writeSignedMsg), its polynomial and
 * its voutput; the server hands each trustee the certificates and its vinput.
 * The fields are Belenios' (§4.6.4–§4.6.6), in its order.
 */

const strings = (x: unknown, what: string): string[] => readArray(x, what).map((s, i) => readString(s, `${what}[${i}]`));

export const writePolynomial = (p: Polynomial): string =>
  `{"polynomial":${str(p.polynomial)},"secrets":[${p.secrets.map(str).join(',')}],"coefexps":${writeSignedMsg(p.coefexps)}}`;

export function readPolynomial(raw: string): Polynomial {
  const o = readObject(parseJson(raw, 'polynomial'), 'polynomial');
  return { polynomial: readString(o.polynomial, 'polynomial.polynomial'), secrets: strings(o.secrets, 'polynomial.secrets'), coefexps: readSignedMsg(o.coefexps, 'polynomial.coefexps') };
}

export const writeVinput = (v: Vinput): string =>
  `{"polynomial":${str(v.polynomial)},"secrets":[${v.secrets.map(str).join(',')}],"coefexps":[${v.coefexps.map(writeSignedMsg).join(',')}]}`;

export function readVinput(raw: string): Vinput {
  const o = readObject(parseJson(raw, 'vinput'), 'vinput');
  return {
    polynomial: readString(o.polynomial, 'vinput.polynomial'),
    secrets: strings(o.secrets, 'vinput.secrets'),
    coefexps: readArray(o.coefexps, 'vinput.coefexps').map((c, i) => readSignedMsg(c, `vinput.coefexps[${i}]`)),
  };
}

export const writeVoutput = (v: Voutput): string => `{"private_key":${str(v.private_key)},"public_key":${writeTrusteePublicKey(v.public_key)}}`;

export function readVoutput(raw: string): Voutput {
  const o = readObject(parseJson(raw, 'voutput'), 'voutput');
  return { private_key: readString(o.private_key, 'voutput.private_key'), public_key: readTrusteePublicKey(o.public_key, 'voutput.public_key') };
}

/** A certificate as posted (step 1). */
export const readCert = (raw: string): SignedMsg => readSignedMsg(parseJson(raw, 'certificate'), 'certificate');

export { JsonShapeError };
