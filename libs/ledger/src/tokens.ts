/** Injection tokens for ports that are interfaces (no runtime class to inject by). */
export const EVENT_STORE = Symbol('EventStore');
export const LEDGER_CONFIG = Symbol('LedgerConfig');
export const OFFER_CATALOGUE = Symbol('OfferCatalogue');
export const TARGET_SETS = Symbol('TargetSets');
export const READ_MODEL_STORE = Symbol('ReadModelStore');
export const RISK_RULES = Symbol('RiskRules');
