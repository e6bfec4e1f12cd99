import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';

/**
 * Events are immutable and cannot be erased, so free text in a command must not carry
 * contact details: people live in the erasable people store (/people) and events name
 * them only by opaque id. These detectors are deliberately narrow (email addresses and UK
 * telephone numbers, the contact details people actually paste into notes), so that
 * ordinary evidence such as dates, sums of money and GSS codes never trips them.
 */

export type PersonalDataKind = 'email address' | 'phone number';

const EMAIL =
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/;

/**
 * A run of digits, spaces, brackets and hyphens starting +44 or 0, not glued to a word,
 * an id, a date or a decimal on either side (so UUIDs, ISO dates and positions are left alone).
 */
const PHONE_CANDIDATE = /(?<![\w.:/@+-])(?:\+ ?44 ?(?:\(0\) ?)?|\(?0)[\d ()-]{6,20}\d(?!\w)/g;
const INTERNATIONAL = /^\+ ?44 ?(?:\(0\) ?)?/;
/** UK national numbers: 0, then 9 or 10 digits, the first of which is not 0. */
const UK_NATIONAL = /^0[1-9]\d{8,9}$/;

/**
 * True when the first one, two or three digit groups of a candidate form a UK number as
 * people write them (07700 900123, 020 7946 0958, 0161 496 0000, +44 (0)20 7946 0958);
 * four or more short groups (01 02 2019 10) read as a date or a list, not a phone.
 */
function isUkPhone(candidate: string): boolean {
  const international = INTERNATIONAL.exec(candidate);
  const rest = international ? candidate.slice(international[0].length) : candidate;
  const groups = rest.split(/[\s()-]+/).filter((group) => group !== '');
  for (let count = 1; count <= Math.min(3, groups.length); count += 1) {
    const taken = groups.slice(0, count);
    if (taken.slice(1).some((group) => group.length < 3)) return false;
    const digits = (international ? '0' : '') + taken.join('');
    if (UK_NATIONAL.test(digits)) return true;
  }
  return false;
}

/** The kinds of personal data found in a text, in a fixed order; empty when none. */
export function personalDataIn(text: string): PersonalDataKind[] {
  const kinds: PersonalDataKind[] = [];
  if (EMAIL.test(text)) kinds.push('email address');
  if ([...text.matchAll(PHONE_CANDIDATE)].some(([candidate]) => isUkPhone(candidate))) {
    kinds.push('phone number');
  }
  return kinds;
}

export const containsPersonalData = (text: string): boolean => personalDataIn(text).length > 0;

export const PERSONAL_DATA_REFUSAL =
  'must not contain an email address or a phone number: personal data belongs in the people ' +
  'store (PUT /people/{id}), and events refer to people by opaque id';

/**
 * Refuses free text holding an email address or a UK phone number. Non-strings pass: type
 * rules (IsString) report those once, in their own words.
 */
export function NoPersonalData(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noPersonalData',
      validator: {
        validate: (value) => typeof value !== 'string' || !containsPersonalData(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property ${PERSONAL_DATA_REFUSAL}`,
          options,
        ),
      },
    },
    options,
  );
}
