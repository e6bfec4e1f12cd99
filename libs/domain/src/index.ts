// The domain's only entry point: other code imports `#domain`, never a file inside it.

export * from './values/council.js';
export * from './values/support.js';
export * from './values/iso-date.js';
export * from './values/identifiers.js';
export { isOneOf } from './values/one-of.js';

export * from './commands/commands.js';
export * from './events/events.js';
export { EVENT_SCHEMA_VERSION, upcast } from './events/schema.js';
export * from './errors.js';

export * from './calendar/fiscal-calendar.js';

export * from './catalogue/catalogue.js';
export * from './catalogue/targets.js';
export { OFFER_CODE_PATTERN, parseCatalogue } from './catalogue/parse-catalogue.js';
export { parseTargets, TARGET_CODE_PATTERN } from './catalogue/parse-targets.js';

export type { DecisionContext } from './decider/context.js';
export * from './decider/state.js';
export { decide } from './decider/decide.js';
export { evolve, foldCouncil } from './decider/evolve.js';
export { correctableFieldsOf } from './decider/correction-rules.js';
export * from './decider/id-map.js';
