/** @module Decrypting the sensitive values of a project file and remembering which ones stay unavailable. */
import { decryptPackageXml, type UnavailableValue } from '../protection/index.ts';
import { attr, SSIS_NAMESPACE, type XmlDocument, type XmlElement } from '../xml/index.ts';

/** The outcome: what could not be decrypted, by element and as the list callers turn into warnings. */
export interface SensitiveValues {
  readonly byElement: ReadonlyMap<XmlElement, UnavailableValue['reason']>;
  readonly unavailable: readonly UnavailableValue[];
}

/** Decrypts the password-encrypted values of `doc` in place (throws SsisError 0xC0014037 for a wrong password). */
export function decryptSensitiveValues(doc: XmlDocument, password: string | undefined): SensitiveValues {
  // The manifest's PasswordVerifier is not a value anyone needs: a user-key verifier is simply not checked.
  const unavailable = decryptPackageXml(doc, password).unavailable.filter((u) => attr(u.element, `{${SSIS_NAMESPACE}}Name`) !== 'PasswordVerifier');
  return { byElement: new Map(unavailable.map((u) => [u.element, u.reason])), unavailable };
}
