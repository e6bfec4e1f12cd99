import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';
import {
  LEDGER_CUT_DESCRIPTION,
  isKnownAtText,
  isLedgerCutText,
  isPositionText,
} from './ledger-cut.js';

/** `asOf`: a ledger position, or a date or instant the ledger is cut "as known at". */
export function IsLedgerCut(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLedgerCut',
      validator: {
        validate: (value) => isLedgerCutText(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be ${LEDGER_CUT_DESCRIPTION}`,
          options,
        ),
      },
    },
    options,
  );
}

/** A date (end of that day, London time) or an instant with a zone. */
export function IsKnownAt(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKnownAt',
      validator: {
        validate: (value) => isKnownAtText(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a date YYYY-MM-DD or an instant with a zone such as 2019-08-15T17:00:00Z`,
          options,
        ),
      },
    },
    options,
  );
}

/** A ledger position as JSON carries it: a decimal string. */
export function IsPosition(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPosition',
      validator: {
        validate: (value) => isPositionText(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a ledger position written as a decimal string`,
          options,
        ),
      },
    },
    options,
  );
}
