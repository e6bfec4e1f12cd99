import { personalDataIn } from '#ledger';

/**
 * Looks through stored events for personal data: fields whose name says they hold it, at
 * any depth of the data or the metadata, and string values that look like an email
 * address or a UK phone number. Events are never erased, so anything found here could
 * never be forgotten; people belong in the people store, named in events by opaque id.
 */

export interface ScannableEvent {
  readonly id: string;
  readonly streamName: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

export interface Finding {
  readonly streamName: string;
  readonly type: string;
  readonly eventId: string;
  /** Where in the event: `data.correction.email`, `metadata.recordedBy`, `data.topics[1]`. */
  readonly path: string;
  readonly kind: 'personal field' | 'email address' | 'phone number';
}

/** Field names (lower-cased, letters only) that hold personal data whatever their value. */
const PERSONAL_FIELDS = new Set([
  'firstname',
  'lastname',
  'fullname',
  'givenname',
  'surname',
  'forename',
  'forenames',
  'middlename',
  'maidenname',
  'email',
  'emailaddress',
  'phone',
  'phonenumber',
  'telephone',
  'tel',
  'mobile',
  'mobilenumber',
  'address',
  'homeaddress',
  'postaladdress',
  'postcode',
  'zipcode',
  'dateofbirth',
  'dob',
  'birthdate',
  'birthday',
  'nationalinsurancenumber',
  'nino',
]);
const PERSONAL_FIELD_PATTERNS = [
  /(first|last|full|given|sur|fore|middle|maiden|nick)name$/,
  /email|phone|mobile|postcode|dateofbirth|birthdate/,
  /(adviser|mentee|leader|expert|person|participant|member|contact|officer|councillor|mentor|peer|user|chair|mayor)(name|address)$/,
];

const GSS = /^E\d{8}$/;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `name` is personal unless it names a council or an offer: beside a GSS code
 * (CouncilRegistered, the rows of snapshot documents), beside an offer code (a report's
 * offer rows), or a correction of a council's registered name.
 */
function isNonPersonalName(event: ScannableEvent, path: string, holder: Record<string, unknown>) {
  if (typeof holder['gss'] === 'string' && GSS.test(holder['gss'])) return true;
  if (event.type === 'SnapshotCreated' && typeof holder['offer'] === 'string') return true;
  const data = isRecord(event.data) ? event.data : {};
  return (
    event.type === 'EventCorrected' &&
    data['targetType'] === 'CouncilRegistered' &&
    path === 'data.correction.name'
  );
}

export function isPersonalFieldName(key: string): boolean {
  const normal = key.toLowerCase().replace(/[^a-z]/g, '');
  return PERSONAL_FIELDS.has(normal) || PERSONAL_FIELD_PATTERNS.some((p) => p.test(normal));
}

/** Every finding in one event. */
export function scanEvent(event: ScannableEvent): Finding[] {
  const findings: Finding[] = [];
  const found = (path: string, kind: Finding['kind']) =>
    findings.push({
      streamName: event.streamName,
      type: event.type,
      eventId: event.id,
      path,
      kind,
    });
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const kind of personalDataIn(value)) found(path, kind);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}.${key}`;
        const personal =
          key === 'name' ? !isNonPersonalName(event, childPath, value) : isPersonalFieldName(key);
        if (personal) found(childPath, 'personal field');
        visit(child, childPath);
      }
    }
  };
  visit(event.data, 'data');
  visit(event.metadata, 'metadata');
  return findings;
}
