import { parse } from 'csv-parse/sync';
import {
  AUTHORITY_TYPES,
  type AuthorityType,
  type CouncilCommand,
  REGIONS,
  type Region,
  isGssCode,
  isIsoDate,
  isOneOf,
  politicalControlFromSource,
} from '#domain';

/** One register command with the idempotency key that makes re-imports append nothing. */
export interface RegisterEntry {
  readonly command: CouncilCommand;
  readonly idempotencyKey: string;
}

/**
 * Composition in political-control.csv is recorded after each May's local
 * elections, so control takes effect the day after polling day. 2020's
 * elections were postponed; a change that year (defections, by-elections) is
 * dated as if they had been held.
 */
const CONTROL_EFFECTIVE: Readonly<Record<number, string>> = {
  2016: '2016-05-06',
  2017: '2017-05-05',
  2018: '2018-05-04',
  2019: '2019-05-03',
  2020: '2020-05-08',
  2021: '2021-05-07',
  2022: '2022-05-06',
  2023: '2023-05-05',
  2024: '2024-05-03',
  2025: '2025-05-02',
  2026: '2026-05-08',
};

/** Bodies with no valid_from existed before the register's records begin. */
const RECORDS_BEGIN = '2016-04-01';

interface CouncilRow {
  gss_code: string;
  name: string;
  authority_type: string;
  region: string;
  valid_from: string;
  valid_to: string;
  replaced_by: string;
}

interface ControlRow {
  gss_code: string;
  year: string;
  control: string;
}

const rows = <T>(csv: string): T[] =>
  parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as T[];

class RegisterDataError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file} line ${line}: ${message}`);
  }
}

function checked(
  council: CouncilRow,
  line: number,
): { authorityType: AuthorityType; region: Region } {
  const fail = (message: string) => new RegisterDataError('councils.csv', line, message);
  if (!isGssCode(council.gss_code))
    throw fail(`gss_code ${JSON.stringify(council.gss_code)} is not a GSS code`);
  if (!isOneOf(AUTHORITY_TYPES, council.authority_type))
    throw fail(`unknown authority_type ${council.authority_type}`);
  if (!isOneOf(REGIONS, council.region)) throw fail(`unknown region ${council.region}`);
  for (const date of [council.valid_from, council.valid_to]) {
    if (date && !isIsoDate(date)) throw fail(`${date} is not a YYYY-MM-DD date`);
  }
  return { authorityType: council.authority_type, region: council.region };
}

/** The register as commands, in an order the decider accepts: register, control changes, abolition. */
export function councilRegisterCommands(councilsCsv: string, controlCsv: string): RegisterEntry[] {
  const controlByCouncil = new Map<string, ControlRow[]>();
  for (const row of rows<ControlRow>(controlCsv)) {
    const list = controlByCouncil.get(row.gss_code) ?? [];
    list.push(row);
    controlByCouncil.set(row.gss_code, list);
  }
  return rows<CouncilRow>(councilsCsv).flatMap((council, index) => {
    const { authorityType, region } = checked(council, index + 2);
    const gss = council.gss_code;
    const validFrom = council.valid_from || null;
    const validTo = council.valid_to || null;
    const entries: RegisterEntry[] = [
      {
        idempotencyKey: `register:${gss}`,
        command: {
          type: 'RegisterCouncil',
          data: {
            gss,
            occurredAt: validFrom ?? RECORDS_BEGIN,
            name: council.name,
            authorityType,
            region,
            validFrom,
            validTo,
          },
        },
      },
    ];
    const years = (controlByCouncil.get(gss) ?? []).sort((a, b) => Number(a.year) - Number(b.year));
    for (const row of years) {
      const control = politicalControlFromSource(row.control);
      if (control === null) continue;
      const effective = CONTROL_EFFECTIVE[Number(row.year)];
      if (effective === undefined)
        throw new Error(`political-control.csv: no election date for year ${row.year}`);
      const occurredAt = validFrom !== null && validFrom > effective ? validFrom : effective;
      if (validTo !== null && occurredAt > validTo) continue;
      entries.push({
        idempotencyKey: `register:${gss}:control:${row.year}`,
        command: { type: 'ChangePoliticalControl', data: { gss, occurredAt, control } },
      });
    }
    if (validTo !== null) {
      entries.push({
        idempotencyKey: `register:${gss}:abolished`,
        command: {
          type: 'AbolishCouncil',
          data: {
            gss,
            occurredAt: validTo,
            lastDay: validTo,
            successors: council.replaced_by ? [council.replaced_by] : [],
          },
        },
      });
    }
    return entries;
  });
}
