/** How a caller should treat a refusal, without the domain knowing about HTTP. */
export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid';

/**
 * Base of every refusal of the domain. `code` is stable (clients and the exception filter
 * switch on it); `kind` maps to a status in one place; `details` name the facts involved.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/*
 * Each subclass fixes its code and kind with getters: they live on the prototype, so they
 * work whatever the class-field semantics of the compiler, and need no `override` dance.
 */
function errorClass(code: string, kind: DomainErrorKind) {
  return class extends DomainError {
    get code(): string {
      return code;
    }
    get kind(): DomainErrorKind {
      return kind;
    }
  };
}

export class CouncilNotRegistered extends errorClass('CouncilNotRegistered', 'not_found') {
  constructor(gss: string) {
    super(`council ${gss} is not registered`, { gss });
  }
}

export class CouncilAlreadyRegistered extends errorClass('CouncilAlreadyRegistered', 'conflict') {
  constructor(gss: string) {
    super(`council ${gss} is already registered with different details`, { gss });
  }
}

export class CouncilAbolished extends errorClass('CouncilAbolished', 'conflict') {
  constructor(gss: string, lastDay: string, date: string) {
    super(`council ${gss} ceased to exist after ${lastDay}; ${date} is later`, {
      gss,
      lastDay,
      date,
    });
  }
}

export class DateBeforeCouncilExisted extends errorClass('DateBeforeCouncilExisted', 'invalid') {
  constructor(gss: string, validFrom: string, date: string, field = 'occurredAt') {
    super(`${field} ${date} is before council ${gss} existed (from ${validFrom})`, {
      gss,
      validFrom,
      date,
      field,
    });
  }
}

export class DateInFuture extends errorClass('DateInFuture', 'invalid') {
  constructor(date: string, today: string, field = 'occurredAt') {
    super(`${field} ${date} is after today (${today})`, { date, today, field });
  }
}

export class DateOutOfRange extends errorClass('DateOutOfRange', 'invalid') {
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { field });
  }
}

export class LastDayBeforeRecordedActivity extends errorClass(
  'LastDayBeforeRecordedActivity',
  'conflict',
) {
  constructor(gss: string, lastDay: string, lastActivityOn: string) {
    super(
      `council ${gss} cannot end on ${lastDay}: support is recorded on ${lastActivityOn}; retract it first`,
      { gss, lastDay, lastActivityOn },
    );
  }
}

export class DuplicateEngagementId extends errorClass('DuplicateEngagementId', 'conflict') {
  constructor(id: string, usedBy: string) {
    super(`id ${id} is already used by a ${usedBy} of this council`, { id, usedBy });
  }
}

export class EngagementNotFound extends errorClass('EngagementNotFound', 'not_found') {
  constructor(area: string, id: string) {
    super(`no ${area} ${id} is recorded for this council`, { area, id });
  }
}

export class InvalidLifecycleStep extends errorClass('InvalidLifecycleStep', 'conflict') {
  constructor(area: string, id: string, status: string, step: string) {
    super(`${area} ${id} is ${status}: cannot ${step}`, { area, id, status, step });
  }
}

export class OfferNotInCatalogue extends errorClass('OfferNotInCatalogue', 'invalid') {
  constructor(offerCode: string, financialYear: string) {
    super(`offer ${offerCode} is not in the ${financialYear} catalogue`, {
      offerCode,
      financialYear,
    });
  }
}

export class EventNotFound extends errorClass('EventNotFound', 'not_found') {
  constructor(eventId: string) {
    super(`no event ${eventId} in this council's stream`, { eventId });
  }
}

export class EventAlreadyRetracted extends errorClass('EventAlreadyRetracted', 'conflict') {
  constructor(eventId: string) {
    super(`event ${eventId} is already retracted`, { eventId });
  }
}

/** A field rule a DTO may not know (cross-field, or that depends on the event named). */
export class InvalidCommand extends errorClass('InvalidCommand', 'invalid') {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { field });
  }
}

export class UnknownEventType extends errorClass('UnknownEventType', 'invalid') {
  constructor(type: string) {
    super(`unknown event type ${type}`, { type });
  }
}

export class UnsupportedSchemaVersion extends errorClass('UnsupportedSchemaVersion', 'invalid') {
  constructor(type: string, schemaVersion: number) {
    super(`event type ${type} has no schema version ${schemaVersion}`, { type, schemaVersion });
  }
}

/** Bad catalogue or targets data; `field` is the path inside the file, e.g. offers[3].unit. */
export class InvalidReferenceData extends errorClass('InvalidReferenceData', 'invalid') {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`, { file, field });
  }
}
